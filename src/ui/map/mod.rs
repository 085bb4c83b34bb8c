//! The model as a map. [`LiveMap`]: the whole model on the overview as one SVG in data-flow
//! order, labelled with the loaded model's real shapes, the prompt's tokens at the input and the
//! likeliest next tokens at the output; every box links to its chapter. [`MiniMap`]: its compact
//! form at the top of every chapter, the chapter's own part marked `aria-current="step"`. The
//! live map is drawn in [`live`].

mod live;

use yew::prelude::*;

pub use live::LiveMap;

use super::context::use_app;
use crate::chapters::Chapter;
use crate::i18n::{Msg, number, tr, trf};
use crate::model::Positions;

/// The parts of the flow inside one transformer layer, in order.
const LAYER_PARTS: [Chapter; 3] = [Chapter::Attention, Chapter::LayerNorm, Chapter::Ffn];
/// The parts before the layers, after them, and around the model.
const BEFORE: [Chapter; 4] = [
    Chapter::Overview,
    Chapter::Tokens,
    Chapter::Embeddings,
    Chapter::Positions,
];
const AFTER: [Chapter; 3] = [Chapter::Logits, Chapter::Sampling, Chapter::Generation];
const AROUND: [Chapter; 3] = [Chapter::Roles, Chapter::Training, Chapter::Rag];

/// The compact map: one line per part, foldable on phones to "Teil 5 von 13: … — Karte öffnen".
#[function_component(MiniMap)]
pub fn mini_map() -> Html {
    let app = use_app();
    let lang = app.lang;
    let open = use_state(|| false);
    let current = app.chapter;
    let layers = app
        .loaded()
        .map(|l| number(lang, l.model.config.n_layer as u64))
        .unwrap_or_else(|| "N".into());
    let part = |c: Chapter| {
        let here = c == current;
        html! {
            <li class={classes!("mini-part", here.then_some("here"))}>
                <a href={app.hash_for(c)} aria-current={here.then_some("step")} data-chapter={c.slug()}
                   title={tr(lang, Msg::ChapterTitle(c))}>{ tr(lang, Msg::ChapterShort(c)) }</a>
            </li>
        }
    };
    let line = current.number().map(|n| {
        trf(
            lang,
            Msg::MapFolded,
            &[
                ("n", &n.to_string()),
                ("total", &Chapter::ALL.len().to_string()),
                ("title", tr(lang, Msg::ChapterTitle(current))),
            ],
        )
    });
    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    html! {
        <nav class="mini-map" aria-label={tr(lang, Msg::MapLabel)} data-open={open.to_string()} data-testid="mini-map">
            <p class="mini-line">
                <span>{ line.unwrap_or_default() }</span>
                <button type="button" class="link" aria-expanded={open.to_string()} aria-controls="mini-flow" onclick={toggle}>
                    { tr(lang, if *open { Msg::MapClose } else { Msg::MapOpen }) }
                </button>
            </p>
            <div class="mini-flow" id="mini-flow">
                <ol class="mini-row">
                    { for BEFORE.into_iter().map(part) }
                    <li class="mini-layers">
                        <span class="mini-layers-label">{ trf(lang, Msg::MapLayersTimes, &[("n", &layers)]) }</span>
                        <ol class="mini-row">{ for LAYER_PARTS.into_iter().map(part) }</ol>
                    </li>
                    { for AFTER.into_iter().map(part) }
                </ol>
                <div class="mini-around">
                    <span class="mini-around-label">{ tr(lang, Msg::MapAround) }</span>
                    <ol class="mini-row">{ for AROUND.into_iter().map(part) }</ol>
                </div>
            </div>
        </nav>
    }
}

/// What the live map shows, read from the loaded model and the current analysis.
#[derive(Clone, PartialEq)]
pub struct MapFacts {
    pub prompt: String,
    /// The tokens the model reads, as labels, and their ids.
    pub tokens: Vec<String>,
    pub ids: Vec<u32>,
    /// The likeliest next tokens with their probabilities (empty while computing).
    pub next: Vec<(String, f32)>,
    pub vocab: usize,
    pub n_ctx: usize,
    pub d_model: usize,
    pub heads: usize,
    pub layers: usize,
    pub d_ff: usize,
    pub learned_positions: bool,
    pub tied: bool,
}

impl MapFacts {
    /// The facts for the app's state, once a model is loaded.
    pub fn of(app: &super::state::AppState) -> Option<MapFacts> {
        let loaded = app.loaded()?;
        let c = &loaded.model.config;
        let a = app.analysis.as_ref();
        let label = |id: u32| loaded.tokenizer.token_view(id).label;
        let ids = a.map(|a| a.ids.clone()).unwrap_or_default();
        let next = a
            .and_then(|a| a.trace.as_ref())
            .map(|t| {
                let p = t.probs.row(t.probs.rows - 1);
                let mut order: Vec<usize> = (0..p.len()).collect();
                order.sort_by(|&i, &j| p[j].total_cmp(&p[i]).then(i.cmp(&j)));
                order[..3.min(order.len())]
                    .iter()
                    .map(|&i| (label(i as u32), p[i]))
                    .collect()
            })
            .unwrap_or_default();
        Some(MapFacts {
            prompt: app.prompt.clone(),
            tokens: ids.iter().map(|&id| label(id)).collect(),
            ids,
            next,
            vocab: c.vocab_size,
            n_ctx: c.n_ctx,
            d_model: c.d_model,
            heads: c.n_head,
            layers: c.n_layer,
            d_ff: c.d_ff,
            learned_positions: c.positions == Positions::Learned,
            tied: loaded.model.weights.lm_head.is_none(),
        })
    }
}
