//! One module per chapter. Each reads the shared state (`use_app`) and renders its part of the
//! walk-through from the live analysis of the prompt.

mod attention;
mod embeddings;
mod ffn;
mod generation;
mod glossary;
mod layernorm;
mod logits;
mod overview;
mod pickers;
mod positions;
mod rag;
mod roles;
mod sampling;
mod tokens;
mod training;
mod vocab_map;

use yew::prelude::*;

use crate::chapters::Chapter;
pub use layernorm::norm_index;

#[derive(Properties, PartialEq)]
pub struct BodyProps {
    pub chapter: Chapter,
}

/// Whether a chapter works on the prompt (and shows the prompt bar).
pub fn uses_prompt(c: Chapter) -> bool {
    !matches!(
        c,
        Chapter::Roles | Chapter::Training | Chapter::Rag | Chapter::Glossary
    )
}

/// The interactive part of a chapter.
#[function_component(ChapterBody)]
pub fn chapter_body(p: &BodyProps) -> Html {
    match p.chapter {
        Chapter::Overview => html! { <overview::OverviewChapter /> },
        Chapter::Tokens => html! { <tokens::Tokens /> },
        Chapter::Embeddings => html! { <embeddings::Embeddings /> },
        Chapter::Positions => html! { <positions::PositionsChapter /> },
        Chapter::Attention => html! { <attention::AttentionChapter /> },
        Chapter::LayerNorm => html! { <layernorm::LayerNormChapter /> },
        Chapter::Ffn => html! { <ffn::FfnChapter /> },
        Chapter::Logits => html! { <logits::LogitsChapter /> },
        Chapter::Sampling => html! { <sampling::SamplingChapter /> },
        Chapter::Generation => html! { <generation::GenerationChapter /> },
        Chapter::Roles => html! { <roles::RolesChapter /> },
        Chapter::Training => html! { <training::TrainingChapter /> },
        Chapter::Rag => html! { <rag::RagChapter /> },
        Chapter::Glossary => html! { <glossary::GlossaryChapter /> },
    }
}
