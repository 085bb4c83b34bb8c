//! The Yew user interface (browser only). State lives in one reducer ([`state`]); components
//! render it and send it actions.
//!
//! - [`app`]: the root component: start-up, hash and keyboard listeners, layout.
//! - [`state`]: `AppState` and its reducer.
//! - [`prefs`]: language and theme remembered in `localStorage`.
//! - [`header`], [`nav`], [`status`], [`chapter`]: the parts of the page.

mod app;
mod chapter;
mod header;
mod nav;
mod prefs;
mod state;
mod status;

/// Mounts the app into `<div id="app">` (replacing the loading message there).
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}
