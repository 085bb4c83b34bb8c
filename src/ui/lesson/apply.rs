//! "Show me": a step's patch applied to the current view and opened through the URL (so the
//! back button undoes it and the link can be shared), then the step's control scrolled into view
//! and highlighted.

use gloo::timers::callback::Timeout;
use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;

use crate::chapters::Chapter;
use crate::lesson::lesson;
use crate::lesson::patch::{Fit, Patch, Shortfall};
use crate::route::{self, ViewState};
use crate::ui::context::App;
use crate::ui::state::Action;

/// The view a patch gives from `view`, with the loaded model's tokenizer and sizes.
pub fn patched(app: &App, view: &ViewState, patch: &Patch) -> (ViewState, Vec<Shortfall>) {
    let loaded = app.loaded();
    let labels = |prompt: &str| -> Vec<String> {
        loaded.as_ref().map_or_else(Vec::new, |l| {
            let t = &l.tokenizer;
            t.encode_with(prompt, true)
                .into_iter()
                .map(|id| t.token_view(id).label)
                .collect()
        })
    };
    let fit = loaded.as_ref().map(|l| Fit {
        layers: l.model.config.n_layer,
        heads: l.model.config.n_head,
    });
    patch.apply(view, app.lang, labels, fit)
}

/// Shows step `i` (from 0) of chapter `c`: sets its state, marks it done, and highlights its
/// control once the page has drawn. Returns what could not be done as asked.
pub fn show_step(app: &App, c: Chapter, i: usize) -> Vec<Shortfall> {
    let Some(step) = lesson(c).and_then(|l| l.steps.get(i)) else {
        return Vec::new();
    };
    let (mut view, short) = patched(app, &app.view(), &step.patch);
    view.lesson = Some(i + 1);
    app.dispatch(Action::StepDone(c, i + 1));
    let hash = route::to_hash(&view);
    let _ = gloo::utils::window().location().set_hash(&hash);
    let target = step.target;
    wasm_bindgen_futures::spawn_local(async move {
        // Let the new state render (a chapter may draw its panel only after computing).
        TimeoutFuture::new(120).await;
        highlight(target);
    });
    short
}

/// Scrolls the panel holding the element `id` into view and outlines it for a moment.
fn highlight(id: &str) {
    let document = gloo::utils::document();
    let Some(el) = document.get_element_by_id(id) else {
        return;
    };
    let panel = el.closest("section").ok().flatten().unwrap_or(el);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Start);
    panel.scroll_into_view_with_scroll_into_view_options(&options);
    let _ = panel.set_attribute("data-flash", "on");
    if let Ok(html) = panel.clone().dyn_into::<web_sys::HtmlElement>() {
        // Keyboard and screen-reader users land on the control too.
        if html.get_attribute("tabindex").is_none() {
            let _ = html.set_attribute("tabindex", "-1");
        }
        let _ = html.focus();
    }
    Timeout::new(2600, move || {
        let _ = panel.remove_attribute("data-flash");
    })
    .forget();
}
