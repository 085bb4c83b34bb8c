//! Chapter 4 — positions: the learned position table beside the sinusoidal formula, X = E + P
//! for the prompt, and relative positions (distances) as the third kind.

use yew::prelude::*;

use super::pickers::TokenPicker;
use crate::i18n::{Msg, tr, trf};
use crate::model::Positions;
use crate::model::embedding::position_vectors;
use crate::ui::context::use_app;
use crate::ui::palette::max_abs;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Heatmap, Scale, VectorStrip, visible};

/// How many positions the heatmaps show.
const SHOWN: usize = 32;

#[function_component(PositionsChapter)]
pub fn positions() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(loaded), Some(a)) = (app.loaded(), app.analysis.clone()) else {
        return html! {};
    };
    let c = &loaded.model.config;
    let w = &loaded.model.weights;
    let d = c.d_model;
    let k = SHOWN.min(c.n_ctx);
    let learned = position_vectors(c.positions, w.position_embedding.as_ref(), d, 0, k);
    let sinus = position_vectors(Positions::Sinusoidal, None, d, 0, k);
    let axes = trf(lang, Msg::PosAxes, &[("d", &d.to_string())]);
    let sum = a.trace.as_ref().map(|t| {
        let scale = max_abs(&t.input.data);
        let t = t.clone();
        html! {
            <div class="sum-table" data-testid="pos-sum" tabindex="0">
                <div class="sum-head"><span></span><span>{ "E" }</span><span>{ "P" }</span><span>{ "X = E + P" }</span></div>
                { for (0..t.ids.len()).map(|r| html! {
                    <div class="sum-row">
                        <span class="sum-token">{ format!("{} {}", r, visible(&loaded.tokenizer.token_view(t.ids[r]).label)) }</span>
                        <VectorStrip values={t.token_embeddings.row(r).to_vec()} scale={scale} label={format!("E {r}")} cell={2} height={16} />
                        <VectorStrip values={t.position_vectors.row(r).to_vec()} scale={scale} label={format!("P {r}")} cell={2} height={16} />
                        <VectorStrip values={t.input.row(r).to_vec()} scale={scale} label={format!("X {r}")} cell={2} height={16} />
                    </div>
                }) }
            </div>
        }
    });
    html! {
        <>
            <div class="two-col">
                <section class="panel" aria-labelledby="pos-learned">
                    <h2 id="pos-learned">{ tr(lang, Msg::PosTableTitle) }</h2>
                    if c.positions == Positions::Learned {
                        <Prose msg={Msg::PosTableExplain} values={vec![("n", (c.n_ctx - 1).to_string()), ("k", k.to_string())]} />
                    } else {
                        <Prose msg={Msg::PosFormulaExplain} values={vec![("k", k.to_string())]} />
                    }
                    <div class="fit"><Heatmap rows={k} cols={d} values={learned.data} scale={Scale::Diverging} label={tr(lang, Msg::PosTableTitle)} cell={4} /></div>
                    <p class="meta">{ axes.clone() }</p>
                </section>
                <section class="panel" aria-labelledby="pos-sin">
                    <h2 id="pos-sin">{ tr(lang, Msg::PosSinTitle) }</h2>
                    <Prose msg={Msg::PosSinExplain} />
                    <div class="fit"><Heatmap rows={k} cols={d} values={sinus.data} scale={Scale::Diverging} label={tr(lang, Msg::PosSinTitle)} cell={4} /></div>
                    <p class="meta formula">{ "P[pos, 2i] = sin(pos / 10000^(2i/d)) · P[pos, 2i+1] = cos(pos / 10000^(2i/d))" }</p>
                </section>
            </div>
            <section class="panel" aria-labelledby="pos-sum">
                <h2 id="pos-sum">{ tr(lang, Msg::PosSumTitle) }</h2>
                <Prose msg={Msg::PosSumExplain} />
                { for sum }
                <p class="meta">{ tr(lang, Msg::StripLegend) }</p>
            </section>
            <Relative />
        </>
    }
}

/// The prompt's tokens with their absolute positions and their distances to the chosen token.
#[function_component(Relative)]
fn relative() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(loaded), Some(a), Some(sel)) =
        (app.loaded(), app.analysis.clone(), app.token_index())
    else {
        return html! {};
    };
    let label = |id: u32| visible(&loaded.tokenizer.token_view(id).label);
    html! {
        <section class="panel" aria-labelledby="pos-rel">
            <h2 id="pos-rel">{ tr(lang, Msg::PosRelTitle) }</h2>
            <Prose msg={Msg::PosRelExplain} />
            <TokenPicker />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="pos-rel">
                <table class="numbers relative" data-testid="pos-relative">
                    <tbody>
                        <tr>
                            <th scope="row">{ tr(lang, Msg::TokChipsTitle) }</th>
                            { for a.ids.iter().enumerate().map(|(i, &id)| html! {
                                <td class={classes!((i == sel).then_some("selected"))}>{ label(id) }</td>
                            }) }
                        </tr>
                        <tr>
                            <th scope="row">{ tr(lang, Msg::PosRelAbsolute) }</th>
                            { for (0..a.ids.len()).map(|i| html! { <td class="num">{ i }</td> }) }
                        </tr>
                        <tr>
                            <th scope="row">{ trf(lang, Msg::PosRelDistance, &[("t", &label(a.ids[sel]))]) }</th>
                            { for (0..a.ids.len()).map(|i| html! {
                                <td class="num">{ if i <= sel { format!("{}", i as i64 - sel as i64) } else { "–".to_string() } }</td>
                            }) }
                        </tr>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
