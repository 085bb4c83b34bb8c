//! Retrieval-augmented generation: knowledge the model was not trained on is cut into chunks
//! ([`chunk`]), found for a question by meaning (the embedding model, [`search`]), by keywords
//! ([`bm25`]) or by both ([`hybrid`]), and put into the prompt as context ([`prompt`]) for a
//! chat model trained to use it (`www/models/rag`: `training/rag.json` and the `rag_more*.json`
//! runs on it, data from [`crate::corpus::rag`]). The bundled knowledge base is
//! [`crate::corpus::knowledge`].

pub mod bm25;
pub mod chunk;
pub mod hybrid;
pub mod prompt;
pub mod search;

use crate::corpus::knowledge::TestQuestion;
use chunk::Chunk;

/// The page's defaults: chunks of whole sentences with at most this many words, this much
/// overlap, and this many chunks put into the prompt (`scripts/bench.sh rag` measures them).
pub const CHUNK_WORDS: usize = 20;
pub const OVERLAP_WORDS: usize = 0;
pub const K: usize = 3;

/// Whether a chunk holds the whole answer (all of the evidence's sentences).
pub fn holds(chunk: &Chunk, t: &TestQuestion) -> bool {
    chunk.text.contains(t.evidence.as_str())
}

/// Share of questions for which a chunk holding the whole answer is among `hits` (the
/// retrieved chunk indices per question): recall@k.
pub fn recall(chunks: &[Chunk], questions: &[TestQuestion], hits: &[Vec<usize>]) -> f32 {
    let found = questions
        .iter()
        .zip(hits)
        .filter(|(t, h)| h.iter().any(|&i| holds(&chunks[i], t)))
        .count();
    found as f32 / questions.len().max(1) as f32
}

/// Whether an answer contains the value a right answer needs (letter case ignored).
pub fn answered(answer: &str, t: &TestQuestion) -> bool {
    answer.to_lowercase().contains(&t.value.to_lowercase())
}
