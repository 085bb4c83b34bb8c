//! The Yew user interface (browser only). State lives in one reducer ([`state`]); components
//! render it and send it actions.
//!
//! - [`app`]: the root component: start-up, hash and keyboard listeners, layout.
//! - [`state`]: `AppState` and its reducer, which decides per action whether the prompt is
//!   analysed again; it writes nothing to storage (the app's effects do).
//! - [`prefs`]: language and theme remembered in `localStorage`.
//! - [`progress`]: lesson steps done and questions answered, remembered in `localStorage`.
//! - [`context`]: the state shared with every component; `use_traced` for the chapters that
//!   show the traced pass.
//! - [`header`], [`nav`], [`status`], [`chapter`], [`prompt`]: the parts of the page.
//! - [`chapters`]: one module per chapter.
//! - [`hooks`]: hooks several components share (the width a figure has on screen).
//! - [`lesson`]: the goal, guided steps, checked questions and teacher notes of a chapter.
//! - [`map`]: the model as a live diagram (overview) and its compact form atop every chapter.
//! - [`terms`]: explanation paragraphs whose glossary terms link to the glossary.
//! - [`widgets`], [`palette`]: chips, heatmaps, strips and bars, and their colours.
//! - [`fetch`]: loading the model files that ship with the site.
//! - [`offline`]: the service worker that keeps the app usable offline.
//! - [`traces`]: the traced pass of the prompt, deferred so the page draws first (GPU or CPU).

mod app;
mod chapter;
mod chapters;
mod context;
pub mod fetch;
mod header;
mod hooks;
mod hub;
mod lab;
mod lesson;
mod local_files;
mod map;
mod models;
mod nav;
mod offline;
mod palette;
mod prefs;
mod progress;
mod prompt;
mod state;
mod status;
mod terms;
mod traces;
mod widgets;

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
