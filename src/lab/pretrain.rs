//! Pretraining in the lab: a text (the built-in corpus, one of its parts, or the user's own) is
//! cleaned, a tokenizer is learned on it, the token stream is cut into fixed-length blocks, and
//! a tiny GPT learns from random weights to predict each next token.

use serde::{Deserialize, Serialize};

use crate::chat;
use crate::corpus::{self, Sizes, web::Report};
use crate::model::generate::{GenerateOptions, generate};
use crate::model::{Config, Gpt, Positions};
use crate::sampling::Sampling;
use crate::tokenizer::Tokenizer;
use crate::training::data::Batcher;
use crate::training::forward::{Batch, forward};
use crate::training::pipeline::{PretrainData, pretraining_data};
use crate::training::trainer::{Settings, Trainer};

/// The built-in corpus's size in the lab: small enough to prepare in a few seconds.
const BUILTIN: Sizes = Sizes {
    paragraphs: 1200,
    stories: 300,
    web_pages: 500,
};
/// Merges the page lists, tokens of the held-out sequence whose per-token loss it shows, and
/// the prompts the samples continue.
const MERGES_SHOWN: usize = 40;
const PROBE_TOKENS: usize = 32;
const PROMPTS: [&str; 3] = ["Der König", "The dog", "Es war einmal"];

/// How the pretraining samples are drawn: a little below temperature 1 and from the 40 most
/// likely tokens, so that an early model's text is varied but not noise.
const SAMPLES: Sampling = Sampling {
    temperature: 0.8,
    top_k: 40,
    top_p: 1.0,
};

/// Own text beyond this many bytes is cut (with a notice): training in a browser tab on more
/// would take hours per epoch anyway.
pub const MAX_TEXT_BYTES: usize = 1_000_000;

/// Which text to learn from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextSource {
    /// All three parts of the built-in corpus, mixed by the sliders.
    Builtin,
    Sentences,
    Stories,
    /// Web pages after cleaning.
    Web,
    /// The user's pasted or uploaded text.
    Own,
}

/// The controls of a pretraining run.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PretrainSettings {
    pub source: TextSource,
    pub own_text: String,
    pub vocab_size: usize,
    pub seq_len: usize,
    pub batch_size: usize,
    pub d_model: usize,
    pub n_layer: usize,
    pub lr: f32,
    pub seed: u64,
}

impl TextSource {
    const CODES: [(TextSource, &'static str); 5] = [
        (TextSource::Builtin, "builtin"),
        (TextSource::Sentences, "sentences"),
        (TextSource::Stories, "stories"),
        (TextSource::Web, "web"),
        (TextSource::Own, "own"),
    ];

    /// The name in a link (`src=sentences`).
    pub fn code(self) -> &'static str {
        TextSource::CODES
            .iter()
            .find(|(s, _)| *s == self)
            .map_or("builtin", |(_, c)| c)
    }

    pub fn from_code(code: &str) -> Option<TextSource> {
        TextSource::CODES
            .iter()
            .find(|(_, c)| *c == code)
            .map(|(s, _)| *s)
    }
}

impl Default for PretrainSettings {
    fn default() -> Self {
        PretrainSettings {
            source: TextSource::Builtin,
            own_text: String::new(),
            vocab_size: 512,
            seq_len: 48,
            batch_size: 8,
            d_model: 64,
            n_layer: 2,
            lr: 3e-3,
            seed: 1,
        }
    }
}

/// One source after tokenizing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceInfo {
    pub name: String,
    pub chars: usize,
    pub tokens: usize,
    pub blocks: usize,
    pub weight: f64,
}

/// One learned merge, as text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MergeView {
    pub left: String,
    pub right: String,
    pub merged: String,
    pub count: u64,
}

/// What the preparation did, for the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prepared {
    pub sources: Vec<SourceInfo>,
    /// Web cleaning: pages in/out, removed by reason, examples.
    pub cleaning: Option<Report>,
    /// The first merges of the tokenizer, in order.
    pub merges: Vec<MergeView>,
    pub vocab_size: usize,
    /// The first training block as token labels (`seq_len + 1` tokens).
    pub example_block: Vec<String>,
    pub seq_len: usize,
    pub params: usize,
    /// The own text's length in bytes when it was cut to [`MAX_TEXT_BYTES`].
    pub capped_from: Option<usize>,
}

