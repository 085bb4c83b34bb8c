//! The lessons' texts, in our own words, Swiss German and English: for every chapter a goal,
//! the guided steps with the state each needs, the checked questions it asks, and the notes for
//! teachers. The structure is [`crate::lesson`]; a missing translation does not compile (every
//! text is a pair).
//!
//! | file | chapters |
//! |---|---|
//! | [`input`] | overview, tokens, embeddings, positions |
//! | [`layer`] | attention, residual & LayerNorm, FFN |
//! | [`output`] | logits, sampling, generation |
//! | [`around`] | roles, training, retrieval |
//! | [`questions`] | the checked questions' texts |

mod around;
mod input;
mod layer;
mod output;
pub mod questions;

use crate::chapters::Chapter;
use crate::lesson::Lesson;

/// The lesson of a chapter.
pub fn of(c: Chapter) -> Option<&'static Lesson> {
    Some(match c {
        Chapter::Overview => &input::OVERVIEW,
        Chapter::Tokens => &input::TOKENS,
        Chapter::Embeddings => &input::EMBEDDINGS,
        Chapter::Positions => &input::POSITIONS,
        Chapter::Attention => &layer::ATTENTION,
        Chapter::LayerNorm => &layer::LAYERNORM,
        Chapter::Ffn => &layer::FFN,
        Chapter::Logits => &output::LOGITS,
        Chapter::Sampling => &output::SAMPLING,
        Chapter::Generation => &output::GENERATION,
        Chapter::Roles => &around::ROLES,
        Chapter::Training => &around::TRAINING,
        Chapter::Rag => &around::RAG,
        Chapter::Glossary => return None,
    })
}
