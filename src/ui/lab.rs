//! The page's side of the training lab: one Web Worker for the whole visit (started when the
//! Training chapter first opens), and what it reported so far. Both live outside the chapter,
//! so a run goes on — and its state is kept — while the reader visits other chapters, until the
//! page is reloaded.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{MessageEvent, Worker};
use yew::prelude::*;

use crate::lab::pretrain::{Prepared, TokenLosses};
use crate::lab::sft::SftPrepared;
use crate::lab::{AnswerView, Command, Event, Phase};
use crate::training::trainer::LogEntry;

/// One step of the policy optimisation, as plotted.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyPoint {
    pub step: usize,
    pub mean_reward: f32,
    pub kl: f32,
    pub preferred_logprob: f32,
    pub sample: String,
}

/// Everything the lab reported, folded together.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LabView {
    pub ready: bool,
    pub error: Option<String>,
    pub stopped: Option<(Phase, String, Option<f32>)>,
    pub prepared: Option<Prepared>,
    pub log: Vec<LogEntry>,
    pub tokens_per_s: f32,
    pub token_losses: Option<TokenLosses>,
    pub samples: Vec<(usize, Vec<String>)>,
    pub paused: bool,
    pub sft: Option<SftPrepared>,
    pub sft_log: Vec<LogEntry>,
    pub sft_after: Option<String>,
    pub sft_running: bool,
    pub answers: Option<(String, Vec<AnswerView>)>,
    pub comparisons: usize,
    pub reward_log: Vec<(usize, f32)>,
    pub policy_log: Vec<PolicyPoint>,
    /// A command was sent and its first answer has not come yet.
    pub waiting: bool,
}

impl LabView {
    /// Folds one event in.
    pub fn apply(&mut self, event: Event) {
        self.waiting = false;
        match event {
            Event::Ready => self.ready = true,
            Event::Prepared(p) => {
                *self = LabView {
                    prepared: Some(p),
                    ..self.later_phases()
                };
            }
            Event::ResetDone => *self = self.later_phases(),
            Event::Progress(p) => self.progress(p),
            Event::Paused => self.paused = true,
            Event::Resumed => {
                self.paused = false;
                self.stopped = None;
            }
            Event::SftPrepared(p) => {
                self.sft = Some(p);
                self.sft_log.clear();
                self.sft_after = None;
                self.sft_running = true;
                self.error = None;
            }
            Event::SftDone { after, .. } => self.sft_done(after),
            Event::Answers { question, answers } => {
                self.answers = Some((question, answers));
                self.error = None;
            }
            Event::Preferences { comparisons } => self.comparisons = comparisons,
            Event::RewardProgress { step, loss, scores } => {
                self.reward_log.push((step, loss));
                if let Some((_, answers)) = self.answers.as_mut() {
                    for (a, s) in answers.iter_mut().zip(scores) {
                        a.score = Some(s);
                    }
                }
            }
            Event::PolicyProgress {
                step,
                mean_reward,
                kl,
                preferred_logprob,
                sample,
            } => self.policy_log.push(PolicyPoint {
                step,
                mean_reward,
                kl,
                preferred_logprob,
                sample,
            }),
            Event::Stopped {
                phase,
                message,
                suggested_lr,
            } => {
                self.paused |= phase == Phase::Pretrain;
                self.sft_running &= phase != Phase::Sft;
                self.stopped = Some((phase, message, suggested_lr));
            }
            Event::Error(e) => self.error = Some(e),
        }
    }

    /// A ready view without the pretraining run, taking over what the later phases (SFT and
    /// RLHF) did: a new or reset pretraining run does not throw away a fine-tuned model's work.
    fn later_phases(&mut self) -> LabView {
        LabView {
            ready: true,
            sft: self.sft.take(),
            sft_log: std::mem::take(&mut self.sft_log),
            sft_after: self.sft_after.take(),
            answers: self.answers.take(),
            comparisons: self.comparisons,
            reward_log: std::mem::take(&mut self.reward_log),
            policy_log: std::mem::take(&mut self.policy_log),
            ..LabView::default()
        }
    }

    /// Pretraining or SFT steps: the log, speed, per-token losses and samples.
    fn progress(&mut self, p: crate::lab::Progress) {
        if p.phase == Phase::Sft {
            self.sft_log.extend(p.entries);
            return;
        }
        self.log.extend(p.entries);
        if p.tokens_per_s > 0.0 {
            self.tokens_per_s = p.tokens_per_s;
        }
        if p.token_losses.is_some() {
            self.token_losses = p.token_losses;
        }
        if let Some(s) = p.samples {
            self.samples.push(s);
        }
    }

