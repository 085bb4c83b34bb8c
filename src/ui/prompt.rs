//! The prompt bar above the model chapters: the text, the model, and what the model will read.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::context::use_app;
use super::models::{ModelPanel, technical};
use super::prefs::Compute;
use super::state::{Action, AppState, Slot};
use crate::i18n::{Lang, Msg, tr, trf};
use crate::session::ModelId;

/// Example prompts per language.
fn examples(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::De => &[
            "Der König regiert das",
            "Der Vater spielt mit dem",
            "Im Winter ist es",
            "Zum Essen gibt es",
        ],
        Lang::En => &[
            "The king rules the",
            "The father plays with the",
            "In winter it is",
            "For the meal there is",
        ],
    }
}

/// One line under the prompt: the model's state (absent, loading, failed), an empty or cut
/// prompt, or the progress of the pass that is computing.
fn status_line(app: &AppState) -> Html {
    let lang = app.lang;
    match (app.slot(app.model), &app.analysis) {
        (Slot::Absent, _) => html! {
            <p class="prompt-status warn" role="status">{ tr(lang, if app.model == ModelId::Gpt2 { Msg::ModelAbsentGpt2 } else { Msg::ModelAbsentLocal }) }</p>
        },
        (Slot::Loading, _) => {
            html! { <p class="prompt-status" role="status"><span class="spinner" aria-hidden="true"></span>{ tr(lang, Msg::ModelLoading) }</p> }
        }
        (Slot::Failed(e), _) => {
            html! { <p class="prompt-status error" role="alert">{ tr(lang, Msg::ModelFailed) }{ " " }{ technical(lang, e) }</p> }
        }
        (Slot::Ready(l), Some(a)) if a.encoding.ids.is_empty() => {
            html! { <p class="prompt-status hint">{ tr(lang, Msg::PromptEmpty) }<span class="sr-only">{ format!(" ({})", l.model.config.n_ctx) }</span></p> }
        }
        (Slot::Ready(l), Some(a)) if a.cut > 0 => html! {
            <p class="prompt-status warn" role="status" data-testid="prompt-cut">{ trf(lang,
                if l.readable_tokens() < l.model.config.n_ctx { Msg::PromptTooLongMemory } else { Msg::PromptTooLong }, &[
                ("n", &a.encoding.ids.len().to_string()), ("max", &l.readable_tokens().to_string()),
                ("ctx", &l.model.config.n_ctx.to_string()), ("cut", &a.cut.to_string())]) }</p>
        },
        _ => match app.pending {
            Some(p) if p.on_gpu => html! {
                <p class="prompt-status" role="status" data-testid="computing"><span class="spinner" aria-hidden="true"></span>{ tr(lang, Msg::ComputingGpu) }</p>
            },
            Some(p) => html! {
                <div class="prompt-status computing" role="status" data-testid="computing">
                    <progress max={p.layers.to_string()} value={p.layers_done.to_string()} aria-hidden="true" />
                    { trf(lang, Msg::Computing, &[("done", &(p.layers_done + 1).min(p.layers).to_string()), ("total", &p.layers.to_string())]) }
                </div>
            },
            None => html! {},
        },
    }
}

#[function_component(PromptBar)]
pub fn prompt_bar() -> Html {
    let app = use_app();
    let lang = app.lang;
    let on_input = {
        let app = app.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(t) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                app.dispatch(Action::SetPrompt(t.value()));
            }
        })
    };
    let tokens = app.analysis.as_ref().map(|a| a.encoding.ids.len());
    let selected_ready = matches!(app.slot(app.model), Slot::Ready(_));
    // The panel opens by itself when the page shows a model that is not there yet.
    let show_models = use_state(|| false);
    let open_models = *show_models || (!app.model.is_built_in() && !selected_ready);
    let status = status_line(&app);
    // The built-in models always; GPT-2 and own files once loaded (or shown by a link).
    let choices: Vec<ModelId> = ModelId::ALL
        .into_iter()
        .filter(|&m| m.is_built_in() || m == app.model || matches!(app.slot(m), Slot::Ready(_)))
        .collect();
    let model_name = |m: ModelId| {
        tr(
            lang,
            match m {
                ModelId::Chat => Msg::ModelChat,
                ModelId::Base => Msg::ModelBase,
                ModelId::Gpt2 => Msg::ModelGpt2,
                ModelId::Local => Msg::ModelLocal,
            },
        )
    };
    html! {
        <section class="prompt-bar" aria-label={tr(lang, Msg::PromptLabel)}>
            <div class="prompt-row">
                <label class="prompt-label" for="prompt">{ tr(lang, Msg::PromptLabel) }</label>
                <textarea id="prompt" rows="2" spellcheck="false" value={app.prompt.clone()} oninput={on_input} maxlength="20000" />
                <div class="prompt-side">
                    <div class="segmented" role="group" aria-label={tr(lang, Msg::ModelLabel)}>
                        { for choices.iter().map(|&m| {
                            let app = app.clone();
                            let name = model_name(m);
                            html! {
                                <button type="button" aria-pressed={(app.model == m).to_string()} data-model={m.slug()}
                                        onclick={ let a = app.clone(); move |_| a.dispatch(Action::SetModel(m)) }>{ name }</button>
                            }
                        }) }
                    </div>
                    <button type="button" class="link more-models" aria-expanded={open_models.to_string()} aria-controls="more-models"
                            data-testid="more-models" onclick={ let s = show_models.clone(); move |_| s.set(!*s) }>{ tr(lang, Msg::MoreModels) }</button>
                    if let Some(n) = tokens {
                        <span class="token-count" data-testid="token-count">{ trf(lang, Msg::TokenCount, &[("n", &n.to_string())]) }</span>
                    }
                </div>
            </div>
            <div class="examples">
                <span class="examples-label">{ tr(lang, Msg::Examples) }{ ":" }</span>
                { for examples(lang).iter().map(|&e| {
                    let app = app.clone();
                    html! { <button type="button" class="link" onclick={ move |_| app.dispatch(Action::SetPrompt(e.to_string())) }>{ e }</button> }
                }) }
            </div>
            { status }
            if app.analysis.as_ref().is_some_and(|a| a.trace.is_some()) {
                <p class="computed-on meta" data-testid="computed-on" data-compute={app.analysis_on.code()}>
                    { tr(lang, if app.analysis_on == Compute::Gpu { Msg::ComputedOnGpu } else { Msg::ComputedOnCpu }) }
                </p>
            }
            if open_models { <ModelPanel /> }
        </section>
    }
}
