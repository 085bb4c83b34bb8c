//! Chapter 13 — web search and RAG: a knowledge base (the bundled school handbook and town guide,
//! and the reader's own texts) cut into chunks; searched by meaning (a trained embedding model),
//! by keywords (BM25) and by both (hybrid, reciprocal rank fusion); two live cases where each
//! search wins; how contrastive training moved the vectors; the chosen chunks put into the
//! prompt as tokens and the retrieval model answering with and without them; plus a web search
//! over offline snippets with a query the model writes itself.

mod ask;
mod cases;
mod contrastive;
mod index;
mod knowledge;
mod prompt;
mod results;
mod web;

use std::rc::Rc;

use yew::prelude::*;

use crate::i18n::{Msg, tr, trf};
use crate::lesson::facts::RagFacts;
use crate::rag::search::Method;
use crate::route::RagView;
use crate::ui::context::{App, use_app};
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use ask::Asked;
use index::{Built, MAX_CHUNKS, Models, Settings};

/// Changes the link's retrieval settings.
fn setter(app: &App, change: fn(&mut RagView, String)) -> Callback<String> {
    let app = app.clone();
    Callback::from(move |value: String| {
        let mut v = app.rag.clone();
        change(&mut v, value);
        app.dispatch(Action::SetRag(v));
    })
}

/// What the lesson's checked questions read about a search.
fn facts_of(a: &Asked, built: &Built) -> RagFacts {
    RagFacts {
        question: a.question.clone(),
        chunks: built.index.chunks.iter().map(|c| c.text.clone()).collect(),
        vector_hits: a.hits.vector.iter().map(|h| h.0).collect(),
        keyword_hits: a.hits.keyword.iter().map(|h| h.0).collect(),
        answer_sentence: a.evidence.clone(),
    }
}

#[function_component(RagChapter)]
pub fn rag_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let settings = Settings::of(&app.rag, lang);
    let models = use_state(|| None::<Result<Rc<Models>, String>>);
    {
        let models = models.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                models.set(Some(index::load().await.map(Rc::new)));
            });
        });
    }
    let loaded = models.as_ref().and_then(|m| m.as_ref().ok()).cloned();
    let own = use_state(|| Rc::new(Vec::<(String, String)>::new()));
    let bundled = use_state(|| true);
    // Documents and chunks change only with these; not on every render.
    let cut = use_memo(
        (
            lang,
            *bundled,
            (*own).clone(),
            settings.size,
            settings.overlap,
        ),
        |(lang, bundled, own, size, overlap)| {
            let docs = Rc::new(index::all_documents(*lang, *bundled, own));
            let (chunks, all) = index::chunks_of(&docs, *size, *overlap);
            (docs, Rc::new(chunks), all)
        },
    );
    let (docs, chunks, all_chunks) = (cut.0.clone(), cut.1.clone(), cut.2);
    let progress = use_state(|| None::<(usize, usize)>);
    let built = use_built(loaded.clone(), chunks.clone(), progress.clone());
    let asked = use_asked(&app, loaded.clone(), built.clone(), settings.clone());
    let case_list = match (&loaded, &built) {
        (Some(m), Some(b)) => cases::cases(m, b, &settings, lang),
        _ => Vec::new(),
    };
    let status = match (&*models, &*progress) {
        (None, _) => Some(tr(lang, Msg::RagLoading).to_string()),
        (Some(Err(e)), _) => Some(format!("{} {e}", tr(lang, Msg::RagModelFailed))),
        (_, Some((a, b))) => Some(trf(
            lang,
            Msg::RagIndexing,
            &[("done", &a.to_string()), ("all", &b.to_string())],
        )),
        _ => None,
    };
    let set_question = setter(&app, |v, q| {
        v.question = Some(q.chars().take(2000).collect())
    });
    let input = use_node_ref();
    let on_method = {
        let on = setter(&app, |v, m| v.method = Some(m));
        Callback::from(move |m: Method| on.emit(m.code().to_string()))
    };
    let on_own = {
        let own = own.clone();
        Callback::from(move |d| own.set(Rc::new(d)))
    };
    let on_bundled = {
        let b = bundled.clone();
        Callback::from(move |v| b.set(v))
    };
    html! {
        <>
        <knowledge::KnowledgePanel docs={docs.clone()} own={(*own).clone()} bundled={*bundled} {on_own} {on_bundled} />
        { chunks_panel(&app, &settings, &chunks, all_chunks, status) }
        { ask_panel(&app, &settings, asked.as_deref(), built.is_some() && !chunks.is_empty(), loaded.as_ref().map_or(256, |m| m.embedder.gpt.config.n_ctx), &input) }
        if let (Some(a), Some(b), Some(m)) = (asked.as_deref(), built.as_deref(), loaded.as_deref()) {
            <section class="panel" aria-labelledby="rag-results">
                <h2 id="rag-results">{ tr(lang, Msg::RagResultsTitle) }</h2>
                <p class="computed-on meta">{ tr(lang, Msg::ComputedOnCpu) }</p>
                <Prose msg={Msg::RagResultsExplain} />
                { results::hits(lang, a, &b.index.chunks) }
                <Prose msg={Msg::RagMeasuredExplain} />
                <p class="meta">{ tr(lang, Msg::RagScaleNote) }</p>
            </section>
            <cases::CasesPanel cases={case_list} on_ask={set_question.clone()} />
            { contrastive::section(lang, a, b.index.chunks.len(), m.embedder.projection.rows, m.embedder.gpt.config.d_model) }
            { prompt::section(lang, a, settings.method, &m.rag, &on_method) }
        }
        <web::WebPanel rag={loaded.as_ref().map(|m| m.rag.clone())} question={settings.question.clone()} />
        </>
    }
}

