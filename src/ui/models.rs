//! The "more models" panel: GPT-2 small from the hub (download with progress, resume, cache)
//! and a model from the user's own files (drag and drop or a file picker).

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use yew::prelude::*;

use super::context::{App, use_app};
use super::hub;
use super::local_files;
use super::state::{Action, Progress, Slot};
use super::widgets::{event_files, on_text};
use crate::i18n::{Lang, Msg, tr, trf};
use crate::session::{Loaded, ModelId, TokenizerFiles};

/// A library's message (English, technical) quoted after a sentence in the page's language.
pub fn technical(lang: Lang, detail: &str) -> Html {
    html! {
        <span class="technical">{ tr(lang, Msg::TechnicalDetail) }{ " " }<code lang="en">{ detail }</code></span>
    }
}

/// Megabytes with one decimal.
fn mb(bytes: f64) -> String {
    format!("{:.1}", bytes / 1e6)
}

/// Builds GPT-2 from its files after letting the page paint the "preparing" message (the
/// build itself takes a few seconds for 124 M parameters).
async fn build_gpt2(app: &App, files: hub::Files) {
    app.dispatch(Action::ModelProgress(ModelId::Gpt2, None));
    TimeoutFuture::new(50).await;
    let result = Loaded::from_parts(
        &files.config,
        &files.weights,
        TokenizerFiles::Json(&files.tokenizer),
        None,
    );
    app.dispatch(Action::ModelLoaded(ModelId::Gpt2, result.map(Rc::new)));
}

/// Loads GPT-2 from the browser's cache; `Ok(false)` when it is not there.
pub async fn load_gpt2_from_cache(app: &App) -> bool {
    app.dispatch(Action::ModelProgress(ModelId::Gpt2, None));
    match hub::load_cached().await {
        Ok(Some(files)) => {
            build_gpt2(app, files).await;
            true
        }
        Ok(None) => {
            app.dispatch(Action::ModelLoaded(
                ModelId::Gpt2,
                Err("not in this browser's storage".into()),
            ));
            false
        }
        Err(e) => {
            app.dispatch(Action::ModelLoaded(ModelId::Gpt2, Err(e)));
            false
        }
    }
}

fn progress_bar(lang: Lang, p: Option<Progress>, label: Msg) -> Html {
    match p {
        Some(Progress {
            done,
            total: Some(total),
        }) => html! {
            <div class="download">
                <progress max={total.to_string()} value={done.to_string()} aria-label={tr(lang, label)} data-testid="download-progress" />
                <span class="meta">{ trf(lang, Msg::Gpt2Progress, &[("done", &mb(done)), ("total", &mb(total))]) }</span>
            </div>
        },
        Some(Progress { done, total: None }) => html! {
            <div class="download">
                <progress aria-label={tr(lang, label)} data-testid="download-progress" />
                <span class="meta">{ trf(lang, Msg::Gpt2ProgressUnknown, &[("done", &mb(done))]) }</span>
            </div>
        },
        None => html! {
            <p class="prompt-status" role="status"><span class="spinner" aria-hidden="true"></span>{ tr(lang, Msg::ModelPreparing) }</p>
        },
    }
}

/// Downloads GPT-2 from `source` (resuming a cut download) and builds it, with progress.
fn download_gpt2(app: &App, source: &UseStateHandle<String>) -> Callback<MouseEvent> {
    let (app, source) = (app.clone(), source.clone());
    Callback::from(move |_| {
        let (app, source) = (app.clone(), (*source).clone());
        app.dispatch(Action::ModelProgress(
            ModelId::Gpt2,
            Some(Progress {
                done: hub::resumable_bytes(&source),
                total: None,
            }),
        ));
        wasm_bindgen_futures::spawn_local(async move {
            let progress = {
                let app = app.clone();
                move |p: Progress| app.dispatch(Action::ModelProgress(ModelId::Gpt2, Some(p)))
            };
            match hub::download(&source, progress).await {
                Ok(files) => build_gpt2(&app, files).await,
                Err(e) => app.dispatch(Action::ModelLoaded(ModelId::Gpt2, Err(e))),
            }
        });
    })
}

