//! What the retrieval model reads: the chosen search's hits as context before the question,
//! token by token, and its answers with and without them.

use yew::prelude::*;

use crate::i18n::{Lang, Msg, tr, trf};
use crate::rag::search::Method;
use crate::session::Loaded;
use crate::ui::terms::Prose;
use crate::ui::widgets::{role_class, visible};

use super::ask::Asked;
use super::results::method_name;

/// The section; `on_method` chooses whose hits go into the prompt.
pub fn section(
    lang: Lang,
    a: &Asked,
    method: Method,
    rag: &Loaded,
    on_method: &Callback<Method>,
) -> Html {
    let radio = |m: Method| {
        let on = on_method.clone();
        html! { <label class="choice"><input type="radio" name="rag-from" checked={method == m}
        onchange={Callback::from(move |_| on.emit(m))} data-testid={format!("rag-from-{}", m.code())} />{ method_name(lang, m) }</label> }
    };
    let values = vec![
        ("n", a.prompt.len().to_string()),
        ("ctx", rag.model.config.n_ctx.to_string()),
        ("used", a.used.to_string()),
        ("answer", crate::chat::ANSWER_TOKENS.to_string()),
    ];
    let or = |text: &str, empty: Msg| {
        if text.is_empty() {
            tr(lang, empty).to_string()
        } else {
            text.to_string()
        }
    };
    html! {
        <section class="panel" aria-labelledby="rag-prompt">
            <h2 id="rag-prompt">{ tr(lang, Msg::RagPromptTitle) }</h2>
            <fieldset class="choices">
                <legend>{ tr(lang, Msg::RagWhichHits) }</legend>
                { for Method::ALL.iter().map(|&m| radio(m)) }
            </fieldset>
            <Prose msg={Msg::RagPromptExplain} {values} />
            <ol class="chips role-chips" data-testid="rag-prompt-tokens">
                { for a.prompt.iter().map(|&(id, role)| html! {
                    <li><span class={classes!("chip", role_class(role))}>{ visible(&rag.tokenizer.token_view(id).label) }</span></li>
                }) }
            </ol>
            <div class="two-col">
                <div class="answer" data-testid="rag-answer"><h3>{ tr(lang, Msg::RagWithContext) }</h3><p>{ or(&a.with_context, Msg::RagNothingRetrieved) }</p></div>
                <div class="answer" data-testid="rag-answer-plain"><h3>{ tr(lang, Msg::RagWithoutContext) }</h3><p>{ or(&a.without_context, Msg::NoAnswer) }</p></div>
            </div>
            <p class="meta">{ trf(lang, Msg::RagAskedAbout, &[("q", &a.question)]) }</p>
            <Prose msg={Msg::RagAnswerMeasured} />
        </section>
    }
}
