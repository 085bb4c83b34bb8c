//! Chapter 7 — the feed-forward network for a chosen token and layer: W₁ → GELU → W₂ as strips,
//! the GELU curve with this token's hidden values on it (and ReLU for comparison), and the most
//! active neurons.

use yew::prelude::*;

use super::pickers::{LayerPicker, TokenPicker};
use crate::i18n::{Lang, Msg, number, tr, trf};
use crate::model::anatomy::Anatomy;
use crate::model::ffn::gelu;
use crate::ui::context::{use_app, use_traced};
use crate::ui::palette::max_abs;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Bar, Bars, VectorStrip, percent};

/// The GELU curve on x ∈ [−4, 4] with ReLU for comparison, and this token's hidden values
/// `(x, GELU(x))` as points on it.
fn gelu_plot(lang: Lang, hidden: &[f32], act: &[f32]) -> Html {
    let f = hidden.len();
    // The curve: x in [−4, 4].
    let (w, h) = (460.0f32, 300.0f32);
    let (xmin, xmax, ymin, ymax) = (-4.0f32, 4.0f32, -1.0f32, 4.0f32);
    let sx = |x: f32| (x - xmin) / (xmax - xmin) * w;
    let sy = |y: f32| h - (y - ymin) / (ymax - ymin) * h;
    let curve: String = (0..=160)
        .map(|i| {
            let x = xmin + (xmax - xmin) * i as f32 / 160.0;
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { " L" },
                sx(x),
                sy(gelu(x))
            )
        })
        .collect();
    let relu = format!(
        "M{:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1}",
        sx(xmin),
        sy(0.0),
        sx(0.0),
        sy(0.0),
        sx(xmax),
        sy(xmax)
    );
    html! {
        <section class="panel" aria-labelledby="ffn-curve">
            <h2 id="ffn-curve">{ tr(lang, Msg::FfnCurveTitle) }</h2>
            <Prose msg={Msg::FfnCurveExplain} values={vec![("f", f.to_string())]} />
            <div class="fit">
                <svg class="plot" viewBox={format!("-8 -8 {} {}", w + 16.0, h + 16.0)} role="img" aria-label={tr(lang, Msg::FfnCurveTitle)} data-testid="gelu-plot">
                    <rect x="0" y="0" width={w.to_string()} height={h.to_string()} class="plot-bg" />
                    <line x1="0" x2={w.to_string()} y1={sy(0.0).to_string()} y2={sy(0.0).to_string()} class="axis" />
                    <line x1={sx(0.0).to_string()} x2={sx(0.0).to_string()} y1="0" y2={h.to_string()} class="axis" />
                    <path d={relu} class="relu" />
                    <path d={curve} class="gelu" />
                    { for hidden.iter().zip(act).filter(|(x, _)| x.abs() <= 4.0).map(|(&x, &y)| html! {
                        <circle cx={format!("{:.1}", sx(x))} cy={format!("{:.1}", sy(y))} r="2.6" class="neuron"><title>{ format!("{x:.3} → {y:.3}") }</title></circle>
                    }) }
                </svg>
            </div>
            <p class="meta">{ tr(lang, Msg::FfnAxes) }{ " · GELU(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³)))" }</p>
        </section>
    }
}

/// The ten neurons with the largest activation after GELU.
fn top_neurons(lang: Lang, act: &[f32]) -> Vec<Bar> {
    let f = act.len();
    let mut order: Vec<usize> = (0..f).collect();
    order.sort_by(|&i, &j| act[j].total_cmp(&act[i]));
    order[..10.min(f)]
        .iter()
        .map(|&i| Bar {
            label: trf(lang, Msg::Neuron, &[("i", &i.to_string())]),
            value: act[i].max(0.0),
            text: format!("{:.3}", act[i]),
            emphasis: false,
            cut: false,
        })
        .collect()
}

#[function_component(FfnChapter)]
pub fn ffn_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let traced = match use_traced() {
        Ok(t) => t,
        Err(waiting) => return waiting,
    };
    let (loaded, sel, trace) = (&traced.loaded, traced.token, traced.trace());
    let anatomy = Anatomy::of(&loaded.model.weights);
    let layers = anatomy.layers.max(1);
    let (ffn_params, attention_params) = (anatomy.ffn / layers, anatomy.attention / layers);
    let layer = &trace.layers[app.layer];
    let (input, hidden, act, out) = (
        layer.block.ln_2.output.row(sel),
        layer.block.ffn.hidden.row(sel),
        layer.block.ffn.activated.row(sel),
        layer.block.ffn.output.row(sel),
    );
    let (d, f) = (input.len(), hidden.len());
    let top = top_neurons(lang, act);
    let top_max = top.first().map_or(1.0, |b| b.value.max(1e-6));
    let strip = |values: &[f32], label: Msg| {
        html! {
            <div class="flow-step">
                <span class="meta">{ tr(lang, label) }{ format!(" · {}", values.len()) }</span>
                <div class="strip-scroll" tabindex="0"><VectorStrip values={values.to_vec()} scale={max_abs(values)} label={tr(lang, label)} cell={if values.len() > 200 { 1 } else { 3 }} /></div>
            </div>
        }
    };
    html! {
        <>
            <section class="panel" aria-labelledby="ffn-flow">
                <h2 id="ffn-flow">{ tr(lang, Msg::FfnFlowTitle) }</h2>
                <Prose msg={if ffn_params > attention_params { Msg::FfnFlowExplain } else { Msg::FfnFlowPlainExplain }}
                       values={vec![("d", number(lang, d as u64)), ("f", number(lang, f as u64)), ("ffn", number(lang, ffn_params as u64)), ("share", percent(anatomy.ffn_share() as f32))]} />
                <TokenPicker />
                <LayerPicker />
                <div class="flow" data-testid="ffn-flow">
                    { strip(input, Msg::FfnIn) }{ strip(hidden, Msg::FfnHidden) }{ strip(act, Msg::FfnActivated) }{ strip(out, Msg::FfnOut) }
                </div>
            </section>
            <div class="two-col">
                { gelu_plot(lang, hidden, act) }
                <section class="panel" aria-labelledby="ffn-top">
                    <h2 id="ffn-top">{ tr(lang, Msg::FfnTopTitle) }</h2>
                    <Prose msg={Msg::FfnTopExplain} />
                    <div data-testid="ffn-top"><Bars bars={top} max={top_max} label={tr(lang, Msg::FfnTopTitle)} /></div>
                </section>
            </div>
        </>
    }
}
