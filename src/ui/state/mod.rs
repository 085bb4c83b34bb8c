//! The app's state and the reducer that changes it. Everything on screen derives from
//! [`AppState`]; components change it only through [`Action`]s. The analysis of the prompt is
//! recomputed here whenever the prompt or the model changes (a few milliseconds for the
//! built-in models).

mod view;

use std::rc::Rc;

use yew::Reducible;

use super::prefs::{Compute, Theme, store_compute, stored_compute};
use crate::chapters::Chapter;
use crate::gpu::{Backend, Gpu};
use crate::i18n::{Lang, Msg, tr};
use crate::route::{self, LabView, RagView, RouteNotice};
use crate::sampling::Sampling;
use crate::session::{Analysis, Loaded, ModelId, analyse, tokenize};

/// Where the compute backend stands.
#[derive(Clone, PartialEq)]
pub enum BackendStatus {
    /// The start-up probe is still running.
    Checking,
    /// The probe finished.
    Ready(Backend),
}

/// A model's place in the page.
#[derive(Clone)]
pub enum Slot {
    /// Not asked for yet (GPT-2 before its download, own files before they are dropped).
    Absent,
    /// On its way (the built-in models at start-up).
    Loading,
    Ready(Rc<Loaded>),
    Failed(String),
}

/// Bytes downloaded (or read) so far, and the total when known.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Progress {
    pub done: f64,
    pub total: Option<f64>,
}

/// A forward pass in progress: a large model's layers done of all on the CPU, or a pass on the
/// graphics card (`on_gpu`, one submission).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pending {
    pub layers_done: usize,
    pub layers: usize,
    pub on_gpu: bool,
}

#[derive(Clone)]
pub struct AppState {
    pub chapter: Chapter,
    pub lang: Lang,
    pub theme: Theme,
    pub presenter: bool,
    /// The glossary entry a link asked for.
    pub term: Option<String>,
    /// The lesson step on show (from 1), the chapter's own view (see [`ViewState::view`]), and
    /// whether the notes for teachers are open.
    pub lesson: Option<usize>,
    pub view: Option<String>,
    pub teacher: bool,
    /// Generation: at most this many new tokens.
    pub max_new: usize,
    /// The retrieval chapter's and the training lab's settings from a link.
    pub rag: RagView,
    pub lab: LabView,
    /// The retrieval chapter's last search, for its checked question.
    pub rag_facts: Option<Rc<crate::lesson::facts::RagFacts>>,
    /// Lesson steps done and questions answered (remembered in the browser).
    pub progress: Rc<super::progress::Progress>,
    /// The prompt as typed.
    pub prompt: String,
    pub model: ModelId,
    pub layer: usize,
    pub head: usize,
    /// Selected token position in the model's input; `None` = the last one.
    pub token: Option<usize>,
    /// Step within the chapter: the merge of the replayed word, or the tokens generated.
    pub step: Option<usize>,
    pub sampling: Sampling,
    pub seed: u64,
    pub backend: BackendStatus,
    /// The open graphics card, when the probe found a working one.
    pub gpu: Option<Rc<Gpu>>,
    /// Where the model computes now (the user may switch; a GPU failure switches to the CPU).
    pub compute: Compute,
    /// Where the analysis on screen was computed.
    pub analysis_on: Compute,
    /// Why the page left the graphics card during this visit, if it did.
    pub gpu_failure: Option<String>,
    pub notice: Option<RouteNotice>,
    /// One slot per model, in [`ModelId::ALL`] order.
    slots: [Slot; 4],
    /// The file names of the user's own model, for display.
    pub local_name: Option<String>,
    /// GPT-2 or own files being downloaded or read, with progress when known. The model in
    /// use stays until they are ready.
    pub busy: Option<(ModelId, Option<Progress>)>,
    /// The last failure to load GPT-2 or own files while another model stayed in use.
    pub model_error: Option<(ModelId, String)>,
    /// The analysis of `prompt` with `model`, once that model is loaded. For a large model its
    /// trace arrives later ([`Action::AnalysisDone`]); until then `pending` says how far it is.
    pub analysis: Option<Rc<Analysis>>,
    pub pending: Option<Pending>,
    /// Counts changes; two states are equal when they are the same version.
    version: u64,
}

impl PartialEq for AppState {
    fn eq(&self, other: &Self) -> bool {
        self.version == other.version
    }
}

/// The example prompt for a language, used when a link names none.
pub fn default_prompt(lang: Lang) -> String {
    tr(lang, Msg::DefaultPrompt).to_string()
}

/// Default sampling: plain sampling at temperature 1 (the sampling chapter varies it).
pub const DEFAULT_SAMPLING: Sampling = Sampling {
    temperature: 1.0,
    top_k: 0,
    top_p: 1.0,
};
pub const DEFAULT_SEED: u64 = 1;
/// The generation chapter's default limit of new tokens.
pub const DEFAULT_MAX_NEW: usize = 24;

