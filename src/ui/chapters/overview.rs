//! Chapter 1 — the whole model at a glance: what a GPT is and the loop it writes in, the live map
//! of the loaded model, where its parameters sit (counted from the loaded tensors), and how it
//! compares with GPT-2 small and GPT-3.

use yew::prelude::*;

use crate::i18n::{Lang, Msg, number, quoted, tr, trf};
use crate::model::anatomy::{Anatomy, GPT2_SMALL, GPT3, Published};
use crate::ui::context::use_app;
use crate::ui::map::{LiveMap, MapFacts};
use crate::ui::terms::Prose;
use crate::ui::widgets::{percent, visible};

#[function_component(OverviewChapter)]
pub fn overview_chapter() -> Html {
    let app = use_app();
    let lang = app.lang;
    let facts = MapFacts::of(&app);
    html! {
        <>
            <section class="panel" aria-labelledby="ov-what">
                <h2 id="ov-what">{ tr(lang, Msg::OvWhatTitle) }</h2>
                <Prose msg={Msg::OvWhatExplain} />
                <Prose msg={Msg::OvLoopExplain} />
                if let Some(f) = &facts { <LoopExample facts={f.clone()} /> }
            </section>
            if let Some(f) = facts {
                <div class="overview-grid">
                    <section class="panel map-panel" aria-labelledby="ov-map">
                        <h2 id="ov-map">{ tr(lang, Msg::OvMapTitle) }</h2>
                        <Prose msg={Msg::OvMapExplain} values={vec![("d", number(lang, f.d_model as u64))]} />
                        <LiveMap facts={f} />
                    </section>
                    <div class="overview-side">
                        <Parameters />
                        <Scale />
                    </div>
                </div>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct LoopProps {
    facts: MapFacts,
}

/// One turn of the loop with the live prompt: the likeliest next token, appended.
#[function_component(LoopExample)]
fn loop_example(p: &LoopProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some((token, prob)) = p.facts.next.first() else {
        return html! {};
    };
    html! {
        <ol class="loop-steps" data-testid="loop-example">
            <li>{ tr(lang, Msg::OvLoopPrompt) }{ " " }<span class="token-text">{ quoted(lang, &p.facts.prompt) }</span></li>
            <li>{ trf(lang, Msg::OvLoopNext, &[("t", &visible(token)), ("p", &percent(*prob))]) }</li>
            <li>{ tr(lang, Msg::OvLoopAppend) }{ " " }<span class="token-text">{ quoted(lang, &format!("{}{}", p.facts.prompt, token)) }</span></li>
            <li>{ tr(lang, Msg::OvLoopAgain) }</li>
        </ol>
    }
}

/// Where the parameters sit, counted tensor by tensor from the loaded weights.
#[function_component(Parameters)]
fn parameters() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(loaded) = app.loaded() else {
        return html! {};
    };
    let a = Anatomy::of(&loaded.model.weights);
    let total = a.total();
    let layers = number(lang, a.layers as u64);
    let mut rows = vec![
        (
            trf(lang, Msg::OvPartEmbedding, &[]),
            a.token_embedding,
            "embedding",
        ),
        (
            tr(lang, Msg::OvPartPositions).to_string(),
            a.positions,
            "positions",
        ),
        (
            trf(lang, Msg::OvPartAttention, &[("n", &layers)]),
            a.attention,
            "attention",
        ),
        (
            trf(lang, Msg::OvPartNorms, &[("n", &layers)]),
            a.block_norms + a.final_norm,
            "norms",
        ),
        (trf(lang, Msg::OvPartFfn, &[("n", &layers)]), a.ffn, "ffn"),
    ];
    if !a.tied {
        rows.push((tr(lang, Msg::OvPartHead).to_string(), a.head, "head"));
    }
    let share = |n: usize| {
        if total == 0 {
            0.0
        } else {
            n as f32 / total as f32
        }
    };
    html! {
        <section class="panel" aria-labelledby="ov-params">
            <h2 id="ov-params">{ tr(lang, Msg::OvParamsTitle) }</h2>
            <Prose msg={Msg::OvParamsExplain} />
            <table class="numbers" data-testid="param-table">
                <thead><tr>
                    <th scope="col">{ tr(lang, Msg::OvPart) }</th>
                    <th scope="col" class="num">{ tr(lang, Msg::OvCount) }</th>
                    <th scope="col" class="num">{ tr(lang, Msg::OvShare) }</th>
                </tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(name, n, key)| html! {
                        <tr data-part={key}>
                            <th scope="row">{ name }</th>
                            <td class="num">{ number(lang, n as u64) }</td>
                            <td class="num">{ percent(share(n)) }</td>
                        </tr>
                    }) }
                </tbody>
                <tfoot><tr>
                    <th scope="row">{ tr(lang, Msg::OvTotal) }</th>
                    <td class="num" data-testid="param-total" data-value={total.to_string()}>{ number(lang, total as u64) }</td>
                    <td class="num">{ "100 %" }</td>
                </tr></tfoot>
            </table>
            <p class="meta" data-testid="tying-note">{ tr(lang, if a.tied { Msg::OvTied } else { Msg::OvUntied }) }</p>
            <p class="meta">{ trf(lang, Msg::OvFfnShare, &[("share", &percent(a.ffn_share() as f32)), ("ffn", &number(lang, (a.ffn / a.layers.max(1)) as u64)), ("layer", &number(lang, a.per_layer() as u64))]) }</p>
        </section>
    }
}

