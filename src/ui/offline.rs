//! Offline use: registers the service worker (`www/sw.js`), which caches the app and the
//! built-in models after the first visit. Browsers without service workers, or pages not served
//! from a secure origin, simply stay online-only.

use wasm_bindgen_futures::JsFuture;

/// Registers `sw.js` next to the page. Failures are logged, never shown: the app works without.
pub async fn register_service_worker() {
    let window = gloo::utils::window();
    if !window.is_secure_context() {
        return;
    }
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("sw.js");
    if let Err(e) = JsFuture::from(promise).await {
        web_sys::console::warn_2(&"Lupe: the offline cache is unavailable".into(), &e);
    }
}
