//! The knowledge base panel: the bundled documents (school handbook and town guide), own texts
//! pasted or read from files (UTF-8 only, cut at [`MAX_DOC_BYTES`], with a notice).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::i18n::{Lang, Msg, tr, trf};
use crate::ui::context::use_app;
use crate::ui::terms::Prose;
use crate::ui::widgets::event_files;

/// Own texts above this many bytes are cut (with a notice).
const MAX_DOC_BYTES: usize = 200_000;
/// Files above this many bytes are not read at all.
const MAX_FILE_BYTES: f64 = 20e6;

type Docs = Vec<(String, String)>;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Every document searched now, as (name, text).
    pub docs: Rc<Docs>,
    pub own: Rc<Docs>,
    pub bundled: bool,
    pub on_own: Callback<Docs>,
    pub on_bundled: Callback<bool>,
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

fn capped(lang: Lang) -> String {
    trf(
        lang,
        Msg::RagCapped,
        &[("kb", &(MAX_DOC_BYTES / 1000).to_string())],
    )
}

/// Reads chosen files into documents; returns them with the messages about refused ones.
async fn read_files(lang: Lang, files: Vec<web_sys::File>) -> (Docs, Vec<String>) {
    let (mut docs, mut messages) = (Vec::new(), Vec::new());
    for f in files {
        let name = f.name();
        if f.size() > MAX_FILE_BYTES {
            messages.push(trf(lang, Msg::RagFileTooLarge, &[("name", &name)]));
            continue;
        }
        let Ok(buffer) = wasm_bindgen_futures::JsFuture::from(f.array_buffer()).await else {
            continue;
        };
        match String::from_utf8(js_sys::Uint8Array::new(&buffer).to_vec()) {
            Ok(t) if !t.contains('\0') && !t.trim().is_empty() => {
                let (t, cut) = cap(t);
                if cut {
                    messages.push(capped(lang));
                }
                docs.push((name, t));
            }
            Ok(_) => messages.push(trf(lang, Msg::RagFileEmpty, &[("name", &name)])),
            Err(_) => messages.push(trf(lang, Msg::RagFileNotText, &[("name", &name)])),
        }
    }
    (docs, messages)
}

/// Reads the chosen files, adds them to the own texts and says what was refused.
fn on_upload(
    lang: Lang,
    notice: UseStateHandle<Option<String>>,
    own: Rc<Docs>,
    on_own: Callback<Docs>,
) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let Some(list) = event_files(&e) else {
            return;
        };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        let (notice, own, on_own) = (notice.clone(), own.clone(), on_own.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let (read, messages) = read_files(lang, files).await;
            let mut docs = (*own).clone();
            docs.extend(read);
            on_own.emit(docs);
            notice.set((!messages.is_empty()).then(|| messages.join(" ")));
        });
    })
}

#[function_component(KnowledgePanel)]
pub fn knowledge_panel(p: &Props) -> Html {
    let lang = use_app().lang;
    let paste = use_state(String::new);
    let notice = use_state(|| None::<String>);
    let add_paste = {
        let (paste, notice, own, on_own) = (
            paste.clone(),
            notice.clone(),
            p.own.clone(),
            p.on_own.clone(),
        );
        Callback::from(move |_| {
            let text = paste.trim().to_string();
            if text.is_empty() {
                notice.set(Some(tr(lang, Msg::RagEmptyText).to_string()));
                return;
            }
            let (text, cut) = cap(text);
            let mut docs = (*own).clone();
            docs.push((
                format!("{} {}", tr(lang, Msg::RagPasted), docs.len() + 1),
                text,
            ));
            on_own.emit(docs);
            paste.set(String::new());
            notice.set(cut.then(|| capped(lang)));
        })
    };
    let upload = on_upload(lang, notice.clone(), p.own.clone(), p.on_own.clone());
    let on_paste = {
        let paste = paste.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
            {
                paste.set(el.value())
            }
        })
    };
    let toggle = {
        let (on, now) = (p.on_bundled.clone(), p.bundled);
        Callback::from(move |_| on.emit(!now))
    };
    let clear = {
        let on = p.on_own.clone();
        Callback::from(move |_| on.emit(Vec::new()))
    };
    html! {
        <section class="panel" aria-labelledby="rag-kb">
            <h2 id="rag-kb">{ tr(lang, Msg::RagKbTitle) }</h2>
            <Prose msg={Msg::RagKbExplain} />
            <label class="choice"><input type="checkbox" checked={p.bundled} onchange={toggle} data-testid="rag-handbook" />{ tr(lang, Msg::RagUseHandbook) }</label>
            <ul class="docs" data-testid="rag-docs">
                { for p.docs.iter().map(|(name, text)| html! { <li><strong>{ name.clone() }</strong>{ format!(" · {} {}", text.split_whitespace().count(), tr(lang, Msg::RagWords)) }</li> }) }
            </ul>
            if !p.own.is_empty() {
                <button class="link" onclick={clear}>{ tr(lang, Msg::RagRemoveOwn) }</button>
            }
            <label class="field wide"><span>{ tr(lang, Msg::RagPaste) }</span>
                <textarea rows="3" value={(*paste).clone()} oninput={on_paste} data-testid="rag-paste" /></label>
            <div class="controls-row">
                <button onclick={add_paste} data-testid="rag-add">{ tr(lang, Msg::RagAdd) }</button>
                <label class="field"><span>{ tr(lang, Msg::RagUpload) }</span><input type="file" multiple=true accept=".txt,.md,text/plain" onchange={upload} data-testid="rag-upload" /></label>
            </div>
            if let Some(n) = &*notice { <p class="notice" role="alert" data-testid="rag-notice">{ n.clone() }</p> }
            if p.docs.is_empty() { <p class="notice" role="status" data-testid="rag-empty">{ tr(lang, Msg::RagNoDocs) }</p> }
        </section>
    }
}