/// Per-token loss on a fixed held-out sequence (teacher forcing: the model sees `inputs[..=t]`
/// and is scored on `targets[t]`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TokenLosses {
    pub inputs: Vec<String>,
    pub targets: Vec<String>,
    /// `−log p(target)` in nats.
    pub losses: Vec<f32>,
}

/// A pretraining run in progress.
pub struct Pretrain {
    pub trainer: Trainer,
    pub tokenizer: Tokenizer,
    probe: Option<Batch>,
    prompts: Vec<Vec<u32>>,
}

fn label(tokenizer: &Tokenizer, id: u32) -> String {
    tokenizer.token_view(id).label
}

/// Refuses settings the lab does not run (a crafted link may carry any), before any text is
/// made: the sizes the page offers, with some room, and a learning rate that is a number.
fn check(s: &PretrainSettings) -> Result<(), String> {
    if !(16..=128).contains(&s.seq_len) || !(1..=64).contains(&s.batch_size) {
        return Err("sequence length 16–128 and batch size 1–64, please".into());
    }
    if !(16..=256).contains(&s.d_model)
        || !s.d_model.is_multiple_of(4)
        || !(1..=6).contains(&s.n_layer)
    {
        return Err("model width 16–256 (a multiple of 4) and 1–6 layers, please".into());
    }
    if !(260..=4096).contains(&s.vocab_size) {
        return Err("a vocabulary of 260–4096 tokens, please".into());
    }
    if !(s.lr.is_finite() && s.lr > 0.0 && s.lr <= 1000.0) {
        return Err(format!(
            "a learning rate above 0 and at most 1000, please (got {})",
            s.lr
        ));
    }
    Ok(())
}

/// The named documents to train on: the student's own text (cut to [`MAX_TEXT_BYTES`] at a
/// character boundary; the cut-off length returned) or the built-in corpus's chosen parts (with
/// the web cleaning's report).
type Documents = (Vec<(String, Vec<String>)>, Option<usize>, Option<Report>);

fn documents(s: &PretrainSettings) -> Result<Documents, String> {
    if s.source == TextSource::Own {
        let text = s.own_text.trim();
        if text.is_empty() {
            return Err("the text is empty: paste or upload some text first".into());
        }
        let mut text = text.to_string();
        let mut capped_from = None;
        if text.len() > MAX_TEXT_BYTES {
            capped_from = Some(text.len());
            let mut cut = MAX_TEXT_BYTES;
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            text.truncate(cut);
        }
        return Ok((vec![("own text".into(), vec![text])], capped_from, None));
    }
    let c = corpus::generate(s.seed, BUILTIN);
    let cleaning = Some(c.cleaning.clone());
    let all = [
        ("sentences", c.sentences, TextSource::Sentences),
        ("stories", c.stories, TextSource::Stories),
        ("web", c.web, TextSource::Web),
    ];
    let docs = all
        .into_iter()
        .filter(|(_, _, src)| s.source == TextSource::Builtin || s.source == *src)
        .map(|(n, d, _)| (n.to_string(), d))
        .collect();
    Ok((docs, None, cleaning))
}

/// The first [`MERGES_SHOWN`] merges of the tokenizer's training, as labels.
fn merge_views(
    tokenizer: &Tokenizer,
    steps: &[crate::tokenizer::train::TrainStep],
) -> Vec<MergeView> {
    steps
        .iter()
        .take(MERGES_SHOWN)
        .map(|m| MergeView {
            left: label(tokenizer, m.left),
            right: label(tokenizer, m.right),
            merged: label(tokenizer, m.merged),
            count: m.count,
        })
        .collect()
}

/// What the page shows of each source: its characters, tokens, training blocks and weight.
fn source_infos(batcher: &Batcher, chars: &[usize]) -> Vec<SourceInfo> {
    batcher
        .sources()
        .iter()
        .zip(chars)
        .zip(batcher.train_blocks())
        .map(|((src, &chars), blocks)| SourceInfo {
            name: src.name.clone(),
            chars,
            tokens: src.tokens.len(),
            blocks,
            weight: src.weight,
        })
        .collect()
}

