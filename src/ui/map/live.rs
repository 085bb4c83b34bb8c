//! The live map on the overview: the whole model top to bottom as one SVG, each box linking to
//! its chapter. The layout is a list of rows ([`Spec`]) placed one below the other: the input
//! rows, the rows of one layer inside a dashed frame ("N × layer"), then the output rows.

use yew::prelude::*;

use super::MapFacts;
use crate::chapters::Chapter;
use crate::i18n::{Lang, Msg, number, tr, trf};
use crate::ui::context::use_app;
use crate::ui::widgets::{percent, visible};

const W: f32 = 360.0;
const LEFT: f32 = 30.0;
const WIDE: f32 = 300.0;
const INNER_LEFT: f32 = 50.0;
const INNER: f32 = 270.0;
const GAP: f32 = 16.0;

/// One row of the map before placing: a box (or two side by side).
struct Spec {
    chapter: Chapter,
    title: String,
    detail: String,
    h: f32,
    /// Extra class: "io" (prompt, tokens, output), "layer" (inside a layer), "sum".
    kind: &'static str,
    /// A second box beside this one (embedding and positions).
    beside: Option<Box<Spec>>,
}

fn spec(
    chapter: Chapter,
    title: impl Into<String>,
    detail: impl Into<String>,
    kind: &'static str,
) -> Spec {
    let detail = detail.into();
    let tall = !detail.is_empty() || kind.contains("tokens");
    Spec {
        chapter,
        title: title.into(),
        h: if kind.contains("tokens") {
            48.0
        } else if tall {
            40.0
        } else {
            28.0
        },
        detail,
        kind,
        beside: None,
    }
}

/// One placed box.
struct Node {
    chapter: Chapter,
    title: String,
    detail: String,
    x: f32,
    y: f32,
    w: f32,
    h: f32,
    kind: &'static str,
}

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

/// Prompt, tokens, token IDs, embedding beside positions, and their sum.
fn input_rows(f: &MapFacts, lang: Lang) -> Vec<Spec> {
    let num = |n: usize| number(lang, n as u64);
    let ids: Vec<String> = f.ids.iter().take(8).map(|i| i.to_string()).collect();
    let more = if f.ids.len() > 8 { " …" } else { "" };
    let positions = if f.learned_positions {
        format!("{} × {}", num(f.n_ctx), num(f.d_model))
    } else {
        tr(lang, Msg::MapSinusoidal).into()
    };
    let mut embedding = spec(
        Chapter::Embeddings,
        tr(lang, Msg::MapEmbedding),
        format!("{} × {}", num(f.vocab), num(f.d_model)),
        "",
    );
    embedding.beside = Some(Box::new(spec(
        Chapter::Positions,
        tr(lang, Msg::MapPositions),
        positions,
        "",
    )));
    vec![
        spec(
            Chapter::Tokens,
            tr(lang, Msg::PromptLabel),
            format!("«{}»", clip(&f.prompt, 40)),
            "io",
        ),
        spec(
            Chapter::Tokens,
            trf(lang, Msg::MapTokens, &[("n", &num(f.tokens.len()))]),
            "",
            "io tokens",
        ),
        spec(
            Chapter::Embeddings,
            tr(lang, Msg::MapIds),
            format!("{}{more}", ids.join(" · ")),
            "",
        ),
        embedding,
        spec(
            Chapter::Positions,
            "X = E + P",
            format!("{} × {}", num(f.tokens.len()), num(f.d_model)),
            "sum",
        ),
    ]
}

/// One transformer layer: LayerNorm, attention, residual, LayerNorm, FFN, residual.
fn layer_rows(f: &MapFacts, lang: Lang) -> Vec<Spec> {
    let num = |n: usize| number(lang, n as u64);
    let heads = trf(
        lang,
        Msg::MapHeads,
        &[
            ("h", &num(f.heads)),
            ("dk", &num(f.d_model / f.heads.max(1))),
        ],
    );
    let ffn = format!(
        "{} → {} → {} · GELU",
        num(f.d_model),
        num(f.d_ff),
        num(f.d_model)
    );
    vec![
        spec(Chapter::LayerNorm, tr(lang, Msg::MapLayerNorm), "", "layer"),
        spec(
            Chapter::Attention,
            tr(lang, Msg::MapAttention),
            heads,
            "layer",
        ),
        spec(
            Chapter::LayerNorm,
            tr(lang, Msg::MapResidual),
            "",
            "layer sum",
        ),
        spec(Chapter::LayerNorm, tr(lang, Msg::MapLayerNorm), "", "layer"),
        spec(Chapter::Ffn, tr(lang, Msg::MapFfn), ffn, "layer"),
        spec(
            Chapter::LayerNorm,
            tr(lang, Msg::MapResidual),
            "",
            "layer sum",
        ),
    ]
}

/// Final LayerNorm, logits, softmax, the candidates, and the appended token.
fn output_rows(f: &MapFacts, lang: Lang) -> Vec<Spec> {
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
    let head = tr(
        lang,
        if f.tied {
            Msg::MapLogitsTied
        } else {
            Msg::MapLogitsUntied
        },
    );
    vec![
        spec(Chapter::LayerNorm, tr(lang, Msg::MapFinalNorm), "", ""),
        spec(
            Chapter::Logits,
            trf(
                lang,
                Msg::MapLogits,
                &[("v", &number(lang, f.vocab as u64))],
            ),
            head,
            "",
        ),
        spec(Chapter::Logits, tr(lang, Msg::MapSoftmax), "", ""),
        spec(Chapter::Sampling, tr(lang, Msg::MapSampling), next, "io"),
        spec(Chapter::Generation, tr(lang, Msg::MapAppend), "", "io"),
    ]
}

