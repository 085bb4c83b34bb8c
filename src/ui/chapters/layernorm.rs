//! Chapter 6 — residual and LayerNorm for a chosen token and layer: a LayerNorm's input and
//! output with their mean, variance and distribution, and the residual path.

use yew::prelude::*;

use super::pickers::{LayerPicker, TokenPicker};
use crate::i18n::{Msg, tr, trf};
use crate::model::Matrix;
use crate::model::layernorm::Normalized;
use crate::ui::context::{use_app, use_traced};
use crate::ui::palette::max_abs;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::VectorStrip;

/// Which LayerNorm is shown (the view in the URL: `ln1`, `ln2`, `final`).
#[derive(Clone, Copy, PartialEq)]
enum Which {
    First,
    Second,
    Final,
}

impl Which {
    const ALL: [(Which, &'static str); 3] = [
        (Which::First, "ln1"),
        (Which::Second, "ln2"),
        (Which::Final, "final"),
    ];

    /// The LayerNorm a link names; the one before attention by default.
    fn of(code: Option<&str>) -> Which {
        Which::ALL
            .into_iter()
            .find(|(_, c)| Some(*c) == code)
            .map_or(Which::First, |(w, _)| w)
    }

    fn code(self) -> &'static str {
        Which::ALL[self.index()].1
    }

    /// 0 before attention, 1 before the FFN, 2 the final one.
    fn index(self) -> usize {
        Which::ALL.iter().position(|(w, _)| *w == self).unwrap_or(0)
    }
}

/// The LayerNorm a view names, as 0 (before attention), 1 (before the FFN) or 2 (final).
pub fn norm_index(view: Option<&str>) -> usize {
    Which::of(view).index()
}

fn mean_var(v: &[f32]) -> (f32, f32) {
    let m = v.iter().sum::<f32>() / v.len().max(1) as f32;
    (
        m,
        v.iter().map(|x| (x - m) * (x - m)).sum::<f32>() / v.len().max(1) as f32,
    )
}

#[derive(Properties, PartialEq)]
struct HistProps {
    values: Vec<f32>,
    /// Shared x range, so two histograms can be compared.
    range: f32,
    label: AttrValue,
}

/// A histogram of values in 25 bins over [−range, range].
#[function_component(Histogram)]
fn histogram(p: &HistProps) -> Html {
    const BINS: usize = 25;
    let mut counts = [0usize; BINS];
    for &v in &p.values {
        let b = (((v / p.range + 1.0) / 2.0) * BINS as f32)
            .floor()
            .clamp(0.0, BINS as f32 - 1.0) as usize;
        counts[b] += 1;
    }
    let max = *counts.iter().max().unwrap_or(&1) as f32;
    let (w, h) = (300.0f32, 90.0f32);
    let bw = w / BINS as f32;
    html! {
        <svg class="histogram" viewBox={format!("0 0 {w} {}", h + 16.0)} width={w.to_string()} height={(h + 16.0).to_string()} role="img" aria-label={p.label.clone()}>
            { for counts.iter().enumerate().map(|(i, &c)| {
                let bh = c as f32 / max.max(1.0) * h;
                let lo = (i as f32 / BINS as f32 * 2.0 - 1.0) * p.range;
                html! { <rect x={format!("{:.1}", i as f32 * bw)} y={format!("{:.1}", h - bh)} width={format!("{:.1}", bw - 1.0)} height={format!("{bh:.1}")} class="hist-bar">
                    <title>{ format!("{lo:.2} … {:.2}: {c}", lo + 2.0 * p.range / BINS as f32) }</title></rect> }
            }) }
            <line x1={(w / 2.0).to_string()} x2={(w / 2.0).to_string()} y1="0" y2={h.to_string()} class="axis" />
            <text x="0" y={(h + 13.0).to_string()} class="axis-label">{ format!("{:.1}", -p.range) }</text>
            <text x={(w / 2.0).to_string()} y={(h + 13.0).to_string()} text-anchor="middle" class="axis-label">{ "0" }</text>
            <text x={w.to_string()} y={(h + 13.0).to_string()} text-anchor="end" class="axis-label">{ format!("{:.1}", p.range) }</text>
        </svg>
    }
}

