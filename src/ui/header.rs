//! The top bar: the name, the language switch, the presenter mode and the theme toggle.

use yew::prelude::*;

use super::context::use_app;
use super::prefs::Theme;
use super::state::Action;
use crate::i18n::{Lang, Msg, tr};

#[function_component(Header)]
pub fn header() -> Html {
    let app = use_app();
    let lang = app.lang;
    let theme_name = match app.theme {
        Theme::Auto => tr(lang, Msg::ThemeAuto),
        Theme::Light => tr(lang, Msg::ThemeLight),
        Theme::Dark => tr(lang, Msg::ThemeDark),
    };
    let on_theme = {
        let (app, next) = (app.clone(), app.theme.next());
        Callback::from(move |_| app.dispatch(Action::SetTheme(next)))
    };
    let on_presenter = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::TogglePresenter))
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
                    <circle cx="13" cy="13" r="9" fill="none" stroke="currentColor" stroke-width="3" />
                    <line x1="20" y1="20" x2="29" y2="29" stroke="currentColor" stroke-width="4" stroke-linecap="round" />
                </svg>
                <span class="name">{ tr(lang, Msg::AppName) }</span>
                <span class="tagline">{ tr(lang, Msg::Tagline) }</span>
            </div>
            <div class="controls">
                <div class="segmented" role="group" aria-label={tr(lang, Msg::LanguageLabel)}>
                    { for Lang::ALL.iter().map(|&l| {
                        let app = app.clone();
                        let onclick = Callback::from(move |_| app.dispatch(Action::SetLang(l)));
                        html! {
                            <button type="button" lang={l.tag()} aria-pressed={(l == lang).to_string()}
                                    data-lang={l.code()} {onclick}>
                                { l.native_name() }
                            </button>
                        }
                    }) }
                </div>
                <button type="button" class="theme-toggle" aria-pressed={app.presenter.to_string()}
                        title={tr(lang, Msg::PresenterLabel)}
                        onclick={on_presenter} data-testid="presenter">
                    { tr(lang, Msg::PresenterOn) }
                </button>
                <button type="button" class="theme-toggle" onclick={on_theme} data-theme-value={app.theme.code()}>
                    <span class="theme-label">{ tr(lang, Msg::ThemeLabel) }{ ": " }</span>
                    { theme_name }
                </button>
            </div>
        </header>
    }
}
