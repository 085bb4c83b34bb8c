//! Chapter 5 — self-attention for a chosen layer and head: where each token looks (arcs), the
//! score matrix with its mask and the weights α, Q, K and V, all heads as thumbnails, and the
//! concatenation with W_O.

use yew::prelude::*;

use super::pickers::{LayerHeadPicker, TokenPicker};
use crate::i18n::{Lang, Msg, tr, trf};
use crate::model::Config;
use crate::model::attention::HeadValues;
use crate::model::trace::LayerTrace;
use crate::ui::context::{use_app, use_traced};
use crate::ui::hooks::use_width;
use crate::ui::palette::max_abs;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Heatmap, Scale, VectorStrip, percent, visible};

/// Which matrix the big heatmap shows (the view in the URL: `scores`, `masked`, `weights`).
#[derive(Clone, Copy, PartialEq)]
enum View {
    Scores,
    Masked,
    Weights,
}

impl View {
    const ALL: [(View, &'static str); 3] = [
        (View::Scores, "scores"),
        (View::Masked, "masked"),
        (View::Weights, "weights"),
    ];

    /// The view a link names; the weights by default.
    fn of(code: Option<&str>) -> View {
        View::ALL
            .into_iter()
            .find(|(_, c)| Some(*c) == code)
            .map_or(View::Weights, |(v, _)| v)
    }

    fn code(self) -> &'static str {
        View::ALL
            .into_iter()
            .find(|(v, _)| *v == self)
            .map_or("weights", |(_, c)| c)
    }
}

#[function_component(AttentionChapter)]
pub fn attention_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let view = View::of(app.view.as_deref());
    let matrix_node = use_node_ref();
    let room = use_width(matrix_node.clone(), 760.0);
    let traced = match use_traced() {
        Ok(t) => t,
        Err(waiting) => return waiting,
    };
    let (loaded, a, sel, trace) = (
        &traced.loaded,
        &traced.analysis,
        traced.token,
        traced.trace(),
    );
    let c = &loaded.model.config;
    let layer = &trace.layers[app.layer];
    let head: &HeadValues = &layer.block.attention[app.head];
    let n = a.ids.len();
    let labels: Vec<String> = a
        .ids
        .iter()
        .map(|&id| loaded.tokenizer.token_view(id).label)
        .collect();
    let matrix = match view {
        View::Scores => head.scores.clone(),
        View::Masked => head.masked_scores.clone(),
        View::Weights => head.weights.clone(),
    };
    let view_button = |v: View, msg: Msg| {
        let app = app.clone();
        html! { <button type="button" aria-pressed={(view == v).to_string()} onclick={ move |_| app.dispatch(Action::SetView(Some(v.code().to_string()))) }>{ tr(lang, msg) }</button> }
    };
    let on_hover = {
        let app = app.clone();
        Callback::from(move |i: usize| {
            if i != sel {
                app.dispatch(Action::SetToken(Some(i)));
            }
        })
    };
    let dk = c.d_head();
    let small = |m: &crate::model::Matrix, name: &str| {
        html! {
            <figure class="qkv">
                <figcaption>{ name }</figcaption>
                <Heatmap rows={m.rows} cols={m.cols} values={m.data.clone()} scale={Scale::Diverging} label={name.to_string()}
                         row_labels={labels.clone()} cell={8} />
            </figure>
        }
    };
    html! {
        <>
            <section class="panel" aria-labelledby="att-arcs">
                <h2 id="att-arcs">{ tr(lang, Msg::AttArcsTitle) }</h2>
                <Prose msg={Msg::AttArcsExplain} />
                <LayerHeadPicker />
                <TokenPicker />
                <Arcs labels={labels.clone()} weights={head.weights.row(sel).to_vec()} selected={sel} on_hover={on_hover}
                      label={trf(lang, Msg::AttArcsLabel, &[("t", &visible(&labels[sel]))])} />
            </section>
            <section class="panel" aria-labelledby="att-matrix">
                <h2 id="att-matrix">{ tr(lang, Msg::AttMatrixTitle) }</h2>
                <Prose msg={Msg::AttMatrixExplain} />
                <div class="segmented" role="group" aria-label={tr(lang, Msg::AttShow)}>
                    { view_button(View::Scores, Msg::AttScores) }
                    { view_button(View::Masked, Msg::AttMasked) }
                    { view_button(View::Weights, Msg::AttWeights) }
                </div>
                <div class="map-scroll" tabindex="0" data-testid="att-matrix" ref={matrix_node}>
                    <Heatmap rows={n} cols={n} values={matrix.data.clone()}
                             scale={if view == View::Weights { Scale::Sequential } else { Scale::Diverging }}
                             label={tr(lang, Msg::AttMatrixTitle)} row_labels={labels.clone()} col_labels={labels.clone()}
                             cell={matrix_cell(room, n)} numbers={view == View::Weights && n <= 12}
                             causal={view == View::Weights} />
                </div>
            </section>
            <section class="panel" aria-labelledby="att-qkv">
                <h2 id="att-qkv">{ tr(lang, Msg::AttQkvTitle) }</h2>
                <Prose msg={Msg::AttQkvExplain} values={vec![("dk", dk.to_string()), ("d", c.d_model.to_string()), ("h", c.n_head.to_string())]} />
                <div class="qkv-row map-scroll" tabindex="0">{ small(&head.q, "Q") }{ small(&head.k, "K") }{ small(&head.v, "V") }</div>
            </section>
            <HeadGrid />
            { concat_panel(lang, layer, c, sel, &labels[sel]) }
        </>
    }
}