/// The index, rebuilt whenever the chunks or the models change (older builds are dropped).
#[hook]
fn use_built(
    loaded: Option<Rc<Models>>,
    chunks: Rc<Vec<crate::rag::chunk::Chunk>>,
    progress: UseStateHandle<Option<(usize, usize)>>,
) -> Option<Rc<Built>> {
    let built = use_state(|| None::<Rc<Built>>);
    let generation = use_mut_ref(|| 0u64);
    {
        let built = built.clone();
        // The chunks are memoised: a new list is a new allocation.
        let key = Rc::as_ptr(&chunks) as usize;
        use_effect_with((key, loaded.is_some()), move |_| {
            *generation.borrow_mut() += 1;
            let run = *generation.borrow();
            built.set(None);
            if let Some(models) = loaded {
                wasm_bindgen_futures::spawn_local(async move {
                    let (g, p) = (generation.clone(), progress.clone());
                    let alive = move || *g.borrow() == run;
                    let done = index::build(
                        models,
                        (*chunks).clone(),
                        move |a, b| p.set(Some((a, b))),
                        alive,
                    )
                    .await;
                    if *generation.borrow() == run {
                        progress.set(None);
                        built.set(done.map(Rc::new));
                    }
                });
            }
        });
    }
    (*built).clone()
}

/// The current question asked on the current index, again whenever either or a search setting
/// changes (a link or a lesson step sets them); tells the lesson what the search found.
#[hook]
fn use_asked(
    app: &App,
    loaded: Option<Rc<Models>>,
    built: Option<Rc<Built>>,
    s: Settings,
) -> Option<Rc<Asked>> {
    // The answer with the index it was computed on: after the index changes (a text added or
    // removed) the old answer's chunk numbers mean nothing until the effect has asked again.
    let asked = use_state(|| None::<(usize, Rc<Asked>)>);
    let current = built.as_ref().map(|b| Rc::as_ptr(b) as usize);
    {
        let (asked, app) = (asked.clone(), app.clone());
        use_effect_with((current, s.clone()), move |_| {
            let result = match (loaded, built) {
                (Some(m), Some(b)) => {
                    ask::ask(&m, &b, &s, app.lang).map(|a| (Rc::new(facts_of(&a, &b)), Rc::new(a)))
                }
                _ => None,
            };
            app.dispatch(Action::RagSearched(result.as_ref().map(|r| r.0.clone())));
            asked.set(current.zip(result.map(|r| r.1)));
        });
    }
    asked
        .as_ref()
        .filter(|(on, _)| Some(*on) == current)
        .map(|(_, a)| a.clone())
}

fn range(
    label: String,
    value: usize,
    (min, max): (usize, usize),
    on: Callback<String>,
    testid: &str,
) -> Html {
    let onchange = Callback::from(move |e: Event| on.emit(crate::ui::widgets::event_value(&e)));
    html! { <label class="field"><span>{ label }</span>
    <input type="range" min={min.to_string()} max={max.to_string()} value={value.to_string()} {onchange} data-testid={testid.to_string()} /></label> }
}

