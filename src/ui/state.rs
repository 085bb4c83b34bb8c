//! The app's state and the reducer that changes it. Everything on screen derives from
//! [`AppState`]; components change it only through [`Action`]s. The analysis of the prompt is
//! recomputed here whenever the prompt or the model changes (a few milliseconds for the
//! built-in models).

use std::rc::Rc;

use yew::Reducible;

use super::prefs::Theme;
use crate::chapters::Chapter;
use crate::gpu::Backend;
use crate::i18n::{Lang, Msg, tr};
use crate::route::{self, RouteNotice, ViewState};
use crate::sampling::Sampling;
use crate::session::{Analysis, BuiltIn, Loaded, analyse};

/// Where the compute backend stands.
#[derive(Clone, PartialEq)]
pub enum BackendStatus {
    /// The start-up probe is still running.
    Checking,
    /// The probe finished.
    Ready(Backend),
}

/// A built-in model: loading, ready, or failed with a message.
#[derive(Clone)]
pub enum Slot {
    Loading,
    Ready(Rc<Loaded>),
    Failed(String),
}

#[derive(Clone)]
pub struct AppState {
    pub chapter: Chapter,
    pub lang: Lang,
    pub theme: Theme,
    pub presenter: bool,
    /// The prompt as typed.
    pub prompt: String,
    pub model: BuiltIn,
    pub layer: usize,
    pub head: usize,
    /// Selected token position in the model's input; `None` = the last one.
    pub token: Option<usize>,
    /// Step within the chapter: the merge of the replayed word, or the tokens generated.
    pub step: Option<usize>,
    pub sampling: Sampling,
    pub seed: u64,
    pub backend: BackendStatus,
    pub notice: Option<RouteNotice>,
    pub chat: Slot,
    pub base: Slot,
    /// The analysis of `prompt` with `model`, once that model is loaded.
    pub analysis: Option<Rc<Analysis>>,
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

impl AppState {
    /// The state for a page opened at `hash` with the remembered preferences.
    pub fn from_hash(hash: &str, stored_lang: Lang, theme: Theme) -> AppState {
        let parsed = route::parse(hash);
        let lang = parsed.state.lang.unwrap_or(stored_lang);
        let mut s = AppState {
            chapter: Chapter::FIRST,
            lang,
            theme,
            presenter: false,
            prompt: default_prompt(lang),
            model: BuiltIn::Chat,
            layer: 0,
            head: 0,
            token: None,
            step: None,
            sampling: DEFAULT_SAMPLING,
            seed: DEFAULT_SEED,
            backend: BackendStatus::Checking,
            notice: None,
            chat: Slot::Loading,
            base: Slot::Loading,
            analysis: None,
            version: 0,
        };
        s.apply_view(parsed.state);
        s.notice = parsed.notice;
        s
    }

    /// Takes over what a link describes.
    fn apply_view(&mut self, v: ViewState) {
        self.chapter = v.chapter;
        if let Some(lang) = v.lang {
            self.lang = lang;
        }
        self.prompt = v.prompt.unwrap_or_else(|| default_prompt(self.lang));
        self.model = v.model.unwrap_or(BuiltIn::Chat);
        self.layer = v.layer.unwrap_or(0);
        self.head = v.head.unwrap_or(0);
        self.token = v.token;
        self.step = v.step;
        self.sampling = Sampling {
            temperature: v.temperature.unwrap_or(DEFAULT_SAMPLING.temperature),
            top_k: v.top_k.unwrap_or(DEFAULT_SAMPLING.top_k),
            top_p: v.top_p.unwrap_or(DEFAULT_SAMPLING.top_p),
        };
        self.seed = v.seed.unwrap_or(DEFAULT_SEED);
        self.presenter = v.presenter;
    }

    /// The view as a link: only what differs from the defaults.
    pub fn view(&self) -> ViewState {
        let d = DEFAULT_SAMPLING;
        ViewState {
            chapter: self.chapter,
            lang: Some(self.lang),
            prompt: (self.prompt != default_prompt(self.lang)).then(|| self.prompt.clone()),
            model: (self.model != BuiltIn::Chat).then_some(self.model),
            layer: (self.layer != 0).then_some(self.layer),
            head: (self.head != 0).then_some(self.head),
            token: self.token,
            step: self.step,
            temperature: (self.sampling.temperature != d.temperature)
                .then_some(self.sampling.temperature),
            top_k: (self.sampling.top_k != d.top_k).then_some(self.sampling.top_k),
            top_p: (self.sampling.top_p != d.top_p).then_some(self.sampling.top_p),
            seed: (self.seed != DEFAULT_SEED).then_some(self.seed),
            presenter: self.presenter,
        }
    }

    /// The hash that describes this state.
    pub fn hash(&self) -> String {
        route::to_hash(&self.view())
    }

    /// The hash of this state with another chapter (for links).
    pub fn hash_for(&self, chapter: Chapter) -> String {
        route::to_hash(&ViewState {
            chapter,
            ..self.view()
        })
    }

    pub fn slot(&self, m: BuiltIn) -> &Slot {
        match m {
            BuiltIn::Base => &self.base,
            BuiltIn::Chat => &self.chat,
        }
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

    fn reanalyse(&mut self) {
        self.analysis = self.loaded().map(|l| Rc::new(analyse(&l, &self.prompt)));
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
    SetModel(BuiltIn),
    SetLayer(usize),
    SetHead(usize),
    SetToken(Option<usize>),
    SetStep(Option<usize>),
    SetSampling(Sampling),
    SetSeed(u64),
    BackendReady(Backend),
    ModelLoaded(BuiltIn, Result<Rc<Loaded>, String>),
    DismissNotice,
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
            Action::BackendReady(backend) => next.backend = BackendStatus::Ready(backend),
            Action::ModelLoaded(m, result) => {
                let slot = match result {
                    Ok(l) => Slot::Ready(l),
                    Err(e) => Slot::Failed(e),
                };
                match m {
                    BuiltIn::Base => next.base = slot,
                    BuiltIn::Chat => next.chat = slot,
                }
                if m == next.model {
                    next.reanalyse();
                }
                return Rc::new(next);
            }
            Action::DismissNotice => next.notice = None,
        }
        if (next.prompt.clone(), next.model) != before || next.analysis.is_none() {
            next.reanalyse();
        }
        Rc::new(next)
    }
}