#[function_component(LayerNormChapter)]
pub fn layernorm_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let which = Which::of(app.view.as_deref());
    let traced = match use_traced() {
        Ok(t) => t,
        Err(waiting) => return waiting,
    };
    let (sel, trace) = (traced.token, traced.trace());
    let layer = &trace.layers[app.layer];
    let (input, ln): (&Matrix, &Normalized) = match which {
        Which::First => (&layer.input, &layer.block.ln_1),
        Which::Second => (&layer.block.residual_1, &layer.block.ln_2),
        Which::Final => (
            &trace.layers.last().expect("a layer").block.residual_2,
            &trace.final_norm,
        ),
    };
    let x = input.row(sel).to_vec();
    let y = ln.output.row(sel).to_vec();
    let (om, ov) = mean_var(&y);
    let range = max_abs(&x).max(max_abs(&y));
    let d = x.len();
    let stats = |m: f32, v: f32| {
        trf(
            lang,
            Msg::LnStats,
            &[("mean", &format!("{m:.3}")), ("var", &format!("{v:.3}"))],
        )
    };
    let choice = |w: Which, msg: Msg| {
        let app = app.clone();
        html! { <button type="button" aria-pressed={(which == w).to_string()} onclick={ move |_| app.dispatch(Action::SetView(Some(w.code().to_string()))) }>{ tr(lang, msg) }</button> }
    };
    let res_scale = max_abs(
        &[
            layer.input.row(sel),
            layer.block.attn_out.row(sel),
            layer.block.residual_1.row(sel),
        ]
        .concat(),
    );
    html! {
        <>
            <section class="panel" aria-labelledby="ln-ba">
                <h2 id="ln-ba">{ tr(lang, Msg::LnBeforeAfterTitle) }</h2>
                <Prose msg={Msg::LnBeforeAfterExplain} values={vec![("d", d.to_string())]} />
                <TokenPicker />
                <LayerPicker />
                <div class="segmented" role="group" aria-label={tr(lang, Msg::LnWhich)}>
                    { choice(Which::First, Msg::LnFirst) }{ choice(Which::Second, Msg::LnSecond) }{ choice(Which::Final, Msg::LnFinal) }
                </div>
                <div class="two-col ln-compare">
                    <div data-testid="ln-before">
                        <h3>{ tr(lang, Msg::LnInput) }</h3>
                        <p class="stats">{ stats(ln.mean[sel], ln.var[sel]) }</p>
                        <div class="strip-scroll" tabindex="0"><VectorStrip values={x.clone()} scale={range} label={tr(lang, Msg::LnInput)} cell={3} /></div>
                        <Histogram values={x} range={range} label={trf(lang, Msg::LnHistogram, &[("d", &d.to_string())])} />
                    </div>
                    <div data-testid="ln-after">
                        <h3>{ tr(lang, Msg::LnOutput) }</h3>
                        <p class="stats">{ stats(om, ov) }</p>
                        <div class="strip-scroll" tabindex="0"><VectorStrip values={y.clone()} scale={range} label={tr(lang, Msg::LnOutput)} cell={3} /></div>
                        <Histogram values={y} range={range} label={trf(lang, Msg::LnHistogram, &[("d", &d.to_string())])} />
                    </div>
                </div>
                <p class="meta formula">{ "y = (x − μ) / √(σ² + ε) · γ + β" }</p>
            </section>
            <section class="panel" aria-labelledby="ln-res">
                <h2 id="ln-res">{ tr(lang, Msg::LnResidualTitle) }</h2>
                <Prose msg={Msg::LnResidualExplain} />
                <div class="residual" data-testid="residual">
                    <span>{ tr(lang, Msg::LnX) }</span>
                    <div class="strip-scroll" tabindex="0"><VectorStrip values={layer.input.row(sel).to_vec()} scale={res_scale} label={tr(lang, Msg::LnX)} cell={4} /></div>
                    <span>{ "+ " }{ tr(lang, Msg::LnAttn) }</span>
                    <div class="strip-scroll" tabindex="0"><VectorStrip values={layer.block.attn_out.row(sel).to_vec()} scale={res_scale} label={tr(lang, Msg::LnAttn)} cell={4} /></div>
                    <span>{ "= " }{ tr(lang, Msg::LnSum) }</span>
                    <div class="strip-scroll" tabindex="0"><VectorStrip values={layer.block.residual_1.row(sel).to_vec()} scale={res_scale} label={tr(lang, Msg::LnSum)} cell={4} /></div>
                </div>
                <p class="meta">{ tr(lang, Msg::StripLegend) }</p>
            </section>
            <Order />
        </>
    }
}

/// The two orders of LayerNorm and addition side by side: post-LN (the original transformer)
/// and pre-LN (GPT-2 and the models Lupe loads).
#[function_component(Order)]
fn order() -> Html {
    let lang = use_app().lang;
    let step = |msg: Msg, class: &'static str| html! { <li class={class}>{ tr(lang, msg) }</li> };
    html! {
        <section class="panel" aria-labelledby="ln-order">
            <h2 id="ln-order">{ tr(lang, Msg::LnOrderTitle) }</h2>
            <Prose msg={Msg::LnOrderExplain} />
            <div class="two-col ln-orders" data-testid="ln-orders">
                <figure class="order-flow">
                    <figcaption>{ tr(lang, Msg::LnPostLn) }</figcaption>
                    <ol>
                        { step(Msg::LnX, "io") }
                        { step(Msg::LnSublayer, "sub") }
                        { step(Msg::LnAdd, "add") }
                        { step(Msg::LnNorm, "norm") }
                        { step(Msg::LnOut, "io") }
                    </ol>
                </figure>
                <figure class="order-flow current">
                    <figcaption>{ tr(lang, Msg::LnPreLn) }</figcaption>
                    <ol>
                        { step(Msg::LnX, "io") }
                        { step(Msg::LnNorm, "norm") }
                        { step(Msg::LnSublayer, "sub") }
                        { step(Msg::LnAdd, "add") }
                        { step(Msg::LnOut, "io") }
                    </ol>
                </figure>
            </div>
        </section>
    }
}