/// The lab's model: 4 heads, an FFN 4× as wide as the model, learned positions.
fn model_config(s: &PretrainSettings, vocab_size: usize) -> Config {
    Config {
        vocab_size,
        n_ctx: s.seq_len,
        d_model: s.d_model,
        n_head: 4,
        n_layer: s.n_layer,
        d_ff: 4 * s.d_model,
        layer_norm_eps: 1e-5,
        positions: Positions::Learned,
    }
}

/// A run until the student stops it, at a constant learning rate after a short warm-up.
fn run_settings(s: &PretrainSettings) -> Settings {
    Settings {
        steps: usize::MAX / 2,
        batch_size: s.batch_size,
        lr: s.lr,
        min_lr: s.lr,
        warmup: 20,
        weight_decay: 0.1,
        grad_clip: 1.0,
        eval_every: 50,
    }
}

/// Prepares data, tokenizer and model: documents → byte-level BPE trained on them → token
/// sources → batcher → a GPT from random weights and its trainer.
pub fn prepare(s: &PretrainSettings) -> Result<(Pretrain, Prepared), String> {
    check(s)?;
    let (documents, capped_from, cleaning) = documents(s)?;
    let PretrainData {
        tokenizer,
        merges,
        chars,
        batcher,
    } = pretraining_data(
        &documents,
        s.vocab_size.clamp(300, 4096),
        |_| 1.0,
        s.seq_len,
        0.05,
        s.seed,
    )?;
    let example_block = batcher
        .sources()
        .iter()
        .find(|s| s.tokens.len() > 1)
        .map(|src| {
            src.tokens[..(s.seq_len + 1).min(src.tokens.len())]
                .iter()
                .map(|&id| label(&tokenizer, id))
                .collect()
        })
        .unwrap_or_default();
    let model =
        Gpt::random(model_config(s, tokenizer.vocab_size()), s.seed).map_err(|e| e.to_string())?;
    let params = model.weights.params().iter().map(|(p, _)| p.len()).sum();
    let probe = batcher.validation(1).into_iter().next().map(|mut b| {
        let t = b.seq_len.min(PROBE_TOKENS);
        b.inputs.truncate(t);
        b.targets.truncate(t);
        b.mask.truncate(t);
        b.seq_len = t;
        b
    });
    let prepared = Prepared {
        sources: source_infos(&batcher, &chars),
        cleaning,
        merges: merge_views(&tokenizer, &merges),
        vocab_size: tokenizer.vocab_size(),
        example_block,
        seq_len: s.seq_len,
        params,
        capped_from,
    };
    let trainer = Trainer::new(model, batcher, run_settings(s)).map_err(|e| e.message.clone())?;
    let prompts = PROMPTS
        .iter()
        .map(|p| tokenizer.encode(p))
        .filter(|ids| !ids.is_empty())
        .collect();
    let pretrain = Pretrain {
        trainer,
        tokenizer,
        probe,
        prompts,
    };
    Ok((pretrain, prepared))
}

impl Pretrain {
    /// The loss of every position of the fixed held-out sequence.
    pub fn token_losses(&self) -> Option<TokenLosses> {
        let probe = self.probe.as_ref()?;
        let (_, acts) = forward(&self.trainer.model, probe).ok()?;
        Some(TokenLosses {
            inputs: probe
                .inputs
                .iter()
                .map(|&i| label(&self.tokenizer, i))
                .collect(),
            targets: probe
                .targets
                .iter()
                .map(|&i| label(&self.tokenizer, i))
                .collect(),
            losses: acts.token_losses,
        })
    }

    /// Continuations of the fixed prompts (temperature 0.8, seeded), as text.
    pub fn samples(&self, tokens: usize) -> Vec<String> {
        let end = self.tokenizer.special_id(chat::END);
        self.prompts
            .iter()
            .map(|p| {
                let options = GenerateOptions {
                    max_new_tokens: tokens.min(self.trainer.model.config.n_ctx - p.len()),
                    sampling: SAMPLES,
                    seed: 7,
                    end_token: end,
                };
                let mut ids = p.clone();
                if let Ok(g) = generate(&self.trainer.model, p, options) {
                    ids.extend(g.tokens.iter().filter(|&&t| Some(t) != end));
                }
                self.tokenizer.decode(&ids).unwrap_or_default()
            })
            .collect()
    }
}
