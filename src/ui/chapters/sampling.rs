//! Chapter 9 — sampling: greedy, temperature, top-k, top-p and top-k-then-top-p on the real
//! distribution, the cut-offs drawn on it, the seeded random draw, and "append" to go round the
//! loop.

use yew::prelude::*;

use super::logits::TemperatureSlider;
use crate::i18n::{Lang, Msg, number, tr, trf};
use crate::sampling::{SampleReport, Sampling, rng_for, sample};
use crate::session::Loaded;
use crate::ui::context::{App, use_app, use_traced};
use crate::ui::palette::CHIP_TINTS;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Bar, Bars, on_parsed, percent, visible};

#[derive(Clone, Copy, PartialEq)]
enum Method {
    Greedy,
    Temperature,
    TopK,
    TopP,
    Both,
}

impl Method {
    fn of(s: &Sampling) -> Method {
        match (s.temperature == 0.0, s.top_k > 0, s.top_p < 1.0) {
            (true, _, _) => Method::Greedy,
            (false, true, true) => Method::Both,
            (false, true, false) => Method::TopK,
            (false, false, true) => Method::TopP,
            (false, false, false) => Method::Temperature,
        }
    }

    /// Settings for this method, keeping what fits from the current ones.
    fn settings(self, s: &Sampling) -> Sampling {
        let t = if s.temperature > 0.0 {
            s.temperature
        } else {
            1.0
        };
        let k = if s.top_k > 0 { s.top_k } else { 10 };
        let p = if s.top_p < 1.0 { s.top_p } else { 0.9 };
        match self {
            Method::Greedy => Sampling {
                temperature: 0.0,
                top_k: 0,
                top_p: 1.0,
            },
            Method::Temperature => Sampling {
                temperature: t,
                top_k: 0,
                top_p: 1.0,
            },
            Method::TopK => Sampling {
                temperature: t,
                top_k: k,
                top_p: 1.0,
            },
            Method::TopP => Sampling {
                temperature: t,
                top_k: 0,
                top_p: p,
            },
            Method::Both => Sampling {
                temperature: t,
                top_k: k,
                top_p: p,
            },
        }
    }

    fn name(self) -> Msg {
        match self {
            Method::Greedy => Msg::SamGreedy,
            Method::Temperature => Msg::SamTemperature,
            Method::TopK => Msg::SamTopK,
            Method::TopP => Msg::SamTopP,
            Method::Both => Msg::SamBoth,
        }
    }
}

/// A short description of settings, e.g. "Top-p, T 0.80, p 0.90".
pub fn describe(lang: Lang, s: &Sampling) -> String {
    let m = Method::of(s);
    let mut out = tr(lang, m.name()).to_string();
    if m != Method::Greedy {
        out.push_str(&format!(" · T {:.2}", s.temperature));
    }
    if s.top_k > 0 && m != Method::Greedy {
        out.push_str(&format!(" · k {}", s.top_k));
    }
    if s.top_p < 1.0 && m != Method::Greedy {
        out.push_str(&format!(" · p {:.2}", s.top_p));
    }
    out
}

fn range_input(
    label: String,
    min: &str,
    max: &str,
    step: &str,
    value: String,
    testid: &'static str,
    on: Callback<f32>,
) -> Html {
    let oninput = on_parsed(move |v: f32| on.emit(v));
    html! {
        <label class="slider"><span>{ label }</span>
            <input type="range" min={min.to_string()} max={max.to_string()} step={step.to_string()} {value} {oninput} data-testid={testid} />
        </label>
    }
}

/// The method buttons, the sliders that method uses and the seed.
fn controls(app: &App) -> Html {
    let (lang, s) = (app.lang, app.sampling);
    let method = Method::of(&s);
    let set = |f: fn(Sampling, f32) -> Sampling| {
        let app = app.clone();
        Callback::from(move |v: f32| app.dispatch(Action::SetSampling(f(app.sampling, v))))
    };
    let on_seed = {
        let app = app.clone();
        on_parsed(move |v: u64| app.dispatch(Action::SetSeed(v)))
    };
    html! {
        <section class="panel" aria-labelledby="sam-controls">
            <h2 id="sam-controls">{ tr(lang, Msg::SamMethod) }</h2>
            <Prose msg={Msg::SamMethodsExplain} />
            <div class="segmented wrap" role="group" aria-label={tr(lang, Msg::SamMethod)} data-testid="method">
                { for [Method::Greedy, Method::Temperature, Method::TopK, Method::TopP, Method::Both].into_iter().map(|m| {
                    let app = app.clone();
                    html! { <button type="button" aria-pressed={(m == method).to_string()} onclick={ move |_| app.dispatch(Action::SetSampling(m.settings(&app.sampling))) }>{ tr(lang, m.name()) }</button> }
                }) }
            </div>
            <div class="sliders">
                if method != Method::Greedy { <TemperatureSlider /> }
                if matches!(method, Method::TopK | Method::Both) {
                    { range_input(trf(lang, Msg::SamK, &[("k", &s.top_k.to_string())]), "1", "50", "1", s.top_k.to_string(), "top-k", set(|s, v| Sampling { top_k: v as usize, ..s })) }
                }
                if matches!(method, Method::TopP | Method::Both) {
                    { range_input(trf(lang, Msg::SamP, &[("p", &format!("{:.2}", s.top_p))]), "0.05", "1", "0.05", format!("{}", s.top_p), "top-p", set(|s, v| Sampling { top_p: v.max(0.05), ..s })) }
                }
                if method != Method::Greedy {
                    <label class="slider"><span>{ tr(lang, Msg::SamSeed) }</span>
                        <input type="number" min="0" step="1" value={app.seed.to_string()} oninput={on_seed} data-testid="seed" /></label>
                }
            </div>
        </section>
    }
}

