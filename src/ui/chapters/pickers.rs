//! Controls several chapters share: choosing a token of the prompt, and a layer and head.

use yew::prelude::*;

use crate::i18n::{Msg, tr};
use crate::ui::context::use_app;
use crate::ui::state::Action;
use crate::ui::widgets::{Chip, TokenChips};

/// The tokens the model reads, as chips; clicking one selects it.
#[function_component(TokenPicker)]
pub fn token_picker() -> Html {
    let app = use_app();
    let (Some(loaded), Some(a)) = (app.loaded(), app.analysis.clone()) else {
        return html! {};
    };
    let chips: Vec<Chip> = a
        .ids
        .iter()
        .map(|&id| {
            let v = loaded.tokenizer.token_view(id);
            Chip {
                label: v.label,
                id,
                special: v.special,
                marked: false,
            }
        })
        .collect();
    let on_select = {
        let app = app.clone();
        Callback::from(move |i: usize| app.dispatch(Action::SetToken(Some(i))))
    };
    html! {
        <div class="picker">
            <span class="picker-label">{ tr(app.lang, Msg::PickToken) }{ ":" }</span>
            <TokenChips chips={chips} selected={app.token_index()} on_select={on_select} show_ids=false label={tr(app.lang, Msg::PickToken)} />
        </div>
    }
}

/// Layer and head as two rows of numbered buttons.
#[function_component(LayerHeadPicker)]
pub fn layer_head_picker() -> Html {
    let app = use_app();
    let Some(loaded) = app.loaded() else {
        return html! {};
    };
    let c = &loaded.model.config;
    let row = |label: Msg,
               n: usize,
               current: usize,
               make: fn(usize) -> Action,
               testid: &'static str| {
        let app = app.clone();
        html! {
            <div class="segmented numbers" role="group" aria-label={tr(app.lang, label)} data-testid={testid}>
                <span class="picker-label">{ tr(app.lang, label) }</span>
                { for (0..n).map(|i| {
                    let app = app.clone();
                    html! { <button type="button" aria-pressed={(i == current).to_string()} onclick={ move |_| app.dispatch(make(i)) }>{ i + 1 }</button> }
                }) }
            </div>
        }
    };
    html! {
        <div class="layer-head">
            { row(Msg::LayerLabel, c.n_layer, app.layer, Action::SetLayer, "layer-picker") }
            { row(Msg::HeadLabel, c.n_head, app.head, Action::SetHead, "head-picker") }
        </div>
    }
}

/// The layer alone, as numbered buttons.
#[function_component(LayerPicker)]
pub fn layer_picker() -> Html {
    let app = use_app();
    let Some(loaded) = app.loaded() else {
        return html! {};
    };
    html! {
        <div class="layer-head">
            <div class="segmented numbers" role="group" aria-label={tr(app.lang, Msg::LayerLabel)} data-testid="layer-picker">
                <span class="picker-label">{ tr(app.lang, Msg::LayerLabel) }</span>
                { for (0..loaded.model.config.n_layer).map(|i| {
                    let app = app.clone();
                    html! { <button type="button" aria-pressed={(i == app.layer).to_string()} onclick={ move |_| app.dispatch(Action::SetLayer(i)) }>{ i + 1 }</button> }
                }) }
            </div>
        </div>
    }
}
