//! The pretraining pipeline that `lupe train` and the training lab share: named documents →
//! a byte-level BPE tokenizer learned on them → one token source per name → blocks for training
//! and validation. The model and the run's settings are each caller's own.

use crate::chat;
use crate::corpus;
use crate::tokenizer::Tokenizer;
use crate::tokenizer::train::{Mode, TrainStep, train as train_tokenizer};
use crate::training::data::{Batcher, Source};

/// Documents by source name: `(name, documents)`.
pub type Documents = [(String, Vec<String>)];

/// What the pipeline made from the documents.
pub struct PretrainData {
    pub tokenizer: Tokenizer,
    /// The tokenizer's merges in the order it learned them.
    pub merges: Vec<TrainStep>,
    /// Each source's characters (as the tokenizer saw them), in the order of the documents.
    pub chars: Vec<usize>,
    pub batcher: Batcher,
}

/// A source of every token of `docs` (joined), all counted in the loss, with its mixture weight.
pub fn encode_source(tokenizer: &Tokenizer, name: &str, docs: &[String], weight: f64) -> Source {
    let tokens = tokenizer.encode_with(&corpus::join(docs), true);
    Source {
        name: name.to_string(),
        mask: vec![1.0; tokens.len()],
        tokens,
        weight,
    }
}

/// Learns a tokenizer of `vocab_size` tokens (with the chat's special tokens) on `documents`,
/// encodes each source with its `weight(name)`, and cuts `seq_len`-token blocks, holding out
/// the share `validation` of each source (shuffled by `seed`).
pub fn pretraining_data(
    documents: &Documents,
    vocab_size: usize,
    weight: impl Fn(&str) -> f64,
    seq_len: usize,
    validation: f64,
    seed: u64,
) -> Result<PretrainData, String> {
    let texts: Vec<String> = documents
        .iter()
        .map(|(_, d)| corpus::tokenizer_text(d))
        .collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (tokenizer, merges) = train_tokenizer(Mode::ByteLevel, &refs, vocab_size, &chat::SPECIALS)
        .map_err(|e| e.to_string())?;
    let sources: Vec<Source> = documents
        .iter()
        .map(|(name, docs)| encode_source(&tokenizer, name, docs, weight(name)))
        .collect();
    let chars = texts.iter().map(|t| t.chars().count()).collect();
    let batcher =
        Batcher::new(sources, seq_len, validation, seed).map_err(|e| e.message.clone())?;
    Ok(PretrainData {
        tokenizer,
        merges,
        chars,
        batcher,
    })
}
