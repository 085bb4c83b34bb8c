//! The retrieval chapter's models, settings and index: the documents cut into chunks, each
//! embedded by the trained embedding model and by its untrained start (for the before/after
//! map), built a few chunks per frame with progress.

use std::rc::Rc;

use crate::corpus::knowledge::documents;
use crate::embedder::Embedder;
use crate::i18n::Lang;
use crate::rag::chunk::{Chunk, chunk};
use crate::rag::hybrid::RRF_K;
use crate::rag::search::{Index, Method};
use crate::rag::{CHUNK_WORDS, K, OVERLAP_WORDS};
use crate::route::RagView;
use crate::session::Loaded;
use crate::tokenizer::Tokenizer;

/// At most this many chunks are searched (a few seconds to embed in the page).
pub const MAX_CHUNKS: usize = 2000;
/// Chunks embedded per frame while the index is built.
const PER_FRAME: usize = 4;

/// The chapter's three models: the embedding model, its untrained start (the base model with
/// the same head shape) and the retrieval model that answers.
pub struct Models {
    pub embedder: Embedder,
    pub tokenizer: Tokenizer,
    pub before: Embedder,
    pub rag: Rc<Loaded>,
}

/// Loads the three models (from the site; the service worker keeps them for offline use).
pub async fn load() -> Result<Models, String> {
    let (embedder, tokenizer) = crate::ui::fetch::embedder_folder("embed").await?;
    let base = crate::ui::fetch::model_folder("base").await?;
    let before = Embedder::from_base(base.model.as_ref().clone(), embedder.projection.rows);
    let rag = Rc::new(crate::ui::fetch::model_folder("rag").await?);
    Ok(Models {
        embedder,
        tokenizer,
        before,
        rag,
    })
}

/// The searchable knowledge: the trained index and the untrained vectors of the same chunks.
pub struct Built {
    pub index: Index,
    pub before: Index,
}

/// Embeds the chunks with both embedders in slices of [`PER_FRAME`], reporting progress;
/// `alive` says whether the result is still wanted.
pub async fn build(
    models: Rc<Models>,
    chunks: Vec<Chunk>,
    progress: impl Fn(usize, usize),
    alive: impl Fn() -> bool,
) -> Option<Built> {
    let k = models.embedder.projection.rows;
    let (mut after, mut before) = (Vec::new(), Vec::new());
    for part in chunks.chunks(PER_FRAME) {
        for c in part {
            let embed = |e: &Embedder| {
                e.embed(&models.tokenizer, &c.text)
                    .map_or(vec![0.0; k], |v| v.0)
            };
            after.push(embed(&models.embedder));
            before.push(embed(&models.before));
        }
        progress(after.len(), chunks.len());
        gloo::timers::future::TimeoutFuture::new(0).await;
        if !alive() {
            return None;
        }
    }
    Some(Built {
        index: Index::new(chunks.clone(), after),
        before: Index::new(chunks, before),
    })
}

/// The chapter's settings: from the link when it names them, else the defaults.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub size: usize,
    pub overlap: usize,
    pub k: usize,
    pub rrf: f32,
    /// The search whose hits go into the prompt.
    pub method: Method,
    pub question: String,
}

/// The k values of reciprocal rank fusion the page offers.
pub const RRF_CHOICES: [usize; 3] = [1, 10, 60];

impl Settings {
    pub fn of(v: &RagView, lang: Lang) -> Settings {
        Settings {
            size: v.chunk.unwrap_or(CHUNK_WORDS).clamp(10, 80),
            overlap: v.overlap.unwrap_or(OVERLAP_WORDS).min(20),
            k: v.k.unwrap_or(K).clamp(1, 3),
            rrf: v
                .rrf
                .filter(|r| RRF_CHOICES.contains(r))
                .map_or(RRF_K, |r| r as f32),
            // Hybrid by default: on the held-out questions it finds at least as much as either
            // search alone (BENCHMARKS.md).
            method: v
                .method
                .as_deref()
                .and_then(Method::from_code)
                .unwrap_or(Method::Hybrid),
            question: v
                .question
                .clone()
                .unwrap_or_else(|| crate::corpus::knowledge::showcase(lang)[0].question.clone()),
        }
    }
}

/// The bundled documents (when used) and the own texts, as (name, text).
pub fn all_documents(lang: Lang, bundled: bool, own: &[(String, String)]) -> Vec<(String, String)> {
    let mut d = if bundled { documents(lang) } else { Vec::new() };
    d.extend(own.iter().cloned());
    d
}

/// Every document's chunks, at most [`MAX_CHUNKS`], and how many there were in all.
pub fn chunks_of(docs: &[(String, String)], size: usize, overlap: usize) -> (Vec<Chunk>, usize) {
    let mut all: Vec<Chunk> = docs
        .iter()
        .flat_map(|(name, text)| chunk(name, text, size, overlap))
        .collect();
    let n = all.len();
    all.truncate(MAX_CHUNKS);
    (all, n)
}
