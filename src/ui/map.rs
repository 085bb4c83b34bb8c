//! The model as a map. [`LiveMap`]: the whole model on the overview as one SVG in data-flow
//! order, labelled with the loaded model's real shapes, the prompt's tokens at the input and the
//! likeliest next tokens at the output; every box links to its chapter. [`MiniMap`]: its compact
//! form at the top of every chapter, the chapter's own part marked `aria-current="step"`.

use yew::prelude::*;

use super::context::use_app;
use super::widgets::{percent, visible};
use crate::chapters::Chapter;
use crate::i18n::{Lang, Msg, number, tr, trf};
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

/// One box of the live map.
struct Node {
    chapter: Chapter,
    title: String,
    detail: String,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    /// Extra class: "io" (prompt, tokens, output), "layer" (inside a layer), "sum".
    kind: &'static str,
}

const W: f32 = 360.0;
const LEFT: f32 = 30.0;
const WIDE: f32 = 300.0;
const INNER_LEFT: f32 = 50.0;
const INNER: f32 = 270.0;
const GAP: f32 = 16.0;

/// Shortens `s` to at most `n` characters with an ellipsis.
fn clip(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(n.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The boxes from the prompt to the appended token, top to bottom, and the layer frame's top and
/// bottom.
fn layout(f: &MapFacts, lang: Lang) -> (Vec<Node>, (f32, f32)) {
    let num = |n: usize| number(lang, n as u64);
    let mut nodes = Vec::new();
    let mut y = 8.0;
    let push = |nodes: &mut Vec<Node>,
                y: &mut f32,
                chapter,
                title: String,
                detail: String,
                h,
                inner: bool,
                kind| {
        let (x, w) = if inner {
            (INNER_LEFT, INNER)
        } else {
            (LEFT, WIDE)
        };
        nodes.push(Node {
            chapter,
            title,
            detail,
            x,
            y: *y,
            w,
            h,
            kind,
        });
        *y += h + GAP;
    };
    let ids: Vec<String> = f.ids.iter().take(8).map(|i| i.to_string()).collect();
    let more = if f.ids.len() > 8 { " …" } else { "" };
    push(
        &mut nodes,
        &mut y,
        Chapter::Tokens,
        tr(lang, Msg::PromptLabel).into(),
        format!("«{}»", clip(&f.prompt, 40)),
        40.0,
        false,
        "io",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Tokens,
        trf(lang, Msg::MapTokens, &[("n", &num(f.tokens.len()))]),
        String::new(),
        48.0,
        false,
        "io tokens",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Embeddings,
        tr(lang, Msg::MapIds).into(),
        format!("{}{more}", ids.join(" · ")),
        40.0,
        false,
        "",
    );
    // Embedding and positions side by side, then their sum.
    let half = (WIDE - 10.0) / 2.0;
    let positions = if f.learned_positions {
        format!("{} × {}", num(f.n_ctx), num(f.d_model))
    } else {
        tr(lang, Msg::MapSinusoidal).into()
    };
    nodes.push(Node {
        chapter: Chapter::Embeddings,
        title: tr(lang, Msg::MapEmbedding).into(),
        detail: format!("{} × {}", num(f.vocab), num(f.d_model)),
        x: LEFT,
        y,
        w: half,
        h: 40.0,
        kind: "",
    });
    nodes.push(Node {
        chapter: Chapter::Positions,
        title: tr(lang, Msg::MapPositions).into(),
        detail: positions,
        x: LEFT + half + 10.0,
        y,
        w: half,
        h: 40.0,
        kind: "",
    });
    y += 40.0 + GAP;
    push(
        &mut nodes,
        &mut y,
        Chapter::Positions,
        "X = E + P".into(),
        format!("{} × {}", num(f.tokens.len()), num(f.d_model)),
        30.0,
        false,
        "sum",
    );
    let frame_top = y - 6.0;
    y += 18.0;
    let dk = f.d_model / f.heads.max(1);
    push(
        &mut nodes,
        &mut y,
        Chapter::LayerNorm,
        tr(lang, Msg::MapLayerNorm).into(),
        String::new(),
        28.0,
        true,
        "layer",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Attention,
        tr(lang, Msg::MapAttention).into(),
        trf(
            lang,
            Msg::MapHeads,
            &[("h", &num(f.heads)), ("dk", &num(dk))],
        ),
        40.0,
        true,
        "layer",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::LayerNorm,
        tr(lang, Msg::MapResidual).into(),
        String::new(),
        28.0,
        true,
        "layer sum",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::LayerNorm,
        tr(lang, Msg::MapLayerNorm).into(),
        String::new(),
        28.0,
        true,
        "layer",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Ffn,
        tr(lang, Msg::MapFfn).into(),
        format!(
            "{} → {} → {} · GELU",
            num(f.d_model),
            num(f.d_ff),
            num(f.d_model)
        ),
        40.0,
        true,
        "layer",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::LayerNorm,
        tr(lang, Msg::MapResidual).into(),
        String::new(),
        28.0,
        true,
        "layer sum",
    );
    let frame_bottom = y - GAP + 8.0;
    y += 14.0;
    push(
        &mut nodes,
        &mut y,
        Chapter::LayerNorm,
        tr(lang, Msg::MapFinalNorm).into(),
        String::new(),
        28.0,
        false,
        "",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Logits,
        trf(lang, Msg::MapLogits, &[("v", &num(f.vocab))]),
        tr(
            lang,
            if f.tied {
                Msg::MapLogitsTied
            } else {
                Msg::MapLogitsUntied
            },
        )
        .into(),
        40.0,
        false,
        "",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Logits,
        tr(lang, Msg::MapSoftmax).into(),
        String::new(),
        28.0,
        false,
        "",
    );
    // As many candidates as fit the box's line (about 42 characters).
    let mut next = String::new();
    for (t, p) in &f.next {
        let item = format!("{} {}", clip(&visible(t), 10), percent(*p));
        let sep = if next.is_empty() { "" } else { " · " };
        if next.chars().count() + sep.chars().count() + item.chars().count() > 42 {
            break;
        }
        next = format!("{next}{sep}{item}");
    }
    if next.is_empty() {
        next.push('…');
    }
    push(
        &mut nodes,
        &mut y,
        Chapter::Sampling,
        tr(lang, Msg::MapSampling).into(),
        next,
        40.0,
        false,
        "io",
    );
    push(
        &mut nodes,
        &mut y,
        Chapter::Generation,
        tr(lang, Msg::MapAppend).into(),
        String::new(),
        28.0,
        false,
        "io",
    );
    (nodes, (frame_top, frame_bottom))
}

/// The token chips inside the tokens box: as many as fit, then "+k".
fn token_chips(f: &MapFacts, n: &Node) -> Html {
    let mut x = n.x + 10.0;
    let y = n.y + 24.0;
    let mut chips = Vec::new();
    for (i, t) in f.tokens.iter().enumerate() {
        let label = clip(&visible(t), 12);
        let w = 10.0 + 6.6 * label.chars().count() as f32;
        if x + w > n.x + n.w - 34.0 {
            chips.push(html! { <text class="map-detail" x={format!("{x:.1}")} y={format!("{:.1}", y + 14.0)}>{ format!("+{}", f.tokens.len() - i) }</text> });
            break;
        }
        chips.push(html! {
            <g class="map-chip">
                <rect x={format!("{x:.1}")} y={format!("{y:.1}")} width={format!("{w:.1}")} height="19" rx="4" />
                <text x={format!("{:.1}", x + 5.0)} y={format!("{:.1}", y + 14.0)}>{ label }</text>
            </g>
        });
        x += w + 4.0;
    }
    html! { <>{ for chips }</> }
}

#[derive(Properties, PartialEq)]
pub struct LiveMapProps {
    pub facts: MapFacts,
}

/// The whole model, top to bottom, computed for the current prompt.
#[function_component(LiveMap)]
pub fn live_map(p: &LiveMapProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let f = &p.facts;
    let (nodes, (top, bottom)) = layout(f, lang);
    let height = nodes.last().map_or(100.0, |n| n.y + n.h + 10.0);
    let box_of = |n: &Node| {
        let link = app.hash_for(n.chapter);
        let (title_y, detail_y) = if n.detail.is_empty() && !n.kind.contains("tokens") {
            (n.y + n.h / 2.0 + 4.5, 0.0)
        } else {
            (n.y + 16.0, n.y + 32.0)
        };
        html! {
            <a href={link} class={classes!("map-node", n.kind)} data-chapter={n.chapter.slug()}>
                <title>{ format!("→ {}", tr(lang, Msg::ChapterTitle(n.chapter))) }</title>
                <rect x={format!("{:.1}", n.x)} y={format!("{:.1}", n.y)} width={format!("{:.1}", n.w)} height={format!("{:.1}", n.h)} rx="7" />
                <text class="map-title" x={format!("{:.1}", n.x + 10.0)} y={format!("{title_y:.1}")}>{ n.title.clone() }</text>
                if !n.detail.is_empty() {
                    <text class="map-detail" x={format!("{:.1}", n.x + 10.0)} y={format!("{detail_y:.1}")}>{ n.detail.clone() }</text>
                }
                if n.kind.contains("tokens") { { token_chips(f, n) } }
            </a>
        }
    };
    // Arrows between consecutive boxes (embedding and positions both flow into the sum).
    let arrows = nodes.windows(2).filter(|w| w[1].y > w[0].y + 1.0).map(|w| {
        let (a, b) = (&w[0], &w[1]);
        let x = LEFT + WIDE / 2.0;
        html! { <line class="map-arrow" x1={format!("{x:.1}")} y1={format!("{:.1}", a.y + a.h)} x2={format!("{x:.1}")} y2={format!("{:.1}", b.y - 2.0)} marker-end="url(#map-head)" /> }
    });
    // The residual path: from the layer's input past each sublayer into its ⊕.
    let sums: Vec<&Node> = nodes.iter().filter(|n| n.kind == "layer sum").collect();
    let skip_x = LEFT + 8.0;
    let skips = sums.iter().enumerate().map(|(i, s)| {
        let from = if i == 0 {
            top + 10.0
        } else {
            sums[i - 1].y + sums[i - 1].h / 2.0
        };
        let to = s.y + s.h / 2.0;
        let d = format!(
            "M {skip_x:.1} {from:.1} L {skip_x:.1} {to:.1} L {:.1} {to:.1}",
            INNER_LEFT - 2.0
        );
        html! { <path class="map-skip" d={d} marker-end="url(#map-head)" /> }
    });
    // The loop: from the appended token back up to the tokens.
    let loop_path = match (nodes.last(), nodes.get(1)) {
        (Some(last), Some(tokens)) => {
            let (x0, x1) = (LEFT + WIDE, W - 8.0);
            format!(
                "M {x0:.1} {:.1} L {x1:.1} {:.1} L {x1:.1} {:.1} L {:.1} {:.1}",
                last.y + last.h / 2.0,
                last.y + last.h / 2.0,
                tokens.y + tokens.h / 2.0,
                x0 + 2.0,
                tokens.y + tokens.h / 2.0
            )
        }
        _ => String::new(),
    };
    html! {
        <figure class="live-map-figure">
            <svg class="live-map" viewBox={format!("0 0 {W} {height:.0}")} role="group"
                 aria-label={tr(lang, Msg::OvMapTitle)} data-testid="live-map">
                <defs>
                    <marker id="map-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="map-arrowhead" />
                    </marker>
                </defs>
                <rect class="map-frame" x={format!("{:.1}", LEFT)} y={format!("{top:.1}")} width={format!("{WIDE:.1}")} height={format!("{:.1}", bottom - top)} rx="10" />
                <text class="map-frame-label" x={format!("{:.1}", INNER_LEFT)} y={format!("{:.1}", top + 15.0)}>
                    { trf(lang, Msg::MapLayersTimes, &[("n", &number(lang, f.layers as u64))]) }
                </text>
                { for arrows }
                { for skips }
                <path class="map-loop" d={loop_path} marker-end="url(#map-head)" />
                { for nodes.iter().map(box_of) }
            </svg>
            <figcaption class="meta">{ tr(lang, Msg::MapCaption) }</figcaption>
        </figure>
    }
}