/// The loaded model beside GPT-2 small and GPT-3, with how many times bigger each is.
#[function_component(Scale)]
fn scale() -> Html {
    let app = use_app();
    let lang = app.lang;
    let Some(loaded) = app.loaded() else {
        return html! {};
    };
    let c = &loaded.model.config;
    let ours = Published {
        name: "",
        layers: c.n_layer,
        d_model: c.d_model,
        heads: c.n_head,
        vocab: c.vocab_size,
        context: c.n_ctx,
        parameters: Anatomy::of(&loaded.model.weights).total() as u64,
        source: "",
    };
    let times =
        |p: &Published| times_bigger(lang, p.parameters as f64 / ours.parameters.max(1) as f64);
    let num = |n: usize| number(lang, n as u64);
    let row = |name: String, p: &Published, key: &str| {
        html! {
            <tr data-model={key.to_string()}>
                <th scope="row">{ name }</th>
                <td class="num">{ num(p.layers) }</td>
                <td class="num">{ num(p.d_model) }</td>
                <td class="num">{ num(p.heads) }</td>
                <td class="num">{ num(p.vocab) }</td>
                <td class="num">{ num(p.context) }</td>
                <td class="num">{ number(lang, p.parameters) }</td>
                <td class="num">{ times(p) }</td>
            </tr>
        }
    };
    html! {
        <section class="panel" aria-labelledby="ov-scale">
            <h2 id="ov-scale">{ tr(lang, Msg::OvScaleTitle) }</h2>
            <Prose msg={Msg::OvScaleExplain} />
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="ov-scale">
                <table class="numbers" data-testid="scale-table">
                    <thead><tr>
                        <th scope="col">{ tr(lang, Msg::ModelLabel) }</th>
                        <th scope="col" class="num">{ tr(lang, Msg::OvLayers) }</th>
                        <th scope="col" class="num">{ "d_model" }</th>
                        <th scope="col" class="num">{ tr(lang, Msg::OvHeads) }</th>
                        <th scope="col" class="num">{ tr(lang, Msg::OvVocab) }</th>
                        <th scope="col" class="num">{ tr(lang, Msg::OvContext) }</th>
                        <th scope="col" class="num">{ tr(lang, Msg::OvParameters) }</th>
                        <th scope="col" class="num">{ tr(lang, Msg::OvTimes) }</th>
                    </tr></thead>
                    <tbody>
                        { row(tr(lang, Msg::OvLoaded).to_string(), &ours, "loaded") }
                        { row(GPT2_SMALL.name.to_string(), &GPT2_SMALL, "gpt2") }
                        { row(GPT3.name.to_string(), &GPT3, "gpt3") }
                    </tbody>
                </table>
            </div>
            <p class="meta">{ tr(lang, Msg::OvSources) }</p>
            <ul class="meta sources">
                <li>{ format!("{}: {}", GPT2_SMALL.name, GPT2_SMALL.source) }</li>
                <li>{ format!("{}: {}", GPT3.name, GPT3.source) }</li>
            </ul>
        </section>
    }
}

/// "1×", "124×", "175'000×": a ratio of sizes, rounded to a whole number above 10.
fn times_bigger(lang: Lang, ratio: f64) -> String {
    if ratio >= 10.0 {
        format!("{}×", number(lang, ratio.round() as u64))
    } else {
        format!("{ratio:.1}×")
    }
}