/// The 24 most likely candidates as bars: probability before → after the cut, or ✂ if cut.
fn candidate_bars(report: &SampleReport, label: impl Fn(u32) -> String) -> Vec<Bar> {
    report
        .candidates
        .iter()
        .take(24)
        .map(|c| Bar {
            label: visible(&label(c.id)),
            value: c.prob,
            text: if c.kept {
                format!("{} → {}", percent(c.prob), percent(c.final_prob))
            } else {
                format!("{} ✂", percent(c.prob))
            },
            emphasis: c.id == report.token,
            cut: !c.kept,
        })
        .collect()
}

/// The kept tokens as sections `(id, start, width)` of one bar from 0 to 1.
fn kept_segments(report: &SampleReport) -> Vec<(u32, f32, f32)> {
    let mut start = 0.0f32;
    report
        .candidates
        .iter()
        .filter(|c| c.kept)
        .map(|c| {
            let seg = (c.id, start, c.final_prob);
            start += c.final_prob;
            seg
        })
        .collect()
}

/// Why the drawn token cannot be appended to the prompt as text, if it cannot: the end token
/// stops, another special token (a role marker) is not text, a piece of a character cannot be
/// appended on its own.
fn not_appendable(loaded: &Loaded, token: u32) -> Option<Msg> {
    let view = loaded.tokenizer.token_view(token);
    if loaded.end_token() == Some(token) {
        Some(Msg::SamEnd)
    } else if view.special {
        Some(Msg::SamSpecial)
    } else if view.text.is_none() {
        Some(Msg::SamPartial)
    } else {
        None
    }
}

#[function_component(SamplingChapter)]
pub fn sampling_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let traced = match use_traced() {
        Ok(t) => t,
        Err(waiting) => return waiting,
    };
    let (loaded, a, trace) = (&traced.loaded, &traced.analysis, traced.trace());
    // The draw depends on the seed and on how long the text is, so each step of the loop rolls
    // anew, with the numbers the generation chapter uses at the same place.
    let report: SampleReport = match sample(
        trace.logits.row(0),
        &app.sampling,
        &mut rng_for(app.seed, a.ids.len()),
    ) {
        Ok(r) => r,
        Err(e) => return html! { <p class="prompt-status error">{ e }</p> },
    };
    let label = |id: u32| loaded.tokenizer.token_view(id).label;
    let bars = candidate_bars(&report, label);
    let chosen = label(report.token);
    let after = not_appendable(loaded, report.token);
    let append = {
        let app = app.clone();
        let text = loaded
            .tokenizer
            .token_view(report.token)
            .text
            .unwrap_or_default();
        Callback::from(move |_| app.dispatch(Action::SetPrompt(format!("{}{}", app.prompt, text))))
    };
    let kept = kept_segments(&report);
    html! {
        <>
            { controls(&app) }
            <section class="panel" aria-labelledby="sam-dist">
                <h2 id="sam-dist">{ tr(lang, Msg::SamDistTitle) }</h2>
                <Prose msg={Msg::SamDistExplain} />
                <p class="meta" data-testid="kept">{ trf(lang, Msg::SamKept, &[("k", &number(lang, report.kept as u64)), ("v", &number(lang, report.vocab as u64)), ("mass", &percent(report.kept_mass as f32))]) }</p>
                <div data-testid="sample-bars"><Bars bars={bars} max={report.candidates.first().map_or(1.0, |c| c.prob)} label={tr(lang, Msg::SamDistTitle)} /></div>
            </section>
            <section class="panel" aria-labelledby="sam-draw">
                <h2 id="sam-draw">{ tr(lang, Msg::SamDrawTitle) }</h2>
                <Prose msg={Msg::SamDrawExplain} />
                <div class="cumulative" data-testid="cumulative">
                    { for kept.iter().enumerate().map(|(i, &(id, from, width))| html! {
                        <span class={classes!("segment", (id == report.token).then_some("chosen"))}
                              style={format!("left:{:.3}%;width:{:.3}%;background:{}", from * 100.0, width * 100.0, CHIP_TINTS[i % CHIP_TINTS.len()])}
                              title={format!("{} {}", visible(&label(id)), percent(width))}>
                            if width > 0.06 { { visible(&label(id)) } }
                        </span>
                    }) }
                    if let Some(u) = report.draw {
                        <span class="draw-marker" style={format!("left:{:.3}%", u * 100.0)} aria-hidden="true"></span>
                    }
                </div>
                <p class="draw-result" data-testid="draw" aria-live="polite">{
                    match report.draw {
                        Some(u) => trf(lang, Msg::SamDraw, &[("u", &format!("{u:.4}")), ("t", &visible(&chosen))]),
                        None => trf(lang, Msg::SamGreedyDraw, &[("t", &visible(&chosen))]),
                    }
                }</p>
                if let Some(why) = after {
                    <p class="prompt-status warn" role="status" data-testid="no-append">{ tr(lang, why) }</p>
                } else {
                    <div class="actions"><button type="button" class="primary" onclick={append} data-testid="append">{ tr(lang, Msg::SamAppend) }</button></div>
                    <Prose msg={Msg::SamAppendExplain} class={classes!("meta")} />
                }
            </section>
        </>
    }
}
