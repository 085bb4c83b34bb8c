//! The root component: builds the state from the URL and stored preferences, starts the GPU
//! probe, keeps the URL hash, `<html lang>` and the theme in step with the state, and listens
//! for hash changes and the arrow keys.

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chapter::ChapterView;
use super::header::Header;
use super::nav::Nav;
use super::prefs;
use super::state::{Action, AppState};
use super::status::StatusLine;
use crate::chapters::Chapter;
use crate::i18n::{Msg, tr};
use crate::route::{self, ViewState};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(|| {
        AppState::from_hash(
            &location_hash(),
            prefs::initial_lang(),
            prefs::initial_theme(),
        )
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // Start-up: look for a GPU without blocking the first render.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let (backend, _gpu) = crate::gpu::probe().await;
                dispatch.emit(Action::BackendReady(backend));
            });
        });
    }

    // Links, the back button and typed URLs change the hash.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                dispatch.emit(Action::HashChanged(location_hash()));
            });
            move || drop(listener)
        });
    }

    // ← and → move between chapters, except while typing.
    {
        use_effect_with((state.chapter, state.lang), move |&(chapter, lang)| {
            let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                    return;
                };
                if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() || typing(e) {
                    return;
                }
                let target = match e.key().as_str() {
                    "ArrowLeft" => chapter.prev(),
                    "ArrowRight" => chapter.next(),
                    _ => None,
                };
                if let Some(chapter) = target {
                    e.prevent_default();
                    let hash = route::to_hash(&ViewState {
                        chapter,
                        lang: Some(lang),
                    });
                    let _ = gloo::utils::window().location().set_hash(&hash);
                }
            });
            move || drop(listener)
        });
    }

    // The URL, <html lang>, the theme and the title follow the state.
    {
        let hash = state.hash();
        let lang = state.lang;
        let title = format!(
            "{} · {}",
            tr(lang, Msg::ChapterTitle(state.chapter)),
            tr(lang, Msg::AppName)
        );
        use_effect_with((hash, title), move |(hash, title)| {
            if location_hash() != *hash
                && let Ok(history) = gloo::utils::window().history()
            {
                let _ =
                    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
            }
            gloo::utils::document().set_title(title);
        });
    }
    {
        let (lang, theme) = (state.lang, state.theme);
        use_effect_with((lang, theme), move |&(lang, theme)| {
            let root = gloo::utils::document_element();
            let _ = root.set_attribute("lang", lang.code());
            let _ = root.set_attribute("data-theme", theme.code());
            prefs::store_lang(lang);
            prefs::store_theme(theme);
        });
    }

    let on_skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_main_heading();
    });

    let lang = state.lang;
    html! {
        <>
            <a class="skip-link" href="#main" onclick={on_skip}>{ tr(lang, Msg::SkipToContent) }</a>
            <Header lang={lang} theme={state.theme} dispatch={dispatch.clone()} />
            <StatusLine lang={lang} backend={state.backend.clone()} />
            <div class="layout">
                <Nav lang={lang} current={state.chapter} hrefs={Chapter::ALL.map(|c| state.hash_for(c)).to_vec()} />
                <main id="main" class="content">
                    <ChapterView
                        lang={lang}
                        chapter={state.chapter}
                        notice={state.notice.clone()}
                        prev_href={state.chapter.prev().map(|c| state.hash_for(c))}
                        next_href={state.chapter.next().map(|c| state.hash_for(c))}
                        dispatch={dispatch.clone()}
                    />
                </main>
            </div>
            <footer class="footer">
                <p>{ tr(lang, Msg::PrivacyNote) }</p>
            </footer>
        </>
    }
}

/// The current `location.hash`, or "" when it cannot be read.
fn location_hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default()
}

/// Whether a key event happens inside a text field, where arrows move the caret.
fn typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || el.get_attribute("contenteditable").is_some()
}

/// Moves keyboard focus to the chapter heading (skip link, chapter change).
pub fn focus_main_heading() {
    if let Some(h) = gloo::utils::document()
        .query_selector("#main h1")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = h.focus();
    }
}
