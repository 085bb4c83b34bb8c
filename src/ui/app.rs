//! The root component: builds the state from the URL and stored preferences, loads the built-in
//! models and looks for a GPU without blocking the first render, keeps the URL hash,
//! `<html lang>` and the theme in step with the state, and listens for hash changes and the
//! arrow keys. The state is shared with every component as a context.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::chapter::ChapterView;
use super::context::App as AppHandle;
use super::fetch;
use super::header::Header;
use super::nav::Nav;
use super::prefs;
use super::prefs::Compute;
use super::state::{Action, AppState, Pending};
use super::status::StatusLine;
use crate::chapters::Chapter;
use crate::gpu::{Gpu, GpuError, GpuModel};
use crate::i18n::{Msg, tr};
use crate::model::LogitRows;
use crate::route::{self, ViewState};
use crate::session::{Analysis, Loaded, ModelId};

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

    // Start-up: the selected built-in model first, then the other; and the GPU probe.
    {
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

    // Deferred forward passes: a large model's runs one layer at a time on the CPU, letting the
    // page draw between layers; on the graphics card the model is uploaded once and each pass
    // is one submission. A newer prompt makes an older CPU pass stop at its next layer; an older
    // result that arrives late is ignored by the reducer.
    {
        let runs = use_mut_ref(|| 0u64);
        let uploaded = use_mut_ref(GpuModels::default);
        let loaded = state.loaded();
        let key = (
            state.prompt.clone(),
            state.model,
            loaded.as_ref().map(|l| Rc::as_ptr(l) as usize),
            state.pending.map(|p| p.on_gpu),
        );
        let (dispatch, analysis, gpu) =
            (dispatch.clone(), state.analysis.clone(), state.gpu.clone());
        use_effect_with(key, move |(prompt, model, _, pending)| {
            *runs.borrow_mut() += 1;
            let (Some(on_gpu), Some(l), Some(a)) = (*pending, loaded, analysis) else {
                return;
            };
            let (run, prompt, model) = (*runs.borrow(), prompt.clone(), *model);
            wasm_bindgen_futures::spawn_local(async move {
                let result = match gpu.filter(|_| on_gpu) {
                    Some(gpu) => trace_on_gpu(&gpu, &uploaded, &l, &a)
                        .await
                        .map(|t| Some((t, Compute::Gpu))),
                    None => Ok(trace_in_steps(&l, &a, &prompt, model, &dispatch, || {
                        *runs.borrow() == run
                    })
                    .await
                    .map(|t| (t, Compute::Cpu))),
                };
                match result {
                    Ok(Some((done, on))) => {
                        dispatch.emit(Action::AnalysisDone(prompt, model, Rc::new(done), on))
                    }
                    Ok(None) => {}
                    Err(e) => {
                        uploaded.borrow_mut().clear();
                        dispatch.emit(Action::GpuFailed(e.to_string()));
                    }
                }
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

/// Models uploaded to the graphics card, by the address of their [`Loaded`].
type GpuModels = std::collections::HashMap<usize, Rc<GpuModel>>;

/// The traced pass for an analysis on the graphics card, uploading the model the first time.
async fn trace_on_gpu(
    gpu: &Gpu,
    uploaded: &std::cell::RefCell<GpuModels>,
    loaded: &Rc<Loaded>,
    analysis: &Analysis,
) -> Result<Analysis, GpuError> {
    let key = Rc::as_ptr(loaded) as usize;
    let existing = uploaded.borrow().get(&key).cloned();
    let model = match existing {
        Some(m) => m,
        None => {
            let m = Rc::new(GpuModel::upload(gpu, &loaded.model).await?);
            uploaded.borrow_mut().insert(key, m.clone());
            m
        }
    };
    let trace = model.forward_traced(gpu, &analysis.ids).await?;
    Ok(Analysis {
        prompt: analysis.prompt.clone(),
        encoding: analysis.encoding.clone(),
        ids: analysis.ids.clone(),
        cut: analysis.cut,
        trace: Some(trace),
    })
}

/// Runs the traced pass for an analysis layer by layer, pausing after each so the page stays
/// responsive; `None` when `current()` turns false (the prompt changed) or the pass fails.
async fn trace_in_steps(
    loaded: &Loaded,
    analysis: &Analysis,
    prompt: &str,
    model: ModelId,
    dispatch: &Callback<Action>,
    current: impl Fn() -> bool,
) -> Option<Analysis> {
    // Let the tokens paint first.
    TimeoutFuture::new(0).await;
    let gpt = &loaded.model;
    let mut cache = gpt.cache();
    let mut pass = gpt
        .begin(&mut cache, &analysis.ids, LogitRows::Last, true)
        .ok()?;
    let layers = gpt.config.n_layer;
    while !pass.layers_done() {
        if !current() {
            return None;
        }
        pass.run_layer();
        dispatch.emit(Action::AnalysisProgress(
            prompt.to_string(),
            model,
            Pending {
                layers_done: pass.layers_run(),
                layers,
                on_gpu: false,
            },
        ));
        TimeoutFuture::new(0).await;
    }
    let (_, trace) = pass.finish();
    Some(Analysis {
        prompt: analysis.prompt.clone(),
        encoding: analysis.encoding.clone(),
        ids: analysis.ids.clone(),
        cut: analysis.cut,
        trace,
    })
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
