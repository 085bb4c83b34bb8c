//! The app state as a Yew context, so that chapters read and change it without passing it down
//! through every component.

use yew::prelude::*;

use super::state::AppState;

/// The reducer handle every component shares.
pub type App = UseReducerHandle<AppState>;

/// The app state from the nearest provider (the root component provides it).
#[hook]
pub fn use_app() -> App {
    use_context::<App>().expect("the app state is provided by the root component")
}
