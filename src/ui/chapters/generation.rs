//! Chapter 10 — generation token by token, with play, pause and step, the stop conditions, and
//! each step's top candidates kept as a history.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::sampling::describe;
use crate::i18n::{Msg, tr, trf};
use crate::model::Gpt;
use crate::model::generate::{GenerateOptions, Generator, StopReason};
use crate::sampling::SampleReport;
use crate::ui::context::use_app;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Chip, StepControls, TokenChips, percent, visible};

/// Milliseconds since the page opened.
fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

struct Run {
    generator: Option<Generator<Rc<Gpt>>>,
    reports: Vec<SampleReport>,
    error: Option<String>,
}

#[function_component(GenerationChapter)]
pub fn generation_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let max_new = app.max_new;
    let playing = use_state(|| false);
    let version = use_state(|| 0u32);
    let run = use_mut_ref(|| Run {
        generator: None,
        reports: Vec::new(),
        error: None,
    });
    let last_key = use_mut_ref(|| None);
    let loaded = app.loaded();
    let ids = app
        .analysis
        .as_ref()
        .map(|a| a.ids.clone())
        .unwrap_or_default();
    let target = app.step.unwrap_or(0);
    let key = (
        ids.clone(),
        loaded.as_ref().map(|l| Rc::as_ptr(l) as usize),
        app.sampling,
        app.seed,
        max_new,
    );
    // The run follows the state: a new prompt, model or setting starts over; the step in the
    // state (and so in the link) says how many tokens are generated. Tokens are computed for at
    // most ~40 ms at a time; the rest continues after the page has drawn (a large model, or a
    // link that asks for many steps, never freezes the tab).
    let tick = use_state(|| 0u32);
    {
        let (run, loaded, version, last_key, tick) = (
            run.clone(),
            loaded.clone(),
            version.clone(),
            last_key.clone(),
            tick.clone(),
        );
        use_effect_with((key, target, *tick), move |(key, target, _)| {
            let mut r = run.borrow_mut();
            let fresh = last_key.borrow().as_ref() != Some(key) || r.reports.len() > *target;
            if fresh {
                *last_key.borrow_mut() = Some(key.clone());
                r.reports.clear();
                r.error = None;
                r.generator = None;
                let (ids, _, sampling, seed, max_new) = key;
                if let Some(l) = loaded.filter(|_| !ids.is_empty()) {
                    let options = GenerateOptions {
                        max_new_tokens: *max_new,
                        sampling: *sampling,
                        seed: *seed,
                        end_token: l.end_token(),
                    };
                    match Generator::new(l.model.clone(), ids, options) {
                        Ok(g) => r.generator = Some(g),
                        Err(e) => r.error = Some(e.to_string()),
                    }
                }
            }
            let started = now();
            let before = r.reports.len();
            while r.reports.len() < *target && now() - started < 40.0 {
                let next = r.generator.as_mut().map(|g| g.next_token());
                match next {
                    Some(Ok(Some(report))) => r.reports.push(report),
                    Some(Err(e)) => {
                        r.error = Some(e.to_string());
                        break;
                    }
                    _ => break,
                }
            }
            let more = r.reports.len() < *target
                && r.error.is_none()
                && r.generator.as_ref().is_some_and(|g| g.stopped().is_none());
            if more {
                let tick = tick.clone();
                gloo::timers::callback::Timeout::new(0, move || tick.set(*tick + 1)).forget();
            }
            if fresh || r.reports.len() != before {
                version.set(*version + 1);
            }
        });
    }
    let stopped = run.borrow().generator.as_ref().and_then(|g| g.stopped());
    let done = run.borrow().reports.len();
    // Playing adds a token every 400 ms until the run stops.
    {
        let (playing, app) = (playing.clone(), app.clone());
        use_effect_with(
            (*playing, stopped.is_some(), done),
            move |&(on, finished, done)| {
                let timer = (on && !finished).then(|| {
                    Interval::new(400, move || app.dispatch(Action::SetStep(Some(done + 1))))
                });
                if on && finished {
                    playing.set(false);
                }
                move || drop(timer)
            },
        );
    }
    let Some(l) = loaded else { return html! {} };
    if ids.is_empty() {
        return html! {};
    }
    let r = run.borrow();
    let label = |id: u32| l.tokenizer.token_view(id).label;
    let prompt_chips = ids.iter().map(|&id| Chip {
        label: label(id),
        id,
        special: l.tokenizer.is_special(id),
        marked: false,
    });
    let new_chips = r.reports.iter().map(|rep| Chip {
        label: label(rep.token),
        id: rep.token,
        special: l.tokenizer.is_special(rep.token),
        marked: true,
    });
    let chips: Vec<Chip> = prompt_chips.chain(new_chips).collect();
    let text = l
        .tokenizer
        .decode(&r.reports.iter().map(|x| x.token).collect::<Vec<_>>())
        .unwrap_or_default();
    let on_max = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                && let Ok(v) = i.value().parse::<usize>()
            {
                app.dispatch(Action::SetMaxNew(v));
            }
        })
    };
    let stop_text = stopped.map(|s| {
        tr(
            lang,
            match s {
                StopReason::EndToken => Msg::GenStopEnd,
                StopReason::MaxNewTokens => Msg::GenStopMax,
                StopReason::ContextFull => Msg::GenStopCtx,
            },
        )
    });
    let on_change = {
        let (app, playing) = (app.clone(), playing.clone());
        Callback::from(move |to: usize| {
            playing.set(false);
            app.dispatch(Action::SetStep((to > 0).then_some(to)));
        })
    };
    html! {
        <>
            <section class="panel" aria-labelledby="gen-title">
                <h2 id="gen-title">{ tr(lang, Msg::GenTitle) }</h2>
                <Prose msg={Msg::GenExplain} />
                <p class="computed-on meta">{ tr(lang, Msg::ComputedOnCpu) }</p>
                <p class="meta">{ trf(lang, Msg::GenSettings, &[("s", &describe(lang, &app.sampling))]) }</p>
                <label class="slider"><span>{ trf(lang, Msg::GenMax, &[("n", &max_new.to_string())]) }</span>
                    <input type="range" min="1" max="64" step="1" value={max_new.to_string()} oninput={on_max} data-testid="max-new" /></label>
                <StepControls lang={lang} step={done} total={if stopped.is_some() { done } else { max_new }} on_change={on_change}
                    playing={*playing} on_play={ let p = playing.clone(); Callback::from(move |on: bool| p.set(on)) } />
                <div data-testid="gen-tokens"><TokenChips chips={chips} show_ids=false label={tr(lang, Msg::GenOutput)} /></div>
                if !text.is_empty() { <p class="generated" data-testid="gen-text"><strong>{ tr(lang, Msg::GenOutput) }{ ": " }</strong>{ text }</p> }
                if let Some(t) = stop_text { <p class="prompt-status" role="status" data-testid="gen-stop">{ t }</p> }
                if let Some(e) = &r.error { <p class="prompt-status error" role="alert">{ e }</p> }
            </section>
            if !r.reports.is_empty() {
                <section class="panel" aria-labelledby="gen-history">
                    <h2 id="gen-history">{ tr(lang, Msg::GenHistory) }</h2>
                    <div class="history" data-testid="gen-history" tabindex="0">
                        { for r.reports.iter().enumerate().map(|(i, rep)| html! {
                            <ol class="history-col" aria-label={format!("{} {}", i + 1, visible(&label(rep.token)))}>
                                { for rep.candidates.iter().take(5).map(|c| html! {
                                    <li class={classes!((c.id == rep.token).then_some("chosen"))}>
                                        <span class="h-token">{ visible(&label(c.id)) }</span>
                                        <span class="h-prob">{ percent(c.prob) }</span>
                                    </li>
                                }) }
                            </ol>
                        }) }
                    </div>
                </section>
            }
        </>
    }
}