/// Places rows from `y` on, full width or inside the layer frame; returns the next `y`.
fn place(rows: Vec<Spec>, mut y: f32, inner: bool, nodes: &mut Vec<Node>) -> f32 {
    let (x, w) = if inner {
        (INNER_LEFT, INNER)
    } else {
        (LEFT, WIDE)
    };
    for r in rows {
        let (w, h) = if r.beside.is_some() {
            ((WIDE - 10.0) / 2.0, r.h)
        } else {
            (w, r.h)
        };
        if let Some(b) = r.beside {
            nodes.push(Node {
                chapter: b.chapter,
                title: b.title,
                detail: b.detail,
                x: x + w + 10.0,
                y,
                w,
                h,
                kind: b.kind,
            });
        }
        nodes.push(Node {
            chapter: r.chapter,
            title: r.title,
            detail: r.detail,
            x,
            y,
            w,
            h,
            kind: r.kind,
        });
        y += h + GAP;
    }
    y
}

/// The boxes from the prompt to the appended token, top to bottom, and the layer frame's top
/// and bottom.
fn layout(f: &MapFacts, lang: Lang) -> (Vec<Node>, (f32, f32)) {
    let mut nodes = Vec::new();
    let y = place(input_rows(f, lang), 8.0, false, &mut nodes);
    let frame_top = y - 6.0;
    let y = place(layer_rows(f, lang), y + 18.0, true, &mut nodes);
    let frame_bottom = y - GAP + 8.0;
    place(output_rows(f, lang), y + 14.0, false, &mut nodes);
    // Reading order: the side-by-side pair was pushed right box first.
    nodes.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
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

/// One box as a link to its chapter.
fn box_of(app: &crate::ui::context::App, f: &MapFacts, n: &Node) -> Html {
    let lang = app.lang;
    let (title_y, detail_y) = if n.detail.is_empty() && !n.kind.contains("tokens") {
        (n.y + n.h / 2.0 + 4.5, 0.0)
    } else {
        (n.y + 16.0, n.y + 32.0)
    };
    html! {
        <a href={app.hash_for(n.chapter)} class={classes!("map-node", n.kind)} data-chapter={n.chapter.slug()}>
            <title>{ format!("→ {}", tr(lang, Msg::ChapterTitle(n.chapter))) }</title>
            <rect x={format!("{:.1}", n.x)} y={format!("{:.1}", n.y)} width={format!("{:.1}", n.w)} height={format!("{:.1}", n.h)} rx="7" />
            <text class="map-title" x={format!("{:.1}", n.x + 10.0)} y={format!("{title_y:.1}")}>{ n.title.clone() }</text>
            if !n.detail.is_empty() {
                <text class="map-detail" x={format!("{:.1}", n.x + 10.0)} y={format!("{detail_y:.1}")}>{ n.detail.clone() }</text>
            }
            if n.kind.contains("tokens") { { token_chips(f, n) } }
        </a>
    }
}

/// The arrows between rows, the residual path past each sublayer into its ⊕, and the loop from
/// the appended token back up to the tokens.
fn connections(nodes: &[Node], top: f32) -> Html {
    let arrows = nodes.windows(2).filter(|w| w[1].y > w[0].y + 1.0).map(|w| {
        let (a, b) = (&w[0], &w[1]);
        let x = LEFT + WIDE / 2.0;
        html! { <line class="map-arrow" x1={format!("{x:.1}")} y1={format!("{:.1}", a.y + a.h)} x2={format!("{x:.1}")} y2={format!("{:.1}", b.y - 2.0)} marker-end="url(#map-head)" /> }
    });
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
    let loop_path = match (nodes.last(), nodes.get(1)) {
        (Some(last), Some(tokens)) => {
            let (x0, x1) = (LEFT + WIDE, W - 8.0);
            let (y0, y1) = (last.y + last.h / 2.0, tokens.y + tokens.h / 2.0);
            format!(
                "M {x0:.1} {y0:.1} L {x1:.1} {y0:.1} L {x1:.1} {y1:.1} L {:.1} {y1:.1}",
                x0 + 2.0
            )
        }
        _ => String::new(),
    };
    html! {
        <>
            { for arrows }
            { for skips }
            <path class="map-loop" d={loop_path} marker-end="url(#map-head)" />
        </>
    }
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
    html! {
        <figure class="live-map-figure">
            <svg class="live-map" viewBox={format!("0 0 {W} {height:.0}")} role="group"
                 aria-label={tr(lang, Msg::OvMapTitle)} data-testid="live-map">
                <defs>
                    <marker id="map-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="map-arrowhead" />
                    </marker>
                </defs>
                <rect class="map-frame" x={format!("{LEFT:.1}")} y={format!("{top:.1}")} width={format!("{WIDE:.1}")} height={format!("{:.1}", bottom - top)} rx="10" />
                <text class="map-frame-label" x={format!("{INNER_LEFT:.1}")} y={format!("{:.1}", top + 15.0)}>
                    { trf(lang, Msg::MapLayersTimes, &[("n", &number(lang, f.layers as u64))]) }
                </text>
                { connections(&nodes, top) }
                { for nodes.iter().map(|n| box_of(&app, f, n)) }
            </svg>
            <figcaption class="meta">{ tr(lang, Msg::MapCaption) }</figcaption>
        </figure>
    }
}
