//! Chapter 13 — web search and RAG: a knowledge base (the bundled school handbook and the
//! reader's own texts) cut into chunks, searched by meaning (the model's hidden states) and by
//! keywords (BM25) side by side, the chosen chunks put into the prompt as tokens, and the
//! retrieval model answering with and without them; plus a "web search" over offline snippets
//! with a query the model writes itself.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::chat::Role;
use crate::corpus::rag::{handbook, web_snippets};
use crate::i18n::{Lang, Msg, tr, trf};
use crate::lesson::facts::RagFacts;
use crate::rag::bm25::Bm25;
use crate::rag::chunk::{Chunk, chunk};
use crate::rag::prompt::{answer, assemble, write_query};
use crate::rag::vectors::{VectorIndex, embed};
use crate::route::RagView;
use crate::session::Loaded;
use crate::ui::context::use_app;
use crate::ui::fetch;
use crate::ui::state::Action;
use crate::ui::terms::Prose;
use crate::ui::widgets::{event_value, role_class, visible};

/// Own texts above this many bytes are cut (with a notice).
const MAX_DOC_BYTES: usize = 200_000;
/// At most this many chunks are searched (a few seconds to embed in the page).
const MAX_CHUNKS: usize = 2000;
/// Chunks embedded per frame while the index is built.
const PER_FRAME: usize = 8;
/// The layer whose averaged hidden states retrieve best on the handbook, both languages
/// together (`examples/rag_eval`, BENCHMARKS.md: recall@2 0.81 / 0.53 at layer 0).
const DEFAULT_LAYER: usize = 0;

/// The searchable knowledge: chunks and both indexes.
struct Index {
    chunks: Vec<Chunk>,
    bm25: Bm25,
    vectors: VectorIndex,
}

/// The answer to one question.
#[derive(Clone)]
struct Asked {
    question: String,
    vector_hits: Vec<(usize, f32)>,
    keyword_hits: Vec<(usize, f32)>,
    map: Vec<(f32, f32)>,
    prompt: Vec<(u32, Option<Role>)>,
    used: usize,
    with_context: String,
    without_context: String,
}

/// The web-search mode's steps.
#[derive(Clone)]
struct Searched {
    query: String,
    snippets: Vec<(String, String, f32)>,
    answer: String,
}

/// Builds the index in slices of [`PER_FRAME`] chunks, reporting progress; `alive` says whether
/// the result is still wanted.
async fn build_index(
    model: Rc<Loaded>,
    chunks: Vec<Chunk>,
    layer: usize,
    progress: impl Fn(usize, usize),
    alive: impl Fn() -> bool,
) -> Option<Index> {
    let texts: Vec<&str> = chunks.iter().map(|c| c.text.as_str()).collect();
    let d = model.model.config.d_model;
    let mut raw = Vec::with_capacity(texts.len());
    for part in texts.chunks(PER_FRAME) {
        // A few milliseconds per chunk; then the page may draw.
        raw.extend(part.iter().map(|t| {
            embed(&model.model, &model.tokenizer, t, layer).unwrap_or_else(|| vec![0.0; d])
        }));
        progress(raw.len(), texts.len());
        gloo::timers::future::TimeoutFuture::new(0).await;
        if !alive() {
            return None;
        }
    }
    let vectors = VectorIndex::from_raw(layer, raw, d);
    let bm25 = Bm25::new(&texts);
    Some(Index {
        chunks,
        bm25,
        vectors,
    })
}

/// The chapter's settings: from the link when it names them, else the defaults.
struct Settings {
    size: usize,
    overlap: usize,
    layer: usize,
    k: usize,
    /// The vector hits go into the prompt (else the keyword hits).
    from_vectors: bool,
    question: String,
}

impl Settings {
    fn of(v: &RagView, lang: Lang) -> Settings {
        Settings {
            size: v.chunk.unwrap_or(10).clamp(10, 80),
            overlap: v.overlap.unwrap_or(0).min(20),
            layer: v.layer.unwrap_or(DEFAULT_LAYER),
            k: v.k.unwrap_or(2).clamp(1, 3),
            // Keyword hits by default: on the handbook they are right more often (BENCHMARKS.md).
            from_vectors: v.method.as_deref() == Some("vector"),
            question: v.question.clone().unwrap_or_else(|| {
                match lang {
                    Lang::De => "Wann öffnet die Bibliothek?",
                    Lang::En => "When does the library open?",
                }
                .to_string()
            }),
        }
    }
}

