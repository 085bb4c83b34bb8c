//! The app state as a Yew context, so that chapters read and change it without passing it down
//! through every component.

use std::rc::Rc;

use yew::prelude::*;

use super::state::{AppState, Slot};
use crate::i18n::{Msg, tr};
use crate::model::Trace;
use crate::session::{Analysis, Loaded};

/// The reducer handle every component shares.
pub type App = UseReducerHandle<AppState>;

/// The app state from the nearest provider (the root component provides it).
#[hook]
pub fn use_app() -> App {
    use_context::<App>().expect("the app state is provided by the root component")
}

/// What a chapter about the traced pass shows: the model, the prompt's analysis with its
/// trace, and the selected token's position.
pub struct Traced {
    pub loaded: Rc<Loaded>,
    pub analysis: Rc<Analysis>,
    pub token: usize,
}

impl Traced {
    /// The traced pass ([`use_traced`] hands out only analyses that have one).
    pub fn trace(&self) -> &Trace {
        self.analysis
            .trace
            .as_ref()
            .expect("use_traced hands out only analyses with a trace")
    }
}

/// The app with a loaded model and a traced pass over a non-empty prompt, or else the one view
/// every such chapter shows until they exist: why there is nothing to show yet (the model is
/// loading or failed, the prompt is empty, a large model is still computing).
#[hook]
pub fn use_traced() -> Result<Traced, Html> {
    let app = use_app();
    let lang = app.lang;
    let wait = |m: Msg| Err(html! { <p class="not-ready" role="status">{ tr(lang, m) }</p> });
    let Some(loaded) = app.loaded() else {
        return match app.slot(app.model) {
            Slot::Failed(_) => wait(Msg::ModelFailed),
            _ => wait(Msg::ModelLoading),
        };
    };
    let (Some(analysis), Some(token)) = (app.analysis.clone(), app.token_index()) else {
        return wait(Msg::PromptEmpty);
    };
    if analysis.trace.is_none() {
        return wait(Msg::ChapterComputing);
    }
    Ok(Traced {
        loaded,
        analysis,
        token,
    })
}
