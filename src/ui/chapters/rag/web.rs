//! Web search (offline): the retrieval model writes a search query, keyword search finds bundled
//! web snippets with it, and the two best go into the prompt.

use std::rc::Rc;

use yew::prelude::*;

use crate::corpus::rag::web_snippets;
use crate::i18n::{Msg, tr};
use crate::rag::bm25::Bm25;
use crate::rag::prompt::{answer, write_query};
use crate::session::Loaded;
use crate::ui::context::use_app;
use crate::ui::terms::Prose;

/// The web-search mode's steps.
#[derive(Clone, PartialEq)]
struct Searched {
    query: String,
    snippets: Vec<(String, String, f32)>,
    answer: String,
}

#[derive(Properties)]
pub struct Props {
    pub rag: Option<Rc<Loaded>>,
    pub question: String,
}

impl PartialEq for Props {
    fn eq(&self, other: &Props) -> bool {
        self.question == other.question
            && match (&self.rag, &other.rag) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() == b.is_none(),
            }
    }
}

#[function_component(WebPanel)]
pub fn web_panel(p: &Props) -> Html {
    let lang = use_app().lang;
    let searched = use_state(|| None::<Searched>);
    let search = {
        let (rag, question, searched) = (p.rag.clone(), p.question.clone(), searched.clone());
        Callback::from(move |_| {
            let Some(m) = rag.clone() else { return };
            let q = question.trim().to_string();
            if q.is_empty() {
                return;
            }
            let query = write_query(&m.model, &m.tokenizer, lang, &q);
            let snippets = web_snippets(lang);
            let texts: Vec<&str> = snippets.iter().map(|(_, t)| t.as_str()).collect();
            let found: Vec<(String, String, f32)> = Bm25::new(&texts)
                .search(&query, 2)
                .iter()
                .map(|&(i, s)| (snippets[i].0.clone(), snippets[i].1.clone(), s))
                .collect();
            let passages: Vec<String> = found.iter().map(|(_, t, _)| t.clone()).collect();
            let answer = answer(&m.model, &m.tokenizer, lang, &passages, &q);
            searched.set(Some(Searched {
                query,
                snippets: found,
                answer,
            }));
        })
    };
    html! {
        <section class="panel" aria-labelledby="rag-web">
            <h2 id="rag-web">{ tr(lang, Msg::RagWebTitle) }</h2>
            <Prose msg={Msg::RagWebExplain} />
            <button onclick={search} disabled={p.rag.is_none()} data-testid="rag-web-search">{ tr(lang, Msg::RagWebButton) }</button>
            if let Some(s) = &*searched {
                <ol class="web-steps" data-testid="rag-web-steps">
                    <li>{ tr(lang, Msg::RagWebQuery) }{ " " }<code data-testid="rag-web-query">{ s.query.clone() }</code></li>
                    <li>{ tr(lang, Msg::RagWebResults) }
                        if s.snippets.is_empty() { <span class="notice">{ tr(lang, Msg::RagNoMatch) }</span> }
                        <ul>{ for s.snippets.iter().map(|(site, text, score)| html! { <li><span class="meta">{ format!("{site} · BM25 {score:.2} — ") }</span>{ text.clone() }</li> }) }</ul></li>
                    <li>{ tr(lang, Msg::RagWebAnswer) }{ " " }<strong data-testid="rag-web-answer">{ s.answer.clone() }</strong></li>
                </ol>
            }
        </section>
    }
}