impl AppState {
    pub fn slot(&self, m: ModelId) -> &Slot {
        &self.slots[index(m)]
    }

    /// The selected model, when loaded.
    pub fn loaded(&self) -> Option<Rc<Loaded>> {
        match self.slot(self.model) {
            Slot::Ready(l) => Some(l.clone()),
            _ => None,
        }
    }

    /// The selected token position within the analysis (the last one by default).
    pub fn token_index(&self) -> Option<usize> {
        let n = self.analysis.as_ref()?.ids.len();
        (n > 0).then(|| self.token.unwrap_or(n - 1).min(n - 1))
    }

    /// Analyses the prompt again: at once for a small model; for a large one only the tokens
    /// now, and the forward pass in steps (the app runs it and sends `AnalysisDone`).
    fn reanalyse(&mut self) {
        self.pending = None;
        let on_gpu = self.compute == Compute::Gpu && self.gpu.is_some();
        self.analysis = self.loaded().map(|l| {
            if l.is_large() || on_gpu {
                let a = tokenize(&l, &self.prompt);
                if !a.ids.is_empty() {
                    self.pending = Some(Pending {
                        layers_done: 0,
                        layers: l.model.config.n_layer,
                        on_gpu,
                    });
                }
                Rc::new(a)
            } else {
                self.analysis_on = Compute::Cpu;
                Rc::new(analyse(&l, &self.prompt))
            }
        });
        if let (Some(a), Some(t)) = (&self.analysis, self.token)
            && t >= a.ids.len()
        {
            self.token = None;
        }
        if let Some(l) = self.loaded() {
            self.layer = self.layer.min(l.model.config.n_layer - 1);
            self.head = self.head.min(l.model.config.n_head - 1);
        }
    }
}

