//! The state ↔ the URL: building the state from a link, and the link that describes a state
//! (only what differs from the defaults; what belongs to one chapter stays behind on others).

use std::rc::Rc;

use super::{
    AppState, BackendStatus, DEFAULT_MAX_NEW, DEFAULT_SAMPLING, DEFAULT_SEED, Slot, default_prompt,
};
use crate::chapters::Chapter;
use crate::i18n::Lang;
use crate::route::{self, LabView, RagView, ViewState};
use crate::sampling::Sampling;
use crate::session::ModelId;
use crate::ui::prefs::{Compute, Theme};
use crate::ui::progress;

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
            term: None,
            lesson: None,
            view: None,
            teacher: false,
            max_new: DEFAULT_MAX_NEW,
            rag: RagView::default(),
            lab: LabView::default(),
            rag_facts: None,
            progress: Rc::new(progress::load()),
            prompt: default_prompt(lang),
            model: ModelId::Chat,
            layer: 0,
            head: 0,
            token: None,
            step: None,
            sampling: DEFAULT_SAMPLING,
            seed: DEFAULT_SEED,
            backend: BackendStatus::Checking,
            gpu: None,
            compute: Compute::Cpu,
            analysis_on: Compute::Cpu,
            gpu_failure: None,
            compute_chosen: None,
            notice: None,
            slots: [Slot::Loading, Slot::Loading, Slot::Absent, Slot::Absent],
            local_name: None,
            busy: None,
            model_error: None,
            analysis: None,
            pending: None,
            version: 0,
        };
        s.apply_view(parsed.state);
        s.notice = parsed.notice;
        s
    }

    /// Takes over what a link describes.
    pub(super) fn apply_view(&mut self, v: ViewState) {
        self.chapter = v.chapter;
        if let Some(lang) = v.lang {
            self.lang = lang;
        }
        self.prompt = v.prompt.unwrap_or_else(|| default_prompt(self.lang));
        self.model = v.model.unwrap_or(ModelId::Chat);
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
        self.term = v.term;
        self.lesson = v.lesson;
        self.view = v.view;
        self.teacher = v.teacher;
        self.max_new = v.max_new.unwrap_or(DEFAULT_MAX_NEW).clamp(1, 64);
        self.rag = v.rag;
        self.lab = v.lab;
    }

    /// The view as a link: only what differs from the defaults.
    pub fn view(&self) -> ViewState {
        let d = DEFAULT_SAMPLING;
        ViewState {
            chapter: self.chapter,
            lang: Some(self.lang),
            prompt: (self.prompt != default_prompt(self.lang)).then(|| self.prompt.clone()),
            model: (self.model != ModelId::Chat).then_some(self.model),
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
            term: self
                .term
                .clone()
                .filter(|_| self.chapter == Chapter::Glossary),
            lesson: self.lesson,
            view: self.view.clone(),
            teacher: self.teacher,
            max_new: (self.max_new != DEFAULT_MAX_NEW).then_some(self.max_new),
            rag: if self.chapter == Chapter::Rag {
                self.rag.clone()
            } else {
                RagView::default()
            },
            lab: if self.chapter == Chapter::Training {
                self.lab.clone()
            } else {
                LabView::default()
            },
        }
    }

    /// The hash that describes this state.
    pub fn hash(&self) -> String {
        route::to_hash(&self.view())
    }

    /// The hash of this state with another chapter (for links): what belongs to one chapter
    /// (its view, its lesson step, a glossary entry) stays behind.
    pub fn hash_for(&self, chapter: Chapter) -> String {
        if chapter == self.chapter {
            return self.hash();
        }
        route::to_hash(&ViewState {
            chapter,
            term: None,
            lesson: None,
            view: None,
            rag: RagView::default(),
            lab: LabView::default(),
            ..self.view()
        })
    }

    /// The hash of the glossary open at one entry.
    pub fn hash_for_term(&self, id: &str) -> String {
        route::to_hash(&ViewState {
            chapter: Chapter::Glossary,
            term: Some(id.to_string()),
            ..self.view()
        })
    }
}