/// The chosen token's context vectors of all heads side by side (each `d_k` wide), and their
/// concatenation after `W_O` (`d_model` wide).
fn concat_panel(lang: Lang, layer: &LayerTrace, c: &Config, sel: usize, label: &str) -> Html {
    let dk = c.d_head();
    html! {
    <section class="panel" aria-labelledby="att-concat">
        <h2 id="att-concat">{ tr(lang, Msg::AttConcatTitle) }</h2>
        <Prose msg={Msg::AttConcatExplain} values={vec![("h", c.n_head.to_string()), ("d", c.d_model.to_string())]} />
        <p class="meta">{ trf(lang, Msg::TokenAt, &[("i", &sel.to_string()), ("t", &visible(label))]) }</p>
        <h3>{ tr(lang, Msg::AttContext) }</h3>
        <div class="strip-scroll heads-strip" tabindex="0">
            { for (0..c.n_head).map(|h| html! {
                <div class="head-part">
                    <span class="meta">{ format!("{} {}", tr(lang, Msg::HeadLabel), h + 1) }</span>
                    <VectorStrip values={layer.block.concat.row(sel)[h * dk..(h + 1) * dk].to_vec()} scale={max_abs(&layer.block.concat.data)} label={format!("{} {}", tr(lang, Msg::HeadLabel), h + 1)} />
                </div>
            }) }
        </div>
        <h3>{ tr(lang, Msg::AttOutput) }</h3>
        <div class="strip-scroll" tabindex="0"><VectorStrip values={layer.block.attn_out.row(sel).to_vec()} scale={max_abs(&layer.block.attn_out.data)} label="W_O" /></div>
    </section>
    }
}

/// The matrix's cell size for `n` tokens in `room` pixels: as large as fits (with the labels'
/// 70 px), at least 8 px, and at most 56 px so that a short prompt does not fill the screen.
fn matrix_cell(room: f64, n: usize) -> usize {
    (((room - 80.0) / n.max(1) as f64) as usize).clamp(8, 56)
}

#[derive(Properties, PartialEq)]
struct ArcsProps {
    labels: Vec<String>,
    /// The selected token's attention weights over all tokens.
    weights: Vec<f32>,
    selected: usize,
    /// A pointer resting on a token selects it (the chips above do the same by click or key).
    on_hover: Callback<usize>,
    /// The figure's accessible name.
    label: String,
}