pub enum Action {
    /// The URL hash changed (link, back button, typed URL).
    HashChanged(String),
    SetLang(Lang),
    SetTheme(Theme),
    TogglePresenter,
    SetPrompt(String),
    SetModel(ModelId),
    SetLayer(usize),
    SetHead(usize),
    SetToken(Option<usize>),
    SetStep(Option<usize>),
    SetSampling(Sampling),
    SetSeed(u64),
    /// The chapter's own view (`None`: its default).
    SetView(Option<String>),
    /// The lesson step on show (from 1).
    SetLesson(Option<usize>),
    ToggleTeacher,
    SetMaxNew(usize),
    SetRag(RagView),
    SetLab(LabView),
    /// A lesson step was shown, or a question answered (right or not).
    StepDone(Chapter, usize),
    Answered(&'static str, bool),
    ResetProgress,
    /// The retrieval chapter searched.
    RagSearched(Option<Rc<crate::lesson::facts::RagFacts>>),
    /// The start-up probe finished, with the open device when it found a working GPU.
    BackendReady(Backend, Option<Rc<Gpu>>),
    /// The user chose where to compute.
    SetCompute(Compute),
    /// A GPU computation failed (device lost, out of memory, …): back to the CPU, with a
    /// notice; the prompt and the view stay.
    GpuFailed(String),
    /// GPT-2's or own files are arriving (`None`: started, or being prepared).
    ModelProgress(ModelId, Option<Progress>),
    /// A model finished loading (or failed). GPT-2 and own files become the selected model;
    /// when they fail, the model in use stays.
    ModelLoaded(ModelId, Result<Rc<Loaded>, String>),
    /// Own files were read; their names, for display.
    LocalNamed(String),
    /// A large model's forward pass advanced by a layer.
    AnalysisProgress(String, ModelId, Pending),
    /// A deferred traced pass for `prompt` is done (a large model's, or one on the GPU).
    AnalysisDone(String, ModelId, Rc<Analysis>, Compute),
    DismissNotice,
}

impl AppState {
    /// The actions of lessons, progress and the chapters' own views.
    fn lesson_action(&mut self, action: Action) {
        match action {
            Action::SetView(v) => self.view = v,
            Action::SetLesson(l) => self.lesson = l,
            Action::ToggleTeacher => self.teacher = !self.teacher,
            Action::SetMaxNew(n) => self.max_new = n.clamp(1, 64),
            Action::SetRag(r) => self.rag = r,
            Action::SetLab(l) => self.lab = l,
            Action::StepDone(c, i) => self.progress = Rc::new(self.progress.with_step(c, i)),
            Action::Answered(id, right) => {
                self.progress = Rc::new(self.progress.with_answer(id, right))
            }
            Action::RagSearched(f) => self.rag_facts = f,
            Action::ResetProgress => self.progress = Rc::default(),
            _ => {}
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.version += 1;
        let before = (self.prompt.clone(), self.model);
        match action {
            Action::HashChanged(hash) => {
                let parsed = route::parse(&hash);
                let lang = parsed.state.lang;
                next.apply_view(parsed.state);
                if lang.is_none() {
                    next.lang = self.lang;
                }
                next.notice = parsed.notice;
            }
            Action::SetLang(lang) => {
                // The example prompt follows the language; a prompt of one's own stays.
                if next.prompt == default_prompt(next.lang) {
                    next.prompt = default_prompt(lang);
                }
                next.lang = lang;
            }
            Action::SetTheme(theme) => next.theme = theme,
            Action::TogglePresenter => next.presenter = !next.presenter,
            Action::SetPrompt(p) => {
                next.prompt = p;
                next.token = None;
                next.step = None;
            }
            Action::SetModel(m) => {
                next.model = m;
                next.step = None;
            }
            Action::SetLayer(l) => next.layer = l,
            Action::SetHead(h) => next.head = h,
            Action::SetToken(t) => next.token = t,
            Action::SetStep(s) => next.step = s,
            Action::SetSampling(s) => {
                next.sampling = s;
                next.step = None;
            }
            Action::SetSeed(s) => {
                next.seed = s;
                next.step = None;
            }
            Action::BackendReady(backend, gpu) => {
                // A real graphics card computes by default; a software one (SwiftShader,
                // llvmpipe) is slower than the CPU path, so it waits until the user asks.
                let hardware =
                    matches!(&backend, Backend::Gpu { adapter, .. } if !adapter.is_software());
                next.compute = match (gpu.is_some(), stored_compute()) {
                    (false, _) => Compute::Cpu,
                    (true, Some(c)) => c,
                    (true, None) if hardware => Compute::Gpu,
                    (true, None) => Compute::Cpu,
                };
                next.gpu = gpu;
                next.backend = BackendStatus::Ready(backend);
                if next.compute == Compute::Gpu {
                    next.reanalyse();
                }
                return Rc::new(next);
            }
            Action::SetCompute(c) => {
                next.compute = if next.gpu.is_some() { c } else { Compute::Cpu };
                store_compute(next.compute);
                next.reanalyse();
                return Rc::new(next);
            }
            Action::GpuFailed(why) => {
                next.compute = Compute::Cpu;
                next.gpu = None;
                next.gpu_failure = Some(why);
                next.reanalyse();
                return Rc::new(next);
            }
            Action::ModelProgress(m, p) => {
                next.busy = Some((m, p));
                if p.is_none() {
                    next.model_error = None;
                }
                return Rc::new(next);
            }
            Action::ModelLoaded(m, result) => {
                let built_in = m.is_built_in();
                if next.busy.is_some_and(|(b, _)| b == m) {
                    next.busy = None;
                }
                match result {
                    Ok(l) => {
                        next.slots[index(m)] = Slot::Ready(l);
                        if !built_in {
                            next.model = m;
                            next.step = None;
                            next.model_error = None;
                        }
                    }
                    Err(e) if built_in => next.slots[index(m)] = Slot::Failed(e),
                    Err(e) => {
                        // A broken download or file: whatever was loaded before stays.
                        if !matches!(self.slots[index(m)], Slot::Ready(_)) {
                            next.slots[index(m)] = Slot::Failed(e.clone());
                        }
                        next.model_error = Some((m, e));
                    }
                }
                if m == next.model || m == self.model {
                    next.reanalyse();
                }
                return Rc::new(next);
            }
            Action::LocalNamed(name) => {
                next.local_name = Some(name);
                return Rc::new(next);
            }
            Action::AnalysisProgress(prompt, m, p) => {
                if prompt == next.prompt && m == next.model && next.pending.is_some() {
                    next.pending = Some(p);
                }
                return Rc::new(next);
            }
            Action::AnalysisDone(prompt, m, a, on) => {
                let wanted_gpu = next.pending.is_some_and(|p| p.on_gpu);
                if prompt == next.prompt && m == next.model && wanted_gpu == (on == Compute::Gpu) {
                    next.analysis = Some(a);
                    next.analysis_on = on;
                    next.pending = None;
                }
                return Rc::new(next);
            }
            Action::DismissNotice => next.notice = None,
            lesson => {
                // Lesson, progress and chapter views: nothing to compute again.
                next.lesson_action(lesson);
                return Rc::new(next);
            }
        }
        if (next.prompt.clone(), next.model) != before || next.analysis.is_none() {
            next.reanalyse();
        }
        Rc::new(next)
    }
}

/// Position of a model's slot.
fn index(m: ModelId) -> usize {
    ModelId::ALL.iter().position(|&x| x == m).unwrap_or(0)
}
