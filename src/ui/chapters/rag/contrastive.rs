//! How the embedding model learned: contrastive training in a few sentences, and the question
//! with every chunk on the 2-D map before and after that training.

use yew::prelude::*;

use crate::i18n::{Lang, Msg, tr, trf};
use crate::ui::terms::Prose;

use super::ask::Asked;
use super::results::map;

fn rank_text(lang: Lang, rank: Option<usize>, all: usize) -> String {
    match rank {
        Some(r) => trf(
            lang,
            Msg::RagRankOf,
            &[("r", &r.to_string()), ("n", &all.to_string())],
        ),
        None => "–".into(),
    }
}

/// The section; `dim` and `width` are the embedding's length and the body's width.
pub fn section(lang: Lang, a: &Asked, chunks: usize, dim: usize, width: usize) -> Html {
    let known = a.answer_chunk.is_some();
    let caption = |m: Msg| html! { { tr(lang, m) } };
    html! {
        <section class="panel" aria-labelledby="rag-contrastive">
            <h2 id="rag-contrastive">{ tr(lang, Msg::RagContrastiveTitle) }</h2>
            <Prose msg={Msg::RagContrastiveExplain} values={vec![("k", dim.to_string()), ("d", width.to_string())]} />
            <div class="two-col">
                <div>
                    <h3>{ tr(lang, Msg::RagBefore) }</h3>
                    { map(lang, &a.before_map, &a.before_hits, a.answer_chunk, caption(Msg::RagMapCaption), "rag-map-before") }
                </div>
                <div>
                    <h3>{ tr(lang, Msg::RagAfter) }</h3>
                    { map(lang, &a.map, &a.hits.vector, a.answer_chunk, caption(Msg::RagMapCaption), "rag-map") }
                </div>
            </div>
            if known {
                <p data-testid="rag-ranks">{ trf(lang, Msg::RagRanks, &[
                    ("before", &rank_text(lang, a.rank_before, chunks)),
                    ("after", &rank_text(lang, a.rank_after, chunks)),
                ]) }</p>
            } else {
                <p class="meta">{ tr(lang, Msg::RagUnknownQuestion) }</p>
            }
        </section>
    }
}
