//! Two live cases, computed on the current index: a question in other words than the handbook
//! (vectors find it, keywords cannot) and a question about a rare name (keywords find it).

use yew::prelude::*;

use crate::corpus::knowledge::showcase;
use crate::i18n::{Lang, Msg, tr, trf};
use crate::rag::search::Method;

use super::ask::rank_of;
use super::index::{Built, Models, Settings};
use super::results::method_name;

/// One case: its question and where each search ranks the chunk with the answer (`None`: not
/// among the k hits; the whole case is `None` when no chunk holds the answer, e.g. without the
/// bundled documents).
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub question: String,
    pub ranks: Option<[Option<usize>; 3]>,
}

/// Both cases on `built`, with the chapter's k and RRF k.
pub fn cases(m: &Models, built: &Built, s: &Settings, lang: Lang) -> Vec<Case> {
    showcase(lang)
        .into_iter()
        .map(|t| {
            let chunk = built
                .index
                .chunks
                .iter()
                .position(|c| c.text.contains(t.evidence.as_str()));
            let q = m.embedder.embed(&m.tokenizer, &t.question).map(|v| v.0);
            let hits = built.index.search(&t.question, q.as_deref(), s.k, s.rrf);
            Case {
                ranks: chunk.map(|c| Method::ALL.map(|m| rank_of(hits.of(m), c))),
                question: t.question,
            }
        })
        .collect()
}

fn verdict(lang: Lang, rank: Option<usize>) -> Html {
    match rank {
        Some(r) => {
            html! { <span class="found">{ "✓ " }{ trf(lang, Msg::RagRank, &[("r", &r.to_string())]) }</span> }
        }
        None => html! { <span class="missed">{ "✗ " }{ tr(lang, Msg::RagNotAmongHits) }</span> },
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub cases: Vec<Case>,
    /// Asks a case's question in the chapter.
    pub on_ask: Callback<String>,
}

#[function_component(CasesPanel)]
pub fn cases_panel(p: &Props) -> Html {
    let lang = crate::ui::context::use_app().lang;
    let whys = [Msg::RagCaseSynonymWhy, Msg::RagCaseRareWhy];
    html! {
        <section class="panel" aria-labelledby="rag-cases">
            <h2 id="rag-cases">{ tr(lang, Msg::RagCasesTitle) }</h2>
            <p>{ tr(lang, Msg::RagCasesExplain) }</p>
            <div class="two-col">
                { for p.cases.iter().zip(whys).enumerate().map(|(i, (c, why))| {
                    let ask = { let (on, q) = (p.on_ask.clone(), c.question.clone()); Callback::from(move |_| on.emit(q.clone())) };
                    html! { <article class="case" data-testid={format!("rag-case-{i}")}>
                        <h3>{ format!("«{}»", c.question) }</h3>
                        if let Some(ranks) = c.ranks {
                            <ul class="case-ranks">
                                { for Method::ALL.iter().zip(ranks).map(|(&m, r)| html! {
                                    <li data-method={m.code()}>{ method_name(lang, m) }{ ": " }{ verdict(lang, r) }</li>
                                }) }
                            </ul>
                        }
                        <p>{ tr(lang, why) }</p>
                        <button onclick={ask} data-testid={format!("rag-case-ask-{i}")}>{ tr(lang, Msg::RagAskThis) }</button>
                    </article> }
                }) }
            </div>
        </section>
    }
}