    /// Fine-tuning finished: RLHF starts afresh from the fine-tuned model.
    fn sft_done(&mut self, after: String) {
        self.sft_after = Some(after);
        self.sft_running = false;
        self.answers = None;
        self.comparisons = 0;
        self.reward_log.clear();
        self.policy_log.clear();
    }
}

/// Who is told about new events: an id (to unsubscribe) and a callback.
type Listeners = Rc<RefCell<Vec<(usize, Rc<dyn Fn()>)>>>;

struct Client {
    worker: Worker,
    view: Rc<RefCell<LabView>>,
    listeners: Listeners,
    next_id: usize,
}

// Why this is a second state beside the app's reducer, on purpose: the worker and its closures
// are not values a reducer can hold (they are neither `PartialEq` nor cheap to clone), the lab's
// events arrive many times a second while a run goes on, and only the Training chapter draws them.
// Folding them into `AppState` would re-render every component that reads the app context on
// each training step. So the lab view lives here, once per page, and the chapter subscribes to it
// (`use_lab`); nothing else in the app reads or writes it.
thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

/// Starts the worker on first use.
fn with_client<T>(f: impl FnOnce(&mut Client) -> T) -> Option<T> {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.is_none() {
            let options = web_sys::WorkerOptions::new();
            let worker = Worker::new_with_options("./lupe-lab_loader.js", &options).ok()?;
            let view = Rc::new(RefCell::new(LabView::default()));
            let listeners: Listeners = Rc::default();
            let (v, l) = (view.clone(), listeners.clone());
            let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
                let Some(text) = e.data().as_string() else {
                    return;
                };
                match serde_json::from_str::<Event>(&text) {
                    Ok(event) => v.borrow_mut().apply(event),
                    Err(err) => v.borrow_mut().error = Some(err.to_string()),
                }
                let callbacks: Vec<Rc<dyn Fn()>> =
                    l.borrow().iter().map(|(_, f)| f.clone()).collect();
                callbacks.iter().for_each(|f| f());
            });
            worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
            on_message.forget();
            let v = view.clone();
            let l = listeners.clone();
            let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_| {
                v.borrow_mut().error = Some("the training worker could not start".into());
                let callbacks: Vec<Rc<dyn Fn()>> =
                    l.borrow().iter().map(|(_, f)| f.clone()).collect();
                callbacks.iter().for_each(|f| f());
            });
            worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
            on_error.forget();
            *c = Some(Client {
                worker,
                view,
                listeners,
                next_id: 0,
            });
        }
        c.as_mut().map(f)
    })
}

/// Sends a command to the lab.
pub fn send(command: &Command) {
    let Ok(json) = serde_json::to_string(command) else {
        return;
    };
    with_client(|c| {
        c.view.borrow_mut().waiting = true;
        let _ = c.worker.post_message(&JsValue::from_str(&json));
    });
}

/// The current view (starting the worker if needed).
pub fn view() -> LabView {
    with_client(|c| c.view.borrow().clone()).unwrap_or_else(|| LabView {
        error: Some("this browser cannot start a Web Worker".into()),
        ..LabView::default()
    })
}

/// Calls `f` after every event until the returned id is passed to [`unsubscribe`].
pub fn subscribe(f: Rc<dyn Fn()>) -> Option<usize> {
    with_client(|c| {
        let id = c.next_id;
        c.next_id += 1;
        c.listeners.borrow_mut().push((id, f));
        id
    })
}

pub fn unsubscribe(id: usize) {
    CLIENT.with(|c| {
        if let Some(c) = c.borrow().as_ref() {
            c.listeners.borrow_mut().retain(|(i, _)| *i != id);
        }
    });
}

/// Re-renders on every report of the worker.
#[hook]
pub fn use_lab() -> LabView {
    let tick = use_state(|| 0u64);
    {
        let tick = tick.clone();
        use_effect_with((), move |_| {
            let id = subscribe(Rc::new(move || tick.set(js_sys::Date::now() as u64)));
            move || {
                if let Some(id) = id {
                    unsubscribe(id);
                }
            }
        });
    }
    view()
}
