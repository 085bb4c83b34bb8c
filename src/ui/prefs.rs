//! Preferences remembered between visits in `localStorage`: language and theme. Storage can be
//! unavailable (private windows, blocked cookies); then the defaults apply and nothing fails.

use gloo::storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const LANG_KEY: &str = "lupe.lang";
const THEME_KEY: &str = "lupe.theme";

/// Light, dark, or following the system setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// The value of `<html data-theme>` and of the stored preference.
    pub fn code(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    fn from_code(code: &str) -> Option<Theme> {
        [Theme::Auto, Theme::Light, Theme::Dark]
            .into_iter()
            .find(|t| t.code() == code)
    }

    /// The next theme when the toggle is pressed: auto → light → dark → auto.
    pub fn next(self) -> Theme {
        match self {
            Theme::Auto => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Auto,
        }
    }
}

/// The stored language, else the browser's preferred languages, else English.
pub fn initial_lang() -> Lang {
    if let Some(lang) = LocalStorage::get::<String>(LANG_KEY)
        .ok()
        .and_then(|s| Lang::from_tag(&s))
    {
        return lang;
    }
    let navigator = gloo::utils::window().navigator();
    let mut tags: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    if let Some(l) = navigator.language() {
        tags.push(l);
    }
    Lang::from_preferences(tags.iter().map(String::as_str))
}

pub fn store_lang(lang: Lang) {
    let _ = LocalStorage::set(LANG_KEY, lang.code());
}

pub fn initial_theme() -> Theme {
    LocalStorage::get::<String>(THEME_KEY)
        .ok()
        .and_then(|s| Theme::from_code(&s))
        .unwrap_or(Theme::Auto)
}

pub fn store_theme(theme: Theme) {
    let _ = LocalStorage::set(THEME_KEY, theme.code());
}

const COMPUTE_KEY: &str = "lupe.compute";

/// Where the model computes: the CPU (WebAssembly) or the graphics card (WebGPU).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compute {
    Cpu,
    Gpu,
}

impl Compute {
    pub fn code(self) -> &'static str {
        match self {
            Compute::Cpu => "cpu",
            Compute::Gpu => "gpu",
        }
    }
}

/// The user's stored choice, if any (the app's default depends on the adapter found).
pub fn stored_compute() -> Option<Compute> {
    match LocalStorage::get::<String>(COMPUTE_KEY).ok()?.as_str() {
        "cpu" => Some(Compute::Cpu),
        "gpu" => Some(Compute::Gpu),
        _ => None,
    }
}

pub fn store_compute(c: Compute) {
    let _ = LocalStorage::set(COMPUTE_KEY, c.code());
}
