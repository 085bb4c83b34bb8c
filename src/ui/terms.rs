//! Prose with glossary links: the first use of each glossary term in a chapter links to its entry
//! (which message holds the first use is decided by [`crate::i18n::first_uses`]).

use std::cell::RefCell;
use std::collections::HashMap;

use yew::prelude::*;

use super::context::use_app;
use crate::chapters::Chapter;
use crate::i18n::glossary::{Term, find_terms};
use crate::i18n::{Lang, Msg, chapter_of, first_uses, tr, trf};

/// Per chapter: the prose message where each glossary term is used first.
type FirstUses = Vec<(Msg, &'static Term)>;

thread_local! {
    /// The first uses per chapter and language, computed once.
    static FIRST_USES: RefCell<HashMap<(Chapter, Lang), FirstUses>> = RefCell::new(HashMap::new());
}

/// The terms whose first use in their chapter is `msg`.
fn linked_here(msg: Msg, lang: Lang) -> Vec<&'static str> {
    let Some(c) = chapter_of(msg) else {
        return Vec::new();
    };
    FIRST_USES.with(|cache| {
        cache
            .borrow_mut()
            .entry((c, lang))
            .or_insert_with(|| first_uses(c, lang))
            .iter()
            .filter(|(m, _)| *m == msg)
            .map(|(_, t)| t.id)
            .collect()
    })
}

#[derive(Properties, PartialEq)]
pub struct ProseProps {
    pub msg: Msg,
    /// Values for the message's `{name}` placeholders.
    #[prop_or_default]
    pub values: Vec<(&'static str, String)>,
    /// Extra classes for the paragraph.
    #[prop_or_default]
    pub class: Classes,
}

/// A paragraph of explanation whose glossary terms link to the glossary where the chapter uses
/// them first.
#[function_component(Prose)]
pub fn prose(p: &ProseProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let text = if p.values.is_empty() {
        tr(lang, p.msg).to_string()
    } else {
        let values: Vec<(&str, &str)> = p.values.iter().map(|(k, v)| (*k, v.as_str())).collect();
        trf(lang, p.msg, &values)
    };
    let mut wanted = linked_here(p.msg, lang);
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end, term) in find_terms(&text, lang) {
        let Some(pos) = wanted.iter().position(|id| *id == term.id) else {
            continue;
        };
        wanted.remove(pos);
        parts.push(html! { { text[at..start].to_string() } });
        parts.push(html! {
            <a class="term" href={app.hash_for_term(term.id)} data-term={term.id}>{ text[start..end].to_string() }</a>
        });
        at = end;
    }
    parts.push(html! { { text[at..].to_string() } });
    html! { <p class={classes!("prose", p.class.clone())}>{ for parts }</p> }
}
