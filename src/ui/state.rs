//! The app's state and the reducer that changes it. Everything on screen derives from
//! [`AppState`]; components change it only through [`Action`]s.

use std::rc::Rc;

use yew::Reducible;

use super::prefs::Theme;
use crate::chapters::Chapter;
use crate::gpu::Backend;
use crate::i18n::Lang;
use crate::route::{self, RouteNotice, ViewState};

/// Where the compute backend stands.
#[derive(Clone, PartialEq)]
pub enum BackendStatus {
    /// The start-up probe is still running.
    Checking,
    /// The probe finished.
    Ready(Backend),
}

#[derive(Clone)]
pub struct AppState {
    pub chapter: Chapter,
    pub lang: Lang,
    pub theme: Theme,
    pub backend: BackendStatus,
    pub notice: Option<RouteNotice>,
}

impl AppState {
    /// The state for a page opened at `hash` with the remembered preferences.
    pub fn from_hash(hash: &str, stored_lang: Lang, theme: Theme) -> AppState {
        let parsed = route::parse(hash);
        AppState {
            chapter: parsed.state.chapter,
            lang: parsed.state.lang.unwrap_or(stored_lang),
            theme,
            backend: BackendStatus::Checking,
            notice: parsed.notice,
        }
    }

    /// The hash that describes this state.
    pub fn hash(&self) -> String {
        route::to_hash(&ViewState {
            chapter: self.chapter,
            lang: Some(self.lang),
        })
    }

    /// The hash of this state with another chapter (for links).
    pub fn hash_for(&self, chapter: Chapter) -> String {
        route::to_hash(&ViewState {
            chapter,
            lang: Some(self.lang),
        })
    }
}

pub enum Action {
    /// The URL hash changed (link, back button, typed URL).
    HashChanged(String),
    SetLang(Lang),
    SetTheme(Theme),
    BackendReady(Backend),
    DismissNotice,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::HashChanged(hash) => {
                let parsed = route::parse(&hash);
                next.chapter = parsed.state.chapter;
                if let Some(lang) = parsed.state.lang {
                    next.lang = lang;
                }
                next.notice = parsed.notice;
            }
            Action::SetLang(lang) => next.lang = lang,
            Action::SetTheme(theme) => next.theme = theme,
            Action::BackendReady(backend) => next.backend = BackendStatus::Ready(backend),
            Action::DismissNotice => next.notice = None,
        }
        Rc::new(next)
    }
}
