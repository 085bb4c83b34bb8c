//! GPT-2 small from the Hugging Face hub, downloaded only when a user asks for it (about
//! 550 MB). The files stream in with progress; a download that breaks off keeps what arrived
//! and the next try asks only for the rest (an HTTP range request). Complete files go into the
//! browser's Cache Storage, so the next visit loads GPT-2 without the network.

use std::cell::{Cell, RefCell};

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::state::Progress;

/// Where GPT-2 small's files live on the hub (a school may enter a mirror instead).
pub const HUB_SOURCE: &str = "https://huggingface.co/openai-community/gpt2/resolve/main/";
/// The files Lupe needs, small ones first.
pub const FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];
/// Roughly how much a download moves, for the button's label.
pub const APPROX_MB: u32 = 550;
/// The Cache Storage name for downloaded models (the service worker leaves it alone).
const CACHE: &str = "lupe-models-v1";

/// GPT-2's files in memory.
pub struct Files {
    pub config: String,
    pub tokenizer: String,
    pub weights: Vec<u8>,
}

/// What arrived of an unfinished download: the source, complete files, and the part of the
/// file that broke off.
#[derive(Default)]
struct Partial {
    source: String,
    done: Vec<Vec<u8>>,
    current: Vec<u8>,
}

thread_local! {
    static PARTIAL: RefCell<Partial> = RefCell::default();
    static CANCEL: Cell<bool> = const { Cell::new(false) };
}

/// Asks the download in progress to stop after the current chunk (what arrived is kept).
pub fn cancel() {
    CANCEL.with(|c| c.set(true));
}

/// Bytes of an unfinished download from `source` kept for resuming (0 when none).
pub fn resumable_bytes(source: &str) -> f64 {
    PARTIAL.with(|p| {
        let p = p.borrow();
        if p.source == source {
            (p.done.iter().map(Vec::len).sum::<usize>() + p.current.len()) as f64
        } else {
            0.0
        }
    })
}

/// The cache key of a file: a URL below the page, independent of where it was downloaded.
fn cache_key(file: &str) -> String {
    let base = gloo::utils::document()
        .base_uri()
        .ok()
        .flatten()
        .unwrap_or_default();
    web_sys::Url::new_with_base(&format!("hub-cache/gpt2/{file}"), &base)
        .map(|u| u.href())
        .unwrap_or_else(|_| format!("hub-cache/gpt2/{file}"))
}

async fn open_cache() -> Result<web_sys::Cache, String> {
    let caches = gloo::utils::window()
        .caches()
        .map_err(|_| "this browser has no Cache Storage".to_string())?;
    JsFuture::from(caches.open(CACHE))
        .await
        .map(JsCast::unchecked_into)
        .map_err(|_| "the browser's cache cannot be opened".to_string())
}

/// Whether all of GPT-2's files are in the cache.
pub async fn is_cached() -> bool {
    let Ok(cache) = open_cache().await else {
        return false;
    };
    for file in FILES {
        match JsFuture::from(cache.match_with_str(&cache_key(file))).await {
            Ok(r) if r.is_instance_of::<web_sys::Response>() => {}
            _ => return false,
        }
    }
    true
}

/// GPT-2's files from the cache, or `None` when they are not all there.
pub async fn load_cached() -> Result<Option<Files>, String> {
    let cache = open_cache().await?;
    let mut parts = Vec::new();
    for file in FILES {
        let found = JsFuture::from(cache.match_with_str(&cache_key(file)))
            .await
            .map_err(|_| "the browser's cache cannot be read".to_string())?;
        let Ok(response) = found.dyn_into::<web_sys::Response>() else {
            return Ok(None);
        };
        let buffer = response
            .array_buffer()
            .map_err(|_| format!("{file}: unreadable in the cache"))?;
        let buffer = JsFuture::from(buffer)
            .await
            .map_err(|_| format!("{file}: unreadable in the cache"))?;
        parts.push(Uint8Array::new(&buffer).to_vec());
    }
    files_from(parts).map(Some)
}

/// Removes GPT-2 from the cache.
pub async fn forget() -> Result<(), String> {
    let cache = open_cache().await?;
    for file in FILES {
        JsFuture::from(cache.delete_with_str(&cache_key(file)))
            .await
            .map_err(|_| "the browser's cache cannot be changed".to_string())?;
    }
    Ok(())
}

fn files_from(mut parts: Vec<Vec<u8>>) -> Result<Files, String> {
    let weights = parts.pop().unwrap_or_default();
    let text = |b: Vec<u8>, name: &str| {
        String::from_utf8(b).map_err(|_| format!("{name} is not UTF-8 text"))
    };
    let tokenizer = text(parts.pop().unwrap_or_default(), FILES[1])?;
    let config = text(parts.pop().unwrap_or_default(), FILES[0])?;
    Ok(Files {
        config,
        tokenizer,
        weights,
    })
}

