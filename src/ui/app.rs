//! The root component: builds the state from the URL and stored preferences, loads the built-in
//! models and looks for a GPU without blocking the first render, keeps the URL hash,
//! `<html lang>` and the theme in step with the state, and listens for hash changes and the
//! arrow keys. The state is shared with every component as a context.

use std::rc::Rc;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chapter::ChapterView;
use super::context::App as AppHandle;
use super::fetch;
use super::header::Header;
use super::nav::Nav;
use super::prefs;
use super::state::{Action, AppState};
use super::status::StatusLine;
use crate::chapters::Chapter;
use crate::i18n::{Msg, tr};
use crate::route::{self, ViewState};
use crate::session::{Loaded, ModelId};

/// Downloads a built-in model folder (relative to the page) and builds it.
async fn load_builtin(m: ModelId) -> Result<Rc<Loaded>, String> {
    fetch::model_folder(m.slug()).await.map(Rc::new)
}

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

    use_startup(&state, &dispatch);
    super::traces::use_deferred_traces(&state, &dispatch);
    use_hash_listener(&dispatch);
    use_arrow_keys(&state);
    use_url_and_title(&state);
    use_remembered(&state);

    let on_skip = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        focus_main_heading();
    });

    let lang = state.lang;
    let handle: AppHandle = state.clone();
    html! {
        <ContextProvider<AppHandle> context={handle}>
            <a class="skip-link" href="#main" onclick={on_skip}>{ tr(lang, Msg::SkipToContent) }</a>
            <Header />
            <StatusLine />
            <div class="layout">
                <Nav lang={lang} current={state.chapter} hrefs={Chapter::PAGES.map(|c| state.hash_for(c)).to_vec()} />
                <main id="main" class="content">
                    <ChapterView />
                </main>
            </div>
            <footer class="footer">
                <p>{ tr(lang, Msg::PrivacyNote) }</p>
            </footer>
        </ContextProvider<AppHandle>>
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

/// What the browser remembers, written whenever it changes (never from the reducer): lesson
/// progress, language, theme and where the reader chose to compute; and the page's language,
/// theme and presenter mode on the root element.
#[hook]
fn use_remembered(state: &AppState) {
    use_effect_with(state.progress.clone(), |p| super::progress::store(p));
    use_effect_with(state.compute_chosen, |c| {
        if let Some(c) = *c {
            prefs::store_compute(c);
        }
    });
    let (lang, theme, presenter) = (state.lang, state.theme, state.presenter);
    use_effect_with(
        (lang, theme, presenter),
        move |&(lang, theme, presenter)| {
            let root = gloo::utils::document_element();
            let _ = root.set_attribute("lang", lang.tag());
            let _ = root.set_attribute("data-theme", theme.code());
            let _ = root.set_attribute("data-presenter", if presenter { "on" } else { "off" });
            prefs::store_lang(lang);
            prefs::store_theme(theme);
        },
    );
}

/// Start-up: the selected built-in model first, then the other; and the GPU probe.
#[hook]
fn use_startup(state: &AppHandle, dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    let first = state.model;
    let handle: AppHandle = state.clone();
    use_effect_with((), move |_| {
        let d = dispatch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let order = if first == ModelId::Base {
                [ModelId::Base, ModelId::Chat]
            } else {
                [ModelId::Chat, ModelId::Base]
            };
            for m in order {
                let result = load_builtin(m).await;
                d.emit(Action::ModelLoaded(m, result));
            }
            // A link that shows GPT-2 loads it from the browser's storage when it is there.
            if first == ModelId::Gpt2 && super::hub::is_cached().await {
                super::models::load_gpt2_from_cache(&handle).await;
            }
            // Only after the models: caching for offline use must not slow the first visit.
            super::offline::register_service_worker().await;
        });
        wasm_bindgen_futures::spawn_local(async move {
            let (backend, gpu) = crate::gpu::probe().await;
            dispatch.emit(Action::BackendReady(
                backend,
                gpu.map(Rc::new),
                prefs::stored_compute(),
            ));
        });
    });
}

/// Links, the back button and typed URLs change the hash.
#[hook]
fn use_hash_listener(dispatch: &Callback<Action>) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
            dispatch.emit(Action::HashChanged(location_hash()));
        });
        move || drop(listener)
    });
}

/// ← and → move between chapters, except while typing.
#[hook]
fn use_arrow_keys(state: &AppState) {
    let view = state.view();
    use_effect_with(view, move |view| {
        let view = view.clone();
        let listener = EventListener::new(&gloo::utils::document(), "keydown", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key() || typing(e) {
                return;
            }
            let target = match e.key().as_str() {
                "ArrowLeft" => view.chapter.prev(),
                "ArrowRight" => view.chapter.next(),
                _ => None,
            };
            if let Some(chapter) = target {
                e.prevent_default();
                let hash = route::to_hash(&ViewState {
                    chapter,
                    ..view.clone()
                });
                let _ = gloo::utils::window().location().set_hash(&hash);
            }
        });
        move || drop(listener)
    });
}

/// The URL, <html lang>, the theme and the title follow the state.
#[hook]
fn use_url_and_title(state: &AppState) {
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
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
        }
        gloo::utils::document().set_title(title);
    });
}
