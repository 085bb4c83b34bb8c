//! Hooks shared by several components.

use gloo::events::EventListener;
use yew::prelude::*;

/// The width in CSS pixels that the element behind `node` has on screen, measured after it is
/// drawn and again whenever the window is resized; `fallback` until then. Figures use it to fill
/// the room they have (a projector's, a phone's) instead of a fixed size.
#[hook]
pub fn use_width(node: NodeRef, fallback: f64) -> f64 {
    let width = use_state_eq(|| fallback);
    {
        let width = width.clone();
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let w = f64::from(el.client_width());
                    if w > 0.0 {
                        width.set(w);
                    }
                }
            };
            measure();
            let listener = EventListener::new(&gloo::utils::window(), "resize", move |_| measure());
            move || drop(listener)
        });
    }
    *width
}