/// Downloads the files from `source` (a folder URL ending in `/`), resuming an unfinished
/// download from the same source, and stores them in the cache. `progress` hears about every
/// ~100 ms. An error keeps what arrived.
pub async fn download(source: &str, progress: impl Fn(Progress)) -> Result<Files, String> {
    CANCEL.with(|c| c.set(false));
    let (mut done, mut current) = PARTIAL.with(|p| {
        let mut p = p.borrow_mut();
        if p.source != source {
            *p = Partial {
                source: source.to_string(),
                ..Partial::default()
            };
        }
        (std::mem::take(&mut p.done), std::mem::take(&mut p.current))
    });
    let keep = |done: Vec<Vec<u8>>, current: Vec<u8>| {
        PARTIAL.with(|p| {
            let mut p = p.borrow_mut();
            p.done = done;
            p.current = current;
        })
    };
    let mut before: f64 = done.iter().map(|f| f.len() as f64).sum();
    while done.len() < FILES.len() {
        let file = FILES[done.len()];
        let result = fetch_file(&format!("{source}{file}"), &mut current, |got, total| {
            progress(Progress {
                done: before + got,
                total: total.map(|t| before + t),
            })
        })
        .await;
        match result {
            Ok(()) => {
                before += current.len() as f64;
                done.push(std::mem::take(&mut current));
            }
            Err(e) => {
                keep(done, current);
                return Err(format!("{file}: {e}"));
            }
        }
    }
    let files = files_from(done)?;
    store(&files).await;
    Ok(files)
}

/// Puts the files into the cache. A full disk only costs the next visit a download, so a
/// failure here is logged, not raised.
async fn store(files: &Files) {
    let Ok(cache) = open_cache().await else {
        return;
    };
    let bodies: [&[u8]; 3] = [
        files.config.as_bytes(),
        files.tokenizer.as_bytes(),
        &files.weights,
    ];
    for (file, body) in FILES.iter().zip(bodies) {
        let array = Uint8Array::from(body);
        let Ok(response) = web_sys::Response::new_with_opt_buffer_source(Some(&array)) else {
            return;
        };
        if let Err(e) = JsFuture::from(cache.put_with_str(&cache_key(file), &response)).await {
            web_sys::console::warn_2(&"Lupe: GPT-2 could not be cached".into(), &e);
            return;
        }
    }
}

/// Streams `url` into `buf`, asking only for the bytes after those already in `buf` (a 206
/// answer appends; a 200 answer starts over). Calls `progress(bytes, total)`.
async fn fetch_file(
    url: &str,
    buf: &mut Vec<u8>,
    progress: impl Fn(f64, Option<f64>),
) -> Result<(), String> {
    let init = web_sys::RequestInit::new();
    if !buf.is_empty() {
        let headers = web_sys::Headers::new().map_err(|_| "no headers".to_string())?;
        headers
            .set("Range", &format!("bytes={}-", buf.len()))
            .map_err(|_| "no headers".to_string())?;
        init.set_headers(&headers);
    }
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| "the network request failed (offline?)".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response".to_string())?;
    match response.status() {
        206 => {}
        200 => buf.clear(),
        s => return Err(format!("HTTP {s}")),
    }
    let length = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|l| l.parse::<f64>().ok());
    let total = length.map(|l| l + buf.len() as f64);
    if let Some(t) = total {
        buf.reserve((t as usize).saturating_sub(buf.len()));
    }
    let body = response.body().ok_or("the answer has no body")?;
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let now = || gloo::utils::window().performance().map_or(0.0, |p| p.now());
    let mut last = now();
    progress(buf.len() as f64, total);
    loop {
        if CANCEL.with(Cell::get) {
            let _ = reader.cancel();
            return Err("stopped".to_string());
        }
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| "the download broke off".to_string())?;
        if field(&chunk, "done").as_bool().unwrap_or(true) {
            break;
        }
        let value: Uint8Array = field(&chunk, "value").unchecked_into();
        let start = buf.len();
        buf.resize(start + value.length() as usize, 0);
        value.copy_to(&mut buf[start..]);
        if now() - last > 100.0 {
            last = now();
            progress(buf.len() as f64, total);
        }
    }
    if let Some(t) = total
        && (buf.len() as f64) < t
    {
        return Err("the download broke off".to_string());
    }
    progress(buf.len() as f64, total);
    Ok(())
}

fn field(object: &JsValue, name: &str) -> JsValue {
    Reflect::get(object, &name.into()).unwrap_or(JsValue::UNDEFINED)
}
