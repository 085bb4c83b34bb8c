//! The app's state and the reducer that changes it. Everything on screen derives from
//! [`AppState`]; components change it only through [`Action`]s. The analysis of the prompt is
//! recomputed here whenever the prompt or the model changes (a few milliseconds for the
//! built-in models).

mod view;

use std::rc::Rc;

use yew::Reducible;

use super::prefs::{Compute, Theme};
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
    /// Where the reader chose to compute during this visit (an effect remembers it).
    pub compute_chosen: Option<Compute>,
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
    /// The start-up probe finished, with the open device when it found a working GPU, and
    /// where the reader chose to compute on an earlier visit.
    BackendReady(Backend, Option<Rc<Gpu>>, Option<Compute>),
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

/// Whether an action asks for the prompt to be analysed again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Again {
    /// Yes: where the pass runs, or the model behind it, changed.
    Always,
    /// When the prompt or the model changed, or there is no analysis yet.
    IfInputChanged,
    /// No: the action changes what is shown, not what is computed.
    Never,
}

impl Reducible for AppState {
    type Action = Action;

    /// Applies `action` to a copy of the state, then analyses the prompt again when the action
    /// says so ([`Again`]). Nothing here writes to storage: effects in the app do (see
    /// `compute_chosen`).
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        next.version += 1;
        let again = match action {
            a @ (Action::BackendReady(..) | Action::SetCompute(_) | Action::GpuFailed(_)) => {
                next.compute_action(a)
            }
            a @ (Action::ModelProgress(..) | Action::ModelLoaded(..) | Action::LocalNamed(_)) => {
                next.model_action(&self, a)
            }
            a @ (Action::AnalysisProgress(..) | Action::AnalysisDone(..)) => {
                next.analysis_action(a);
                Again::Never
            }
            a => next.view_action(a),
        };
        let input_changed = next.prompt != self.prompt || next.model != self.model;
        if again == Again::Always
            || (again == Again::IfInputChanged && (input_changed || next.analysis.is_none()))
        {
            next.reanalyse();
        }
        Rc::new(next)
    }
}

impl AppState {
    /// What the reader sees and asks: the link, language, prompt, model, selections, sampling;
    /// lessons and the chapters' own views.
    fn view_action(&mut self, action: Action) -> Again {
        match action {
            Action::HashChanged(hash) => {
                let parsed = route::parse(&hash);
                let lang = parsed.state.lang;
                let before = self.lang;
                self.apply_view(parsed.state);
                if lang.is_none() {
                    self.lang = before;
                }
                self.notice = parsed.notice;
            }
            Action::SetLang(lang) => {
                // The example prompt follows the language; a prompt of one's own stays.
                if self.prompt == default_prompt(self.lang) {
                    self.prompt = default_prompt(lang);
                }
                self.lang = lang;
            }
            Action::SetTheme(theme) => self.theme = theme,
            Action::TogglePresenter => self.presenter = !self.presenter,
            Action::SetPrompt(p) => {
                self.prompt = p;
                self.token = None;
                self.step = None;
            }
            Action::SetModel(m) => {
                self.model = m;
                self.step = None;
            }
            Action::SetLayer(l) => self.layer = l,
            Action::SetHead(h) => self.head = h,
            Action::SetToken(t) => self.token = t,
            Action::SetStep(s) => self.step = s,
            Action::SetSampling(s) => {
                self.sampling = s;
                self.step = None;
            }
            Action::SetSeed(s) => {
                self.seed = s;
                self.step = None;
            }
            Action::DismissNotice => self.notice = None,
            lesson => {
                // Lesson, progress and chapter views: nothing to compute again.
                self.lesson_action(lesson);
                return Again::Never;
            }
        }
        Again::IfInputChanged
    }

    /// Where the pass runs: the probe's result, the reader's choice, a failed GPU.
    fn compute_action(&mut self, action: Action) -> Again {
        match action {
            Action::BackendReady(backend, gpu, stored) => {
                // A real graphics card computes by default; a software one (SwiftShader,
                // llvmpipe) is slower than the CPU path, so it waits until the user asks.
                let hardware =
                    matches!(&backend, Backend::Gpu { adapter, .. } if !adapter.is_software());
                self.compute = match (gpu.is_some(), stored) {
                    (false, _) => Compute::Cpu,
                    (true, Some(c)) => c,
                    (true, None) if hardware => Compute::Gpu,
                    (true, None) => Compute::Cpu,
                };
                self.gpu = gpu;
                self.backend = BackendStatus::Ready(backend);
                if self.compute == Compute::Gpu {
                    return Again::Always;
                }
                Again::Never
            }
            Action::SetCompute(c) => {
                self.compute = if self.gpu.is_some() { c } else { Compute::Cpu };
                self.compute_chosen = Some(self.compute);
                Again::Always
            }
            Action::GpuFailed(why) => {
                self.compute = Compute::Cpu;
                self.gpu = None;
                self.gpu_failure = Some(why);
                Again::Always
            }
            _ => Again::Never,
        }
    }

    /// Models arriving: download progress, a finished load (or a failed one), own files' names.
    fn model_action(&mut self, before: &AppState, action: Action) -> Again {
        match action {
            Action::ModelProgress(m, p) => {
                self.busy = Some((m, p));
                if p.is_none() {
                    self.model_error = None;
                }
                Again::Never
            }
            Action::ModelLoaded(m, result) => {
                if self.busy.is_some_and(|(b, _)| b == m) {
                    self.busy = None;
                }
                self.model_loaded(before, m, result);
                if m == self.model || m == before.model {
                    Again::Always
                } else {
                    Again::Never
                }
            }
            Action::LocalNamed(name) => {
                self.local_name = Some(name);
                Again::Never
            }
            _ => Again::Never,
        }
    }

    /// A model finished loading: built-in models fill their slot; GPT-2 and own files become the
    /// model in use, and when they fail, whatever was loaded before stays.
    fn model_loaded(&mut self, before: &AppState, m: ModelId, result: Result<Rc<Loaded>, String>) {
        let built_in = m.is_built_in();
        match result {
            Ok(l) => {
                self.slots[index(m)] = Slot::Ready(l);
                if !built_in {
                    self.model = m;
                    self.step = None;
                    self.model_error = None;
                }
            }
            Err(e) if built_in => self.slots[index(m)] = Slot::Failed(e),
            Err(e) => {
                if !matches!(before.slots[index(m)], Slot::Ready(_)) {
                    self.slots[index(m)] = Slot::Failed(e.clone());
                }
                self.model_error = Some((m, e));
            }
        }
    }

    /// A deferred pass advanced or finished; a result for another prompt, model or device than
    /// the one now wanted is dropped.
    fn analysis_action(&mut self, action: Action) {
        let wanted_gpu = self.pending.is_some_and(|p| p.on_gpu);
        match action {
            Action::AnalysisProgress(prompt, m, p)
                if prompt == self.prompt && m == self.model && self.pending.is_some() =>
            {
                self.pending = Some(p);
            }
            Action::AnalysisDone(prompt, m, a, on)
                if prompt == self.prompt
                    && m == self.model
                    && wanted_gpu == (on == Compute::Gpu) =>
            {
                self.analysis = Some(a);
                self.analysis_on = on;
                self.pending = None;
            }
            _ => {}
        }
    }
}

/// Position of a model's slot.
fn index(m: ModelId) -> usize {
    ModelId::ALL.iter().position(|&x| x == m).unwrap_or(0)
}

#[cfg(test)]
mod tests;