/// The handbook sentence that answers `question`, when it is one of the handbook's questions.
fn answer_sentence(lang: Lang, question: &str) -> Option<String> {
    crate::corpus::rag::handbook_facts()
        .iter()
        .map(|f| f.get(lang))
        .find(|f| f.question.trim() == question.trim())
        .map(|f| f.sentence.clone())
}

#[function_component(RagChapter)]
pub fn rag_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let set = {
        let app = app.clone();
        move |change: fn(&mut RagView, String)| {
            let app = app.clone();
            Callback::from(move |value: String| {
                let mut v = app.rag.clone();
                change(&mut v, value);
                app.dispatch(Action::SetRag(v));
            })
        }
    };
    let settings = Settings::of(&app.rag, lang);
    let model = use_state(|| None::<Result<Rc<Loaded>, String>>);
    {
        let model = model.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                model.set(Some(fetch::model_folder("rag").await.map(Rc::new)));
            });
        });
    }
    let own = use_state(Vec::<(String, String)>::new);
    let notice = use_state(|| None::<String>);
    let use_handbook = use_state(|| true);
    let (size, overlap, layer, k) = (settings.size, settings.overlap, settings.layer, settings.k);
    let from_vectors = settings.from_vectors;
    let question = settings.question.clone();
    let paste = use_state(String::new);
    let index = use_state(|| None::<Rc<Index>>);
    let progress = use_state(|| None::<(usize, usize)>);
    let asked = use_state(|| None::<Asked>);
    let searched = use_state(|| None::<Searched>);
    let generation = use_mut_ref(|| 0u64);

    let documents: Vec<(String, String)> = {
        let mut d = Vec::new();
        if *use_handbook {
            d.push((tr(lang, Msg::RagHandbook).to_string(), handbook(lang)));
        }
        d.extend(own.iter().cloned());
        d
    };
    let mut chunks: Vec<Chunk> = documents
        .iter()
        .flat_map(|(name, text)| chunk(name, text, size, overlap))
        .collect();
    let all_chunks = chunks.len();
    chunks.truncate(MAX_CHUNKS);

    // Rebuild the index whenever the chunks or the layer change.
    {
        let (index, progress, asked, generation) = (
            index.clone(),
            progress.clone(),
            asked.clone(),
            generation.clone(),
        );
        let loaded = model.as_ref().and_then(|m| m.as_ref().ok()).cloned();
        let key: Vec<String> = chunks.iter().map(|c| c.text.clone()).collect();
        let chunks = chunks.clone();
        use_effect_with((key, layer, loaded.is_some()), move |(_, layer, _)| {
            *generation.borrow_mut() += 1;
            let run = *generation.borrow();
            index.set(None);
            asked.set(None);
            if let Some(loaded) = loaded {
                let layer = *layer;
                wasm_bindgen_futures::spawn_local(async move {
                    let g = generation.clone();
                    let p = progress.clone();
                    let built = build_index(
                        loaded,
                        chunks,
                        layer,
                        move |a, b| p.set(Some((a, b))),
                        move || *g.borrow() == run,
                    )
                    .await;
                    if *generation.borrow() == run {
                        progress.set(None);
                        index.set(built.map(Rc::new));
                    }
                });
            }
        });
    }

    let loaded = model.as_ref().and_then(|m| m.as_ref().ok()).cloned();
    let ask = {
        let (question, index, asked, loaded, app) = (
            question.clone(),
            index.clone(),
            asked.clone(),
            loaded.clone(),
            app.clone(),
        );
        Callback::from(move |_: ()| {
            let (Some(ix), Some(m)) = ((*index).clone(), loaded.clone()) else {
                return;
            };
            let q = question.trim().to_string();
            if q.is_empty() {
                return;
            }
            let qv = ix.vectors.query(&m.model, &m.tokenizer, &q);
            let vector_hits = qv
                .as_ref()
                .map(|v| ix.vectors.search(v, k))
                .unwrap_or_default();
            let keyword_hits = ix.bm25.search(&q, k);
            let map = qv.as_ref().map(|v| ix.vectors.map(v)).unwrap_or_default();
            let chosen = if from_vectors {
                &vector_hits
            } else {
                &keyword_hits
            };
            let passages: Vec<String> = chosen
                .iter()
                .map(|&(i, _)| ix.chunks[i].text.clone())
                .collect();
            let (ids, roles, used) = assemble(&m.model, &m.tokenizer, lang, &passages, &q);
            let with_context = if passages.is_empty() {
                String::new()
            } else {
                crate::chat::reply(&m.model, &m.tokenizer, &ids)
            };
            let without_context = answer(&m.model, &m.tokenizer, lang, &[], &q);
            app.dispatch(Action::RagSearched(Some(Rc::new(RagFacts {
                question: q.clone(),
                chunks: ix.chunks.iter().map(|c| c.text.clone()).collect(),
                vector_hits: vector_hits.iter().map(|h| h.0).collect(),
                keyword_hits: keyword_hits.iter().map(|h| h.0).collect(),
                answer_sentence: answer_sentence(lang, &q),
            }))));
            asked.set(Some(Asked {
                question: q,
                vector_hits,
                keyword_hits,
                map,
                prompt: ids.into_iter().zip(roles).collect(),
                used,
                with_context,
                without_context,
            }));
        })
    };
    let web_search = {
        let (question, searched, loaded) = (question.clone(), searched.clone(), loaded.clone());
        Callback::from(move |_| {
            let Some(m) = loaded.clone() else { return };
            let q = question.trim().to_string();
            if q.is_empty() {
                return;
            }
            let query = write_query(&m.model, &m.tokenizer, lang, &q);
            let snippets = web_snippets(lang);
            let texts: Vec<&str> = snippets.iter().map(|(_, t)| t.as_str()).collect();
            let hits = Bm25::new(&texts).search(&query, 2);
            let found: Vec<(String, String, f32)> = hits
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

    let add_paste = {
        let (own, paste, notice) = (own.clone(), paste.clone(), notice.clone());
        Callback::from(move |_| {
            let text = paste.trim().to_string();
            if text.is_empty() {
                notice.set(Some(tr(lang, Msg::RagEmptyText).to_string()));
                return;
            }
            let mut docs = (*own).clone();
            let (text, cut) = cap(text);
            docs.push((
                format!("{} {}", tr(lang, Msg::RagPasted), docs.len() + 1),
                text,
            ));
            own.set(docs);
            paste.set(String::new());
            notice.set(cut.then(|| {
                trf(
                    lang,
                    Msg::RagCapped,
                    &[("kb", &(MAX_DOC_BYTES / 1000).to_string())],
                )
            }));
        })
    };
    let upload = {
        let (own, notice) = (own.clone(), notice.clone());
        Callback::from(move |e: Event| {
            let Some(files) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
            else {
                return;
            };
            let files: Vec<web_sys::File> =
                (0..files.length()).filter_map(|i| files.get(i)).collect();
            let (own, notice) = (own.clone(), notice.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let mut docs = (*own).clone();
                let mut messages = Vec::new();
                for f in files {
                    if f.size() > 20e6 {
                        messages.push(trf(lang, Msg::RagFileTooLarge, &[("name", &f.name())]));
                        continue;
                    }
                    let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await
                    else {
                        continue;
                    };
                    match String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec()) {
                        Ok(t) if !t.contains('\0') && !t.trim().is_empty() => {
                            let (t, cut) = cap(t);
                            if cut {
                                messages.push(trf(
                                    lang,
                                    Msg::RagCapped,
                                    &[("kb", &(MAX_DOC_BYTES / 1000).to_string())],
                                ));
                            }
                            docs.push((f.name(), t));
                        }
                        Ok(_) => {
                            messages.push(trf(lang, Msg::RagFileEmpty, &[("name", &f.name())]))
                        }
                        Err(_) => {
                            messages.push(trf(lang, Msg::RagFileNotText, &[("name", &f.name())]))
                        }
                    }
                }
                own.set(docs);
                notice.set((!messages.is_empty()).then(|| messages.join(" ")));
            });
        })
    };

    let status = match (&*model, &*progress, &*index) {
        (None, _, _) => Some(tr(lang, Msg::RagLoading).to_string()),
        (Some(Err(e)), _, _) => Some(format!("{} {e}", tr(lang, Msg::RagModelFailed))),
        (_, Some((a, b)), _) => Some(trf(
            lang,
            Msg::RagIndexing,
            &[("done", &a.to_string()), ("all", &b.to_string())],
        )),
        _ => None,
    };
    let ask_click = {
        let ask = ask.clone();
        Callback::from(move |_| ask.emit(()))
    };
    let set_question = set(|v, q| v.question = Some(q.chars().take(200).collect()));
    // Enter asks: the question is taken over, and a new question is asked at once (below).
    let on_key = {
        let (ask, set_question, current) = (ask.clone(), set_question.clone(), question.clone());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                let typed = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .map(|i| i.value())
                    .unwrap_or_default();
                if typed == current {
                    ask.emit(());
                } else {
                    set_question.emit(typed);
                }
            }
        })
    };
    // Asked again whenever the index, the question or a search setting changes (a link or a
    // lesson step sets them).
    {
        let ask = ask.clone();
        let key = (
            (*index).as_ref().map(|ix| Rc::as_ptr(ix) as usize),
            question.clone(),
            k,
            from_vectors,
        );
        use_effect_with(key, move |(ix, ..)| {
            if ix.is_some() {
                ask.emit(());
            }
        });
    }
    let range = |label: String,
                 value: usize,
                 min: usize,
                 max: usize,
                 on: Callback<String>,
                 testid: &str| {
        let onchange = Callback::from(move |e: Event| on.emit(event_value(&e)));
        html! { <label class="field"><span>{ label }</span>
        <input type="range" min={min.to_string()} max={max.to_string()} value={value.to_string()} {onchange} data-testid={testid.to_string()} /></label> }
    };
    let ready = index.is_some() && all_chunks > 0;

    html! {
        <>
        <section class="panel" aria-labelledby="rag-kb">
            <h2 id="rag-kb">{ tr(lang, Msg::RagKbTitle) }</h2>
            <Prose msg={Msg::RagKbExplain} />
            <label class="choice"><input type="checkbox" checked={*use_handbook}
                onchange={{ let h = use_handbook.clone(); Callback::from(move |_| h.set(!*h)) }} data-testid="rag-handbook" />{ tr(lang, Msg::RagUseHandbook) }</label>
            <ul class="docs" data-testid="rag-docs">
                { for documents.iter().map(|(name, text)| html! { <li><strong>{ name.clone() }</strong>{ format!(" · {} {}", text.split_whitespace().count(), tr(lang, Msg::RagWords)) }</li> }) }
            </ul>
            if !own.is_empty() {
                <button class="link" onclick={{ let own = own.clone(); Callback::from(move |_| own.set(Vec::new())) }}>{ tr(lang, Msg::RagRemoveOwn) }</button>
            }
            <label class="field wide"><span>{ tr(lang, Msg::RagPaste) }</span>
                <textarea rows="3" value={(*paste).clone()} oninput={{ let p = paste.clone(); Callback::from(move |e: InputEvent| {
                    if let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) { p.set(el.value()) } }) }} data-testid="rag-paste" /></label>
            <div class="controls-row">
                <button onclick={add_paste} data-testid="rag-add">{ tr(lang, Msg::RagAdd) }</button>
                <label class="field"><span>{ tr(lang, Msg::RagUpload) }</span><input type="file" multiple=true accept=".txt,.md,text/plain" onchange={upload} data-testid="rag-upload" /></label>
            </div>
            if let Some(n) = &*notice { <p class="notice" role="alert" data-testid="rag-notice">{ n.clone() }</p> }
            if documents.is_empty() { <p class="notice" role="status" data-testid="rag-empty">{ tr(lang, Msg::RagNoDocs) }</p> }
        </section>
        <section class="panel" aria-labelledby="rag-chunks">
            <h2 id="rag-chunks">{ tr(lang, Msg::RagChunksTitle) }</h2>
            <Prose msg={Msg::RagChunksExplain} />
            <div class="controls-row">
                { range(trf(lang, Msg::RagChunkSize, &[("n", &size.to_string())]), size, 10, 80, set(|v, s| v.chunk = s.parse().ok()), "rag-size") }
                { range(trf(lang, Msg::RagOverlap, &[("n", &overlap.to_string())]), overlap, 0, 20, set(|v, s| v.overlap = s.parse().ok()), "rag-overlap") }
            </div>
            <p class="meta" data-testid="rag-chunk-count">{ trf(lang, Msg::RagChunkCount, &[("n", &chunks.len().to_string())]) }</p>
            if all_chunks > MAX_CHUNKS {
                <p class="notice" role="status">{ trf(lang, Msg::RagTooManyChunks, &[("all", &all_chunks.to_string()), ("max", &MAX_CHUNKS.to_string())]) }</p>
            }
            <ol class="chunk-list" data-testid="rag-chunk-list">
                { for chunks.iter().take(12).enumerate().map(|(i, c)| html! { <li value={(i + 1).to_string()}><span class="meta">{ format!("{} · ", c.source) }</span>{ c.text.clone() }</li> }) }
            </ol>
            if let Some(s) = &status { <p class="meta" role="status" data-testid="rag-status">{ s.clone() }</p> }
        </section>
        <section class="panel" aria-labelledby="rag-ask">
            <h2 id="rag-ask">{ tr(lang, Msg::RagAskTitle) }</h2>
            <div class="controls-row">
                <label class="field wide"><span>{ tr(lang, Msg::RagQuestion) }</span>
                    <input type="text" value={question.clone()} onkeydown={on_key}
                        onchange={{ let q = set_question.clone(); Callback::from(move |e: Event| q.emit(event_value(&e))) }} data-testid="rag-question" /></label>
                <label class="field"><span>{ "k" }</span>
                    <select onchange={{ let on = set(|v, s| v.k = s.parse().ok()); Callback::from(move |e: Event| on.emit(event_value(&e))) }} data-testid="rag-k">
                        { for [1usize, 2, 3].iter().map(|&n| html! { <option value={n.to_string()} selected={k == n}>{ n }</option> }) }
                    </select></label>
                <label class="field"><span>{ tr(lang, Msg::RagLayer) }</span>
                    <select onchange={{ let on = set(|v, s| v.layer = s.parse().ok()); Callback::from(move |e: Event| on.emit(event_value(&e))) }} data-testid="rag-layer">
                        { for (0..=loaded.as_ref().map_or(4, |m| m.model.config.n_layer)).map(|l| html! { <option value={l.to_string()} selected={layer == l}>{ if l == 0 { tr(lang, Msg::RagLayerEmbeddings).to_string() } else { l.to_string() } }</option> }) }
                    </select></label>
                <button class="primary" onclick={ask_click} disabled={!ready} data-testid="rag-ask-button">{ tr(lang, Msg::RagAsk) }</button>
            </div>
        </section>
        if let (Some(a), Some(ix)) = (&*asked, &*index) {
            <section class="panel" aria-labelledby="rag-results">
                <h2 id="rag-results">{ tr(lang, Msg::RagResultsTitle) }</h2>
                <p class="computed-on meta">{ tr(lang, Msg::ComputedOnCpu) }</p>
                <Prose msg={Msg::RagResultsExplain} />
                <div class="two-col">
                    <div data-testid="rag-vector-hits">
                        <h3>{ tr(lang, Msg::RagVectorSearch) }</h3>
                        <ol class="hits">{ for a.vector_hits.iter().map(|&(i, s)| html! { <li data-chunk={i.to_string()}><span class="score">{ format!("cos {s:.2}") }</span>{ ix.chunks[i].text.clone() }</li> }) }</ol>
                    </div>
                    <div data-testid="rag-keyword-hits">
                        <h3>{ tr(lang, Msg::RagKeywordSearch) }</h3>
                        if a.keyword_hits.is_empty() { <p class="notice" data-testid="rag-no-match">{ tr(lang, Msg::RagNoMatch) }</p> }
                        <ol class="hits">{ for a.keyword_hits.iter().map(|&(i, s)| html! { <li data-chunk={i.to_string()}><span class="score">{ format!("BM25 {s:.2}") }</span>{ ix.chunks[i].text.clone() }</li> }) }</ol>
                    </div>
                </div>
                { rag_map(lang, &a.map, &a.vector_hits) }
                <Prose msg={Msg::RagMeasuredExplain} />
                <p class="meta">{ tr(lang, Msg::RagScaleNote) }</p>
            </section>
            <section class="panel" aria-labelledby="rag-prompt">
                <h2 id="rag-prompt">{ tr(lang, Msg::RagPromptTitle) }</h2>
                <fieldset class="choices">
                    <legend>{ tr(lang, Msg::RagWhichHits) }</legend>
                    <label class="choice"><input type="radio" name="rag-from" checked={from_vectors} onchange={{ let on = set(|v, _| v.method = Some("vector".into())); Callback::from(move |_| on.emit(String::new())) }} data-testid="rag-from-vectors" />{ tr(lang, Msg::RagVectorSearch) }</label>
                    <label class="choice"><input type="radio" name="rag-from" checked={!from_vectors} onchange={{ let on = set(|v, _| v.method = Some("bm25".into())); Callback::from(move |_| on.emit(String::new())) }} data-testid="rag-from-keywords" />{ tr(lang, Msg::RagKeywordSearch) }</label>
                </fieldset>
                <Prose msg={Msg::RagPromptExplain} values={vec![("n", a.prompt.len().to_string()), ("ctx", loaded.as_ref().map_or(0, |m| m.model.config.n_ctx).to_string()), ("used", a.used.to_string()), ("answer", crate::chat::ANSWER_TOKENS.to_string())]} />
                <ol class="chips role-chips" data-testid="rag-prompt-tokens">
                    { for a.prompt.iter().map(|&(id, role)| html! {
                        <li><span class={classes!("chip", role_class(role))}>{ visible(&loaded.as_ref().map(|m| m.tokenizer.token_view(id).label).unwrap_or_default()) }</span></li>
                    }) }
                </ol>
                <div class="two-col">
                    <div class="answer" data-testid="rag-answer"><h3>{ tr(lang, Msg::RagWithContext) }</h3><p>{ if a.with_context.is_empty() { tr(lang, Msg::RagNothingRetrieved).to_string() } else { a.with_context.clone() } }</p></div>
                    <div class="answer" data-testid="rag-answer-plain"><h3>{ tr(lang, Msg::RagWithoutContext) }</h3><p>{ if a.without_context.is_empty() { tr(lang, Msg::NoAnswer).to_string() } else { a.without_context.clone() } }</p></div>
                </div>
                <p class="meta">{ trf(lang, Msg::RagAskedAbout, &[("q", &a.question)]) }</p>
            </section>
        }
        <section class="panel" aria-labelledby="rag-web">
            <h2 id="rag-web">{ tr(lang, Msg::RagWebTitle) }</h2>
            <Prose msg={Msg::RagWebExplain} />
            <button onclick={web_search} disabled={loaded.is_none()} data-testid="rag-web-search">{ tr(lang, Msg::RagWebButton) }</button>
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
        </>
    }
}

