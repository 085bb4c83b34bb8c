//! The glossary: every term the chapters use, with its definition, the term in the other
//! language and a link to the chapter where it lives; filtered as you type. A link
//! `#/glossary?term=logit` scrolls to and marks one entry.

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::glossary::{TERMS, Term};
use crate::i18n::{Lang, Msg, tr};
use crate::ui::context::use_app;
use crate::ui::widgets::event_value;

/// Whether an entry matches the filter (its terms in both languages and its definition).
fn matches(t: &Term, lang: Lang, filter: &str) -> bool {
    let f = filter.trim().to_lowercase();
    f.is_empty()
        || [t.de, t.en, t.definition(lang)]
            .iter()
            .any(|s| s.to_lowercase().contains(&f))
}

#[function_component(GlossaryChapter)]
pub fn glossary_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let filter = use_state(String::new);
    // A link to one entry scrolls it into view.
    {
        let term = app.term.clone();
        use_effect_with(term, |term| {
            if let Some(el) = term
                .as_ref()
                .and_then(|t| gloo::utils::document().get_element_by_id(&format!("term-{t}")))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                el.scroll_into_view();
            }
        });
    }
    let on_filter = {
        let filter = filter.clone();
        Callback::from(move |e: InputEvent| filter.set(event_value(&e)))
    };
    let mut entries: Vec<&Term> = TERMS.iter().filter(|t| matches(t, lang, &filter)).collect();
    entries.sort_by_key(|t| t.name(lang).to_lowercase());
    let other = match lang {
        Lang::De => Lang::En,
        Lang::En => Lang::De,
    };
    html! {
        <section class="panel glossary" aria-labelledby="glo-list">
            <h2 id="glo-list" class="sr-only">{ tr(lang, Msg::GloListTitle) }</h2>
            <label class="glossary-filter">
                <span>{ tr(lang, Msg::GloFilter) }</span>
                <input type="search" value={(*filter).clone()} oninput={on_filter} data-testid="glossary-filter" />
            </label>
            <p class="meta" role="status">{ crate::i18n::trf(lang, Msg::GloCount, &[("n", &entries.len().to_string()), ("all", &TERMS.len().to_string())]) }</p>
            <dl class="glossary-list" data-testid="glossary">
                { for entries.iter().map(|t| {
                    let current = app.term.as_deref() == Some(t.id);
                    html! {
                        <div class={classes!("glossary-entry", current.then_some("current"))} id={format!("term-{}", t.id)} data-term={t.id}>
                            <dt>
                                <dfn>{ t.name(lang) }</dfn>
                                <span class="other-lang">{ format!(" · {}: ", tr(lang, Msg::GloInOther)) }<span lang={other.tag()}>{ t.name(other) }</span></span>
                            </dt>
                            <dd>
                                { t.definition(lang) }
                                { " " }
                                <a href={app.hash_for(t.chapter)} data-chapter={t.chapter.slug()}>
                                    { format!("→ {}", tr(lang, Msg::ChapterTitle(t.chapter))) }
                                </a>
                            </dd>
                        </div>
                    }
                }) }
            </dl>
        </section>
    }
}