/// Chunk size and overlap, the chunk count and the first chunks.
fn chunks_panel(
    app: &App,
    s: &Settings,
    chunks: &[crate::rag::chunk::Chunk],
    all: usize,
    status: Option<String>,
) -> Html {
    let lang = app.lang;
    html! {
        <section class="panel" aria-labelledby="rag-chunks">
            <h2 id="rag-chunks">{ tr(lang, Msg::RagChunksTitle) }</h2>
            <Prose msg={Msg::RagChunksExplain} />
            <div class="controls-row">
                { range(trf(lang, Msg::RagChunkSize, &[("n", &s.size.to_string())]), s.size, (10, 80), setter(app, |v, x| v.chunk = x.parse().ok()), "rag-size") }
                { range(trf(lang, Msg::RagOverlap, &[("n", &s.overlap.to_string())]), s.overlap, (0, 20), setter(app, |v, x| v.overlap = x.parse().ok()), "rag-overlap") }
            </div>
            <p class="meta" data-testid="rag-chunk-count">{ trf(lang, Msg::RagChunkCount, &[("n", &chunks.len().to_string())]) }</p>
            if all > MAX_CHUNKS {
                <p class="notice" role="status">{ trf(lang, Msg::RagTooManyChunks, &[("all", &all.to_string()), ("max", &MAX_CHUNKS.to_string())]) }</p>
            }
            <ol class="chunk-list" data-testid="rag-chunk-list">
                { for chunks.iter().take(12).enumerate().map(|(i, c)| html! { <li value={(i + 1).to_string()}><span class="meta">{ format!("{} · ", c.source) }</span>{ c.text.clone() }</li> }) }
            </ol>
            if let Some(s) = status { <p class="meta" role="status" data-testid="rag-status">{ s }</p> }
        </section>
    }
}

/// The question, k, the k of RRF, and a notice when the question was cut for the search. The
/// question is asked on Enter, when the field is left, or with the button.
fn ask_panel(
    app: &App,
    s: &Settings,
    asked: Option<&Asked>,
    ready: bool,
    n_ctx: usize,
    input: &NodeRef,
) -> Html {
    let lang = app.lang;
    let set_question = setter(app, |v, q| {
        v.question = Some(q.chars().take(2000).collect())
    });
    let typed = {
        let input = input.clone();
        move || {
            input
                .cast::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default()
        }
    };
    let select = |label: String,
                  options: &[usize],
                  now: usize,
                  on: Callback<String>,
                  testid: &str| {
        let onchange = Callback::from(move |e: Event| on.emit(crate::ui::widgets::event_value(&e)));
        html! { <label class="field"><span>{ label }</span>
        <select {onchange} data-testid={testid.to_string()}>
            { for options.iter().map(|&n| html! { <option value={n.to_string()} selected={now == n}>{ n }</option> }) }
        </select></label> }
    };
    let on_enter = {
        let (on, typed) = (set_question.clone(), typed.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                on.emit(typed())
            }
        })
    };
    let on_click = {
        let on = set_question.clone();
        Callback::from(move |_| on.emit(typed()))
    };
    let on_change = {
        let on = set_question;
        Callback::from(move |e: Event| on.emit(crate::ui::widgets::event_value(&e)))
    };
    html! {
        <section class="panel" aria-labelledby="rag-ask">
            <h2 id="rag-ask">{ tr(lang, Msg::RagAskTitle) }</h2>
            <div class="controls-row">
                <label class="field wide"><span>{ tr(lang, Msg::RagQuestion) }</span>
                    <input type="text" ref={input.clone()} value={s.question.clone()} onkeydown={on_enter} onchange={on_change} data-testid="rag-question" /></label>
                { select("k".into(), &[1, 2, 3], s.k, setter(app, |v, x| v.k = x.parse().ok()), "rag-k") }
                { select(tr(lang, Msg::RagRrfK).into(), &index::RRF_CHOICES, s.rrf as usize, setter(app, |v, x| v.rrf = x.parse().ok()), "rag-rrf") }
                <button class="primary" onclick={on_click} disabled={!ready} data-testid="rag-ask-button">{ tr(lang, Msg::RagAsk) }</button>
            </div>
            <p class="meta">{ tr(lang, Msg::RagAskHint) }</p>
            if asked.is_some_and(|a| a.cut) {
                <p class="notice" role="status" data-testid="rag-cut">{ trf(lang, Msg::RagQueryCut, &[("n", &n_ctx.to_string())]) }</p>
            }
        </section>
    }
}