/// Cuts a text to [`MAX_DOC_BYTES`] at a character boundary; whether it was cut.
fn cap(mut text: String) -> (String, bool) {
    if text.len() <= MAX_DOC_BYTES {
        return (text, false);
    }
    let mut cut = MAX_DOC_BYTES;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    text.truncate(cut);
    (text, true)
}

/// The chunks on the first two principal components of their vectors, the top hits ringed and
/// the query (last point) as a star.
fn rag_map(lang: Lang, points: &[(f32, f32)], hits: &[(usize, f32)]) -> Html {
    if points.len() < 2 {
        return html! {};
    }
    let (w, h, pad) = (520.0f32, 300.0f32, 16.0f32);
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &(x, y) in points {
        x0 = x0.min(x);
        x1 = x1.max(x);
        y0 = y0.min(y);
        y1 = y1.max(y);
    }
    let sx = |x: f32| pad + (x - x0) / (x1 - x0).max(1e-6) * (w - 2.0 * pad);
    let sy = |y: f32| pad + (y - y0) / (y1 - y0).max(1e-6) * (h - 2.0 * pad);
    let (qx, qy) = points[points.len() - 1];
    html! {
        <figure class="rag-map" data-testid="rag-map">
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={tr(lang, Msg::RagMap)}>
                { for points[..points.len() - 1].iter().enumerate().map(|(i, &(x, y))| {
                    let hit = hits.iter().position(|&(j, _)| j == i);
                    html! { <g>
                        <circle cx={sx(x).to_string()} cy={sy(y).to_string()} r={if hit.is_some() { "7" } else { "4" }} class={if hit.is_some() { "map-hit" } else { "map-chunk" }}>
                            <title>{ trf(lang, Msg::RagChunkN, &[("n", &(i + 1).to_string())]) }</title></circle>
                        { for hit.map(|r| html! { <text x={(sx(x) + 9.0).to_string()} y={(sy(y) + 4.0).to_string()} class="map-label">{ format!("#{}", r + 1) }</text> }) }
                    </g> }
                }) }
                <path d={format!("M{} {}l3 7h7l-5.5 4.5 2 7.5-6.5-4.5-6.5 4.5 2-7.5-5.5-4.5h7z", sx(qx), sy(qy) - 9.0)} class="map-query" />
            </svg>
            <figcaption class="meta">{ tr(lang, Msg::RagMapCaption) }</figcaption>
        </figure>
    }
}
