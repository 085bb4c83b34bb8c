//! Retrieval-augmented generation: knowledge the model was not trained on is cut into chunks
//! ([`chunk`]), found for a question by keywords ([`bm25`]) or by meaning ([`vectors`]), and put
//! into the prompt as context ([`prompt`]) for a chat model trained to use it
//! (`www/models/rag`, `training/rag.json`, data from [`crate::corpus::rag`]).

pub mod bm25;
pub mod chunk;
pub mod prompt;
pub mod vectors;

use crate::corpus::rag::handbook_facts;
use crate::i18n::Lang;
use chunk::Chunk;

/// The handbook's questions in `lang` with the sentence that answers each, and the value a
/// correct answer contains: the fixed test set of retrieval and answers.
pub fn test_questions(lang: Lang) -> Vec<(String, String, String)> {
    handbook_facts()
        .iter()
        .map(|f| {
            let t = f.get(lang);
            (t.question.clone(), t.sentence.clone(), t.value.clone())
        })
        .collect()
}

/// Share of questions for which a chunk holding the whole answer sentence is among `hits`
/// (the retrieved chunk indices per question): recall@k.
pub fn recall(
    chunks: &[Chunk],
    questions: &[(String, String, String)],
    hits: &[Vec<usize>],
) -> f32 {
    let found = questions
        .iter()
        .zip(hits)
        .filter(|((_, sentence, _), h)| {
            h.iter()
                .any(|&i| chunks[i].text.contains(sentence.as_str()))
        })
        .count();
    found as f32 / questions.len().max(1) as f32
}
