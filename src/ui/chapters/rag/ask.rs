//! One question through the whole chapter: embedded by both embedders, searched three ways, the
//! chosen hits put into the prompt, and the retrieval model's answers with and without them.

use crate::chat::Role;
use crate::corpus::knowledge::evidence_for;
use crate::i18n::Lang;
use crate::rag::prompt::{answer, assemble};
use crate::rag::search::Hits;

use super::index::{Built, Models, Settings};

/// The answer to one question.
#[derive(Clone, PartialEq)]
pub struct Asked {
    pub question: String,
    /// The question was longer than the embedding model's context and was cut for the search.
    pub cut: bool,
    pub hits: Hits,
    /// The untrained start's vector hits, for the before/after comparison.
    pub before_hits: Vec<(usize, f32)>,
    /// 2-D maps of the chunks and (last) the question, after and before training.
    pub map: Vec<(f32, f32)>,
    pub before_map: Vec<(f32, f32)>,
    /// The chunk that holds the answer, when the knowledge base knows the question.
    pub answer_chunk: Option<usize>,
    /// The sentence(s) that answer it, for the same case.
    pub evidence: Option<String>,
    /// That chunk's rank (from 1) among all chunks by vector search, after and before training.
    pub rank_after: Option<usize>,
    pub rank_before: Option<usize>,
    pub prompt: Vec<(u32, Option<Role>)>,
    pub used: usize,
    pub with_context: String,
    pub without_context: String,
}

/// Searches, builds the prompt and lets the retrieval model answer; `None` for an empty question.
pub fn ask(m: &Models, built: &Built, s: &Settings, lang: Lang) -> Option<Asked> {
    let q = s.question.trim().to_string();
    if q.is_empty() {
        return None;
    }
    let after = m.embedder.embed(&m.tokenizer, &q);
    let before = m.before.embed(&m.tokenizer, &q);
    let hits = built
        .index
        .search(&q, after.as_ref().map(|v| v.0.as_slice()), s.k, s.rrf);
    let before_hits = before
        .as_ref()
        .map(|v| built.before.by_vector(&v.0, s.k))
        .unwrap_or_default();
    let map = after
        .as_ref()
        .map(|v| built.index.map(&v.0))
        .unwrap_or_default();
    let before_map = before
        .as_ref()
        .map(|v| built.before.map(&v.0))
        .unwrap_or_default();
    let evidence = evidence_for(lang, &q);
    let answer_chunk = evidence.as_ref().and_then(|e| {
        built
            .index
            .chunks
            .iter()
            .position(|c| c.text.contains(e.as_str()))
    });
    let everything = built.index.chunks.len();
    let rank = |ix: &crate::rag::search::Index, v: &Option<(Vec<f32>, bool)>| {
        let (chunk, v) = (answer_chunk?, v.as_ref()?);
        rank_of(&ix.by_vector(&v.0, everything), chunk)
    };
    let (rank_after, rank_before) = (rank(&built.index, &after), rank(&built.before, &before));
    let passages: Vec<String> = hits
        .of(s.method)
        .iter()
        .map(|&(i, _)| built.index.chunks[i].text.clone())
        .collect();
    let rag = &m.rag;
    let (ids, roles, used) = assemble(&rag.model, &rag.tokenizer, lang, &passages, &q);
    let with_context = if passages.is_empty() {
        String::new()
    } else {
        crate::chat::reply(&rag.model, &rag.tokenizer, &ids)
    };
    let without_context = answer(&rag.model, &rag.tokenizer, lang, &[], &q);
    Some(Asked {
        question: q,
        cut: after.is_some_and(|v| v.1),
        hits,
        before_hits,
        map,
        before_map,
        answer_chunk,
        evidence,
        rank_after,
        rank_before,
        prompt: ids.into_iter().zip(roles).collect(),
        used,
        with_context,
        without_context,
    })
}

/// The rank (from 1) of `chunk` among `hits`.
pub fn rank_of(hits: &[(usize, f32)], chunk: usize) -> Option<usize> {
    hits.iter().position(|h| h.0 == chunk).map(|r| r + 1)
}
