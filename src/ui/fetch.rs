//! Loading files that ship with the site (relative URLs, so the site works under any path).

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The bytes at `url`, or a message naming the URL and what went wrong. Works in the page and
/// in a Web Worker (the training lab's).
pub async fn bytes(url: &str) -> Result<Vec<u8>, String> {
    let global = js_sys::global();
    let request = if let Some(window) = global.dyn_ref::<web_sys::Window>() {
        window.fetch_with_str(url)
    } else if let Some(worker) = global.dyn_ref::<web_sys::WorkerGlobalScope>() {
        worker.fetch_with_str(url)
    } else {
        return Err(format!("{url}: this context cannot fetch"));
    };
    let response = JsFuture::from(request)
        .await
        .map_err(|_| format!("{url}: the network request failed"))?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| format!("{url}: no response"))?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let buffer = response
        .array_buffer()
        .map_err(|_| format!("{url}: unreadable body"))?;
    let buffer = JsFuture::from(buffer)
        .await
        .map_err(|_| format!("{url}: the download broke off"))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

/// The text at `url` (UTF-8).
pub async fn text(url: &str) -> Result<String, String> {
    String::from_utf8(bytes(url).await?).map_err(|_| format!("{url}: not UTF-8 text"))
}

/// Downloads a model folder that ships with the site (`models/<name>/`: config.json,
/// model.safetensors, tokenizer.json and, if present, training_log.json) and builds it.
pub async fn model_folder(name: &str) -> Result<crate::session::Loaded, String> {
    let base = format!("models/{name}/");
    let config = text(&format!("{base}config.json")).await?;
    let weights = bytes(&format!("{base}model.safetensors")).await?;
    let tokenizer = text(&format!("{base}tokenizer.json")).await?;
    let log = text(&format!("{base}training_log.json")).await.ok();
    crate::session::Loaded::from_files(&config, &weights, &tokenizer, log.as_deref())
}

/// Downloads the embedding model (`models/<name>/`: config.json, model.safetensors,
/// projection.safetensors, tokenizer.json) and builds it with its tokenizer.
pub async fn embedder_folder(
    name: &str,
) -> Result<(crate::embedder::Embedder, crate::tokenizer::Tokenizer), String> {
    let base = format!("models/{name}/");
    let config = text(&format!("{base}config.json")).await?;
    let weights = bytes(&format!("{base}model.safetensors")).await?;
    let projection = bytes(&format!("{base}projection.safetensors")).await?;
    let tokenizer = text(&format!("{base}tokenizer.json")).await?;
    let embedder = crate::embedder::Embedder::from_bytes(&config, &weights, &projection)
        .map_err(|e| e.to_string())?;
    let tokenizer =
        crate::tokenizer::formats::from_tokenizer_json(&tokenizer).map_err(|e| e.to_string())?;
    crate::session::check_tokenizer(&tokenizer, &embedder.gpt.config)?;
    Ok((embedder, tokenizer))
}
