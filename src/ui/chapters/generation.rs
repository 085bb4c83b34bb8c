//! Chapter 10 — generation token by token, with play, pause and step, the stop conditions, and
//! each step's top candidates kept as a history.

use std::rc::Rc;

use gloo::timers::callback::Interval;
use yew::prelude::*;

use super::sampling::describe;
use crate::i18n::{Lang, Msg, tr, trf};
use crate::model::Gpt;
use crate::model::generate::{GenerateOptions, Generator, StopReason};
use crate::sampling::{SampleReport, Sampling};
use crate::session::Loaded;
use crate::ui::context::{App, use_app};
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Chip, StepControls, TokenChips, on_parsed, percent, visible};

/// Milliseconds since the page opened.
fn now() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

struct Run {
    generator: Option<Generator<Rc<Gpt>>>,
    reports: Vec<SampleReport>,
    error: Option<String>,
}

/// What a run depends on: prompt ids, the loaded model (by address), sampling, seed and the
/// number of new tokens. A change of any of them starts the run over.
type RunKey = (Vec<u32>, Option<usize>, Sampling, u64, usize);

impl Run {
    /// Forgets the tokens and starts a generator for the key's prompt and settings.
    fn restart(&mut self, key: &RunKey, loaded: Option<Rc<Loaded>>) {
        self.reports.clear();
        self.error = None;
        self.generator = None;
        let (ids, _, sampling, seed, max_new) = key;
        if let Some(l) = loaded.filter(|_| !ids.is_empty()) {
            let options = GenerateOptions {
                max_new_tokens: *max_new,
                sampling: *sampling,
                seed: *seed,
                end_token: l.end_token(),
            };
            match Generator::new(l.model.clone(), ids, options) {
                Ok(g) => self.generator = Some(g),
                Err(e) => self.error = Some(e.to_string()),
            }
        }
    }

    /// Generates tokens towards `target` for at most ~40 ms; true if more are still to come.
    fn advance(&mut self, target: usize) -> bool {
        let started = now();
        while self.reports.len() < target && now() - started < 40.0 {
            match self.generator.as_mut().map(|g| g.next_token()) {
                Some(Ok(Some(report))) => self.reports.push(report),
                Some(Err(e)) => {
                    self.error = Some(e.to_string());
                    break;
                }
                _ => break,
            }
        }
        self.reports.len() < target
            && self.error.is_none()
            && self
                .generator
                .as_ref()
                .is_some_and(|g| g.stopped().is_none())
    }
}

/// The run follows the state: a new prompt, model or setting starts over; the step in the state
/// (and so in the link) says how many tokens are generated. Tokens are computed for at most
/// ~40 ms at a time; the rest continues after the page has drawn (a large model, or a link that
/// asks for many steps, never freezes the tab). Returns the run and its redraw counter.
#[hook]
fn use_run(key: RunKey, target: usize, loaded: Option<Rc<Loaded>>) -> Rc<std::cell::RefCell<Run>> {
    let version = use_state(|| 0u32);
    let run = use_mut_ref(|| Run {
        generator: None,
        reports: Vec::new(),
        error: None,
    });
    let last_key = use_mut_ref(|| None);
    let tick = use_state(|| 0u32);
    {
        let (run, tick) = (run.clone(), tick.clone());
        use_effect_with((key, target, *tick), move |(key, target, _)| {
            let mut r = run.borrow_mut();
            let fresh = last_key.borrow().as_ref() != Some(key) || r.reports.len() > *target;
            if fresh {
                *last_key.borrow_mut() = Some(key.clone());
                r.restart(key, loaded);
            }
            let before = r.reports.len();
            if r.advance(*target) {
                let tick = tick.clone();
                gloo::timers::callback::Timeout::new(0, move || tick.set(*tick + 1)).forget();
            }
            if fresh || r.reports.len() != before {
                version.set(*version + 1);
            }
        });
    }
    run
}

/// Playing adds a token every 400 ms until the run stops.
#[hook]
fn use_play(playing: UseStateHandle<bool>, finished: bool, done: usize) {
    let app = use_app();
    use_effect_with((*playing, finished, done), move |&(on, finished, done)| {
        let timer = (on && !finished)
            .then(|| Interval::new(400, move || app.dispatch(Action::SetStep(Some(done + 1)))));
        if on && finished {
            playing.set(false);
        }
        move || drop(timer)
    });
}

/// The slider's callback: the number of new tokens.
fn on_max_new(app: &App) -> Callback<InputEvent> {
    let app = app.clone();
    on_parsed(move |v: usize| app.dispatch(Action::SetMaxNew(v)))
}

/// Each step's top five candidates, the chosen one marked.
fn history(lang: Lang, reports: &[SampleReport], label: impl Fn(u32) -> String) -> Html {
    html! {
        <section class="panel" aria-labelledby="gen-history">
            <h2 id="gen-history">{ tr(lang, Msg::GenHistory) }</h2>
            <div class="history" data-testid="gen-history" tabindex="0">
                { for reports.iter().enumerate().map(|(i, rep)| html! {
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
}

#[function_component(GenerationChapter)]
pub fn generation_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let max_new = app.max_new;
    let playing = use_state(|| false);
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
    let run = use_run(key, target, loaded.clone());
    let stopped = run.borrow().generator.as_ref().and_then(|g| g.stopped());
    let done = run.borrow().reports.len();
    use_play(playing.clone(), stopped.is_some(), done);
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
                    <input type="range" min="1" max="64" step="1" value={max_new.to_string()} oninput={on_max_new(&app)} data-testid="max-new" /></label>
                <StepControls lang={lang} step={done} total={if stopped.is_some() { done } else { max_new }} on_change={on_change}
                    playing={*playing} on_play={ let p = playing.clone(); Callback::from(move |on: bool| p.set(on)) } />
                <div data-testid="gen-tokens"><TokenChips chips={chips} show_ids=false label={tr(lang, Msg::GenOutput)} /></div>
                if !text.is_empty() { <p class="generated" data-testid="gen-text"><strong>{ tr(lang, Msg::GenOutput) }{ ": " }</strong>{ text }</p> }
                if let Some(t) = stop_text { <p class="prompt-status" role="status" data-testid="gen-stop">{ t }</p> }
                if let Some(e) = &r.error { <p class="prompt-status error" role="alert">{ e }</p> }
            </section>
            if !r.reports.is_empty() { { history(lang, &r.reports, label) } }
        </>
    }
}