/// Tokens in a row, with arcs from the selected token back to each token it attends to. The row
/// fills the width it has on screen (at least 74 px per token, at most 170).
#[function_component(Arcs)]
fn arcs(p: &ArcsProps) -> Html {
    let node = use_node_ref();
    let room = use_width(node.clone(), 760.0) as f32;
    let n = p.labels.len();
    let step = ((room - 24.0) / n.max(1) as f32).clamp(74.0, 170.0);
    // Arcs keep the shape they have at the narrowest spacing.
    let bend = 0.35 * 74.0 / step;
    let (w, h, base) = (step * n as f32 + 20.0, 190.0f32, 160.0f32);
    let x = |i: usize| 10.0 + step * i as f32 + step / 2.0;
    html! {
        <div class="map-scroll" tabindex="0" ref={node}>
            <svg class="arcs" width={w.to_string()} height={h.to_string()} viewBox={format!("0 0 {w} {h}")} role="img"
                 aria-label={p.label.clone()} data-testid="att-arcs">
                { for (0..=p.selected.min(n.saturating_sub(1))).map(|j| {
                    let a = p.weights[j];
                    let (x1, x2) = (x(p.selected), x(j));
                    let lift = 18.0 + (x1 - x2).abs() * bend;
                    let path = format!("M {x1:.1} {:.1} C {x1:.1} {:.1}, {x2:.1} {:.1}, {x2:.1} {:.1}", base - 24.0, base - 24.0 - lift, base - 24.0 - lift, base - 24.0);
                    html! {
                        <g class="arc">
                            <path d={path} stroke-width={format!("{:.2}", 0.6 + a * 12.0)} stroke-opacity={format!("{:.2}", 0.25 + a * 0.75)}>
                                <title>{ percent(a) }</title>
                            </path>
                            if a >= 0.05 {
                                <text x={format!("{:.1}", (x1 + x2) / 2.0)} y={format!("{:.1}", base - 30.0 - lift * 0.75)} text-anchor="middle" class="arc-label">{ percent(a) }</text>
                            }
                        </g>
                    }
                }) }
                { for p.labels.iter().enumerate().map(|(i, l)| html! {
                    <g class={classes!("arc-token", (i == p.selected).then_some("selected"), (i > p.selected).then_some("future"))}
                       onmouseenter={ let h = p.on_hover.clone(); move |_| h.emit(i) }>
                        <rect x={format!("{:.1}", x(i) - step / 2.0 + 4.0)} y={format!("{:.1}", base - 20.0)} width={format!("{:.1}", step - 8.0)} height="30" rx="6" />
                        <text x={format!("{:.1}", x(i))} y={format!("{:.1}", base)} text-anchor="middle">{ visible(l) }</text>
                    </g>
                }) }
            </svg>
        </div>
    }
}

/// Thumbnails of α for every layer and head; clicking one selects it.
#[function_component(HeadGrid)]
fn head_grid() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(trace) = app.analysis.as_ref().and_then(|a| a.trace.as_ref()) else {
        return html! {};
    };
    let n = trace.ids.len();
    let cell = (64 / n.max(1)).clamp(2, 12);
    html! {
        <section class="panel" aria-labelledby="att-grid">
            <h2 id="att-grid">{ tr(lang, Msg::AttGridTitle) }</h2>
            <Prose msg={Msg::AttGridExplain} />
            <div class="head-grid" data-testid="head-grid">
                { for trace.layers.iter().enumerate().map(|(l, layer)| html! {
                    <div class="head-grid-row">
                        <span class="picker-label">{ format!("{} {}", tr(lang, Msg::LayerLabel), l + 1) }</span>
                        { for layer.block.attention.iter().enumerate().map(|(h, head)| {
                            let app = app.clone();
                            let selected = l == app.layer && h == app.head;
                            let onclick = Callback::from(move |_| { app.dispatch(Action::SetLayer(l)); app.dispatch(Action::SetHead(h)); });
                            html! {
                                <button type="button" class={classes!("thumb", selected.then_some("selected"))} {onclick}
                                        aria-pressed={selected.to_string()} aria-label={format!("{} {}, {} {}", tr(lang, Msg::LayerLabel), l + 1, tr(lang, Msg::HeadLabel), h + 1)}>
                                    <Heatmap rows={n} cols={n} values={head.weights.data.clone()} scale={Scale::Sequential} label={format!("{} {}, {} {}", tr(lang, Msg::LayerLabel), l + 1, tr(lang, Msg::HeadLabel), h + 1)} cell={cell} causal=true />
                                </button>
                            }
                        }) }
                    </div>
                }) }
            </div>
        </section>
    }
}