/// Builds GPT-2 from the copy in the browser's storage.
fn open_cached_gpt2(app: &App) -> Callback<MouseEvent> {
    let app = app.clone();
    Callback::from(move |_| {
        let app = app.clone();
        wasm_bindgen_futures::spawn_local(async move {
            load_gpt2_from_cache(&app).await;
        });
    })
}

/// Deletes the stored copy; `version` changes so the card looks again.
fn forget_gpt2(version: &UseStateHandle<u32>) -> Callback<MouseEvent> {
    let version = version.clone();
    Callback::from(move |_| {
        let version = version.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = hub::forget().await;
            version.set(*version + 1);
        });
    })
}

/// The download address as typed, always ending in `/`.
fn set_source(source: &UseStateHandle<String>) -> Callback<InputEvent> {
    let source = source.clone();
    on_text(move |typed| {
        let mut v = typed.trim().to_string();
        if !v.ends_with('/') {
            v.push('/');
        }
        source.set(v);
    })
}

#[function_component(Gpt2Card)]
fn gpt2_card() -> Html {
    let app = use_app();
    let lang = app.lang;
    let source = use_state(|| hub::HUB_SOURCE.to_string());
    let cached = use_state(|| false);
    let version = use_state(|| 0u32);
    {
        let cached = cached.clone();
        let slot_ready = matches!(app.slot(ModelId::Gpt2), Slot::Ready(_));
        use_effect_with((slot_ready, *version), move |_| {
            wasm_bindgen_futures::spawn_local(async move { cached.set(hub::is_cached().await) });
        });
    }
    let busy = app
        .busy
        .filter(|(m, _)| *m == ModelId::Gpt2)
        .map(|(_, p)| p);
    let error = app
        .model_error
        .as_ref()
        .filter(|(m, _)| *m == ModelId::Gpt2)
        .map(|(_, e)| e.clone());
    let resumable = hub::resumable_bytes(&source);
    let on_download = download_gpt2(&app, &source);
    let on_cached = open_cached_gpt2(&app);
    let on_forget = forget_gpt2(&version);
    let on_use = {
        let app = app.clone();
        Callback::from(move |_| app.dispatch(Action::SetModel(ModelId::Gpt2)))
    };
    let on_source = set_source(&source);
    let ready = matches!(app.slot(ModelId::Gpt2), Slot::Ready(_));
    let mb_text = hub::APPROX_MB.to_string();
    html! {
        <div class="model-card" data-testid="gpt2-card">
            <h3>{ tr(lang, Msg::Gpt2Title) }</h3>
            <p>{ trf(lang, Msg::Gpt2Explain, &[("mb", &mb_text)]) }</p>
            if let Some(p) = busy {
                { progress_bar(lang, p, Msg::Gpt2Title) }
                if p.is_some() {
                    <button type="button" class="secondary" onclick={Callback::from(|_| hub::cancel())}>{ tr(lang, Msg::Gpt2Stop) }</button>
                }
            } else if ready {
                <p class="meta">{ tr(lang, Msg::Gpt2Cached) }</p>
                if app.model != ModelId::Gpt2 {
                    <button type="button" class="primary" onclick={on_use}>{ tr(lang, Msg::ModelGpt2) }</button>
                }
            } else {
                if let Some(e) = error.filter(|e| e != "stopped" && !*cached) {
                    <p class="prompt-status error" role="alert" data-testid="gpt2-error">{ tr(lang, Msg::Gpt2Failed) }{ " " }{ technical(lang, &e) }</p>
                }
                <div class="button-row">
                    if *cached {
                        <button type="button" class="primary" onclick={on_cached} data-testid="gpt2-cached">{ tr(lang, Msg::Gpt2UseCached) }</button>
                        <button type="button" class="secondary" onclick={on_forget}>{ tr(lang, Msg::Gpt2Forget) }</button>
                    } else if resumable > 0.0 {
                        <button type="button" class="primary" onclick={on_download} data-testid="gpt2-download">{ tr(lang, Msg::Gpt2Resume) }</button>
                        <span class="meta">{ trf(lang, Msg::Gpt2ProgressUnknown, &[("done", &mb(resumable))]) }</span>
                    } else {
                        <button type="button" class="primary" onclick={on_download} data-testid="gpt2-download">{ trf(lang, Msg::Gpt2Download, &[("mb", &mb_text)]) }</button>
                    }
                </div>
                <details class="source">
                    <summary>{ tr(lang, Msg::Gpt2Source) }</summary>
                    <input type="url" value={(*source).clone()} oninput={on_source} aria-label={tr(lang, Msg::Gpt2Source)} data-testid="gpt2-source" />
                </details>
            }
        </div>
    }
}

