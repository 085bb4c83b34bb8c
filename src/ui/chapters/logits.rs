//! Chapter 8 — logits and softmax: the likeliest next tokens as bars, a temperature slider that
//! reshapes the distribution live, and weight tying shown with the real vectors.

use yew::prelude::*;

use crate::i18n::{Msg, number, tr, trf};
use crate::model::anatomy::Anatomy;
use crate::model::matrix::dot;
use crate::model::softmax::softmax;
use crate::sampling::Sampling;
use crate::ui::context::{use_app, use_traced};
use crate::ui::palette::max_abs;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Bar, Bars, VectorStrip, on_parsed, percent, visible};

/// How many tokens the chart lists.
const TOP: usize = 15;

/// The temperature slider, shared with the sampling chapter (0.05 … 3).
#[function_component(TemperatureSlider)]
pub fn temperature_slider() -> Html {
    let app = use_app();
    let lang = app.lang;
    let t = app.sampling.temperature.max(0.05);
    let on_input = {
        let app = app.clone();
        on_parsed(move |v: f32| {
            app.dispatch(Action::SetSampling(Sampling {
                temperature: v,
                ..app.sampling
            }));
        })
    };
    html! {
        <label class="slider">
            <span>{ trf(lang, Msg::Temperature, &[("t", &format!("{t:.2}"))]) }</span>
            <input type="range" min="0.05" max="3" step="0.05" value={format!("{t}")} oninput={on_input} data-testid="temperature" />
        </label>
    }
}

#[function_component(LogitsChapter)]
pub fn logits_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let traced = match use_traced() {
        Ok(t) => t,
        Err(waiting) => return waiting,
    };
    let (loaded, trace) = (&traced.loaded, traced.trace());
    let logits = trace.logits.row(0);
    let t = app.sampling.temperature.max(0.05);
    let probs = softmax(logits, t);
    let mut order: Vec<usize> = (0..logits.len()).collect();
    order.sort_by(|&i, &j| probs[j].total_cmp(&probs[i]).then(i.cmp(&j)));
    let tok = |i: usize| loaded.tokenizer.token_view(i as u32).label;
    let bars: Vec<Bar> = order[..TOP.min(order.len())]
        .iter()
        .enumerate()
        .map(|(r, &i)| Bar {
            label: visible(&tok(i)),
            value: probs[i],
            text: format!("{} · {:.2}", percent(probs[i]), logits[i]),
            emphasis: r == 0,
            cut: false,
        })
        .collect();
    let n = trace.final_norm.output.rows;
    let h = trace.final_norm.output.row(n - 1).to_vec();
    let weights = &loaded.model.weights;
    let tied = weights.lm_head.is_none();
    let table = weights.lm_head.as_ref().unwrap_or(&weights.token_embedding);
    let anatomy = Anatomy::of(weights);
    let saved = percent(anatomy.token_embedding as f32 / anatomy.total().max(1) as f32);
    let c = &loaded.model.config;
    let scale = max_abs(&h).max(max_abs(
        &order[..3]
            .iter()
            .flat_map(|&i| table.row(i).to_vec())
            .collect::<Vec<f32>>(),
    ));
    html! {
        <>
            <section class="panel" aria-labelledby="log-top">
                <h2 id="log-top">{ tr(lang, Msg::LogTopTitle) }</h2>
                <Prose msg={Msg::LogTopExplain} values={vec![("v", number(lang, logits.len() as u64)), ("k", TOP.to_string())]} />
                <TemperatureSlider />
                <Prose msg={Msg::LogTemperatureExplain} class={classes!("meta")} />
                <div data-testid="logit-bars"><Bars bars={bars} max={probs[order[0]]} label={tr(lang, Msg::LogTopTitle)} /></div>
                <p class="meta formula">{ format!("p_i = exp(z_i / {t:.2}) / Σ_j exp(z_j / {t:.2})") }</p>
            </section>
            <section class="panel" aria-labelledby="log-tie">
                <h2 id="log-tie">{ tr(lang, if tied { Msg::LogTyingTitle } else { Msg::LogUntiedTitle }) }</h2>
                if tied {
                    <Prose msg={Msg::LogTyingExplain} values={vec![("v", number(lang, c.vocab_size as u64)), ("d", number(lang, c.d_model as u64)), ("share", saved)]} />
                } else {
                    <Prose msg={Msg::LogUntiedExplain} />
                }
                <div class="tying">
                    <span class="formula">{ "h" }</span>
                    <div class="strip-scroll" tabindex="0"><VectorStrip values={h.clone()} scale={scale} label="h" cell={4} /></div>
                    { for order[..3].iter().map(|&i| {
                        let row = table.row(i).to_vec();
                        let value = dot(&h, &row);
                        html! {
                            <>
                                <span class="formula">{ trf(lang, if tied { Msg::LogDot } else { Msg::LogDotUntied }, &[("t", &visible(&tok(i))), ("v", &format!("{value:.2}"))]) }</span>
                                <div class="strip-scroll" tabindex="0"><VectorStrip values={row} scale={scale} label={format!("{}[{i}]", if tied { "E" } else { "W_out" })} cell={4} /></div>
                            </>
                        }
                    }) }
                </div>
                <p class="meta">{ tr(lang, Msg::StripLegend) }</p>
            </section>
        </>
    }
}