/// Reads the files and builds the model; the previous model stays on failure.
fn open_files(app: &App, list: web_sys::FileList) {
    let app = app.clone();
    app.dispatch(Action::ModelProgress(ModelId::Local, None));
    wasm_bindgen_futures::spawn_local(async move {
        let result = match local_files::read(&list).await {
            Ok(files) => {
                let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
                app.dispatch(Action::LocalNamed(names.join(", ")));
                TimeoutFuture::new(50).await;
                Loaded::from_named_files(&files).map(Rc::new)
            }
            Err(e) => Err(e),
        };
        app.dispatch(Action::ModelLoaded(ModelId::Local, result));
    });
}

#[function_component(LocalCard)]
fn local_card() -> Html {
    let app = use_app();
    let lang = app.lang;
    let over = use_state(|| false);
    let busy = app.busy.is_some_and(|(m, _)| m == ModelId::Local);
    let error = app
        .model_error
        .as_ref()
        .filter(|(m, _)| *m == ModelId::Local)
        .map(|(_, e)| e.clone());
    let on_change = {
        let app = app.clone();
        Callback::from(move |e: Event| {
            if let Some(list) = event_files(&e) {
                open_files(&app, list);
            }
        })
    };
    let on_drop = {
        let (app, over) = (app.clone(), over.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            if let Some(list) = e.data_transfer().and_then(|d| d.files()) {
                open_files(&app, list);
            }
        })
    };
    let on_over = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let on_leave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let loaded = matches!(app.slot(ModelId::Local), Slot::Ready(_));
    html! {
        <div class={classes!("model-card", "drop-zone", over.then_some("over"))} data-testid="local-card"
             ondrop={on_drop} ondragover={on_over.clone()} ondragenter={on_over} ondragleave={on_leave}>
            <h3>{ tr(lang, Msg::LocalTitle) }</h3>
            <p>{ tr(lang, Msg::LocalExplain) }</p>
            <div class="button-row">
                <label class="file-button">
                    <input type="file" multiple=true accept=".json,.safetensors,.txt" onchange={on_change} data-testid="local-files" />
                    <span>{ tr(lang, Msg::LocalChoose) }</span>
                </label>
                <span class="meta" aria-hidden="true">{ tr(lang, Msg::LocalDrop) }</span>
            </div>
            if busy {
                <p class="prompt-status" role="status"><span class="spinner" aria-hidden="true"></span>{ tr(lang, Msg::LocalReading) }</p>
            } else if let Some(e) = error {
                <p class="prompt-status error" role="alert" data-testid="local-error">{ tr(lang, Msg::LocalFailed) }{ " " }{ technical(lang, &e) }</p>
            } else if let Some(name) = app.local_name.as_ref().filter(|_| loaded) {
                <p class="meta" data-testid="local-loaded">{ trf(lang, Msg::LocalLoaded, &[("name", name)]) }</p>
            }
        </div>
    }
}

/// The panel with both ways to another model.
#[function_component(ModelPanel)]
pub fn model_panel() -> Html {
    let app = use_app();
    let lang = app.lang;
    html! {
        <section class="panel models-panel" id="more-models" aria-labelledby="models-title" data-testid="models-panel">
            <h2 id="models-title">{ tr(lang, Msg::ModelsTitle) }</h2>
            <p>{ tr(lang, Msg::ModelsExplain) }</p>
            <div class="two-col">
                <Gpt2Card />
                <LocalCard />
            </div>
        </section>
    }
}
