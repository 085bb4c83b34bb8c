//! Chapter 3 — token IDs and the embedding table: the row lookup, the vector as a colour strip,
//! nearest neighbours with their angles, a 2-D map of the vocabulary, and the analogy calculator.

use std::rc::Rc;

use yew::prelude::*;

use super::pickers::TokenPicker;
use crate::i18n::{Msg, number, tr, trf};
use crate::model::embedding::{analogy, nearest};
use crate::session::Loaded;
use crate::ui::context::use_app;
use crate::ui::palette::max_abs;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Bar, Bars, VectorStrip, on_text, visible};

fn angle(cos: f32) -> f32 {
    cos.clamp(-1.0, 1.0).acos().to_degrees()
}

/// Neighbours as bars: cosine and angle.
fn neighbour_bars(l: &Loaded, list: &[(u32, f32)]) -> Vec<Bar> {
    list.iter()
        .map(|&(id, c)| Bar {
            label: visible(&l.tokenizer.token_view(id).label),
            value: c.max(0.0),
            text: format!("{c:.3} · {:.0}°", angle(c)),
            emphasis: false,
            cut: false,
        })
        .collect()
}

#[function_component(Embeddings)]
pub fn embeddings() -> Html {
    let app = use_app();
    let lang = app.lang;
    let (Some(loaded), Some(a), Some(i)) = (app.loaded(), app.analysis.clone(), app.token_index())
    else {
        return html! {};
    };
    let table = &loaded.model.weights.token_embedding;
    let id = a.ids[i];
    let row = table.row(id as usize).to_vec();
    let scale = max_abs(&table.data);
    let label = loaded.tokenizer.token_view(id).label;
    let near = nearest(table, &row, 8, &[id]);
    let (v, d) = (table.rows, table.cols);
    html! {
        <>
            <section class="panel" aria-labelledby="emb-lookup">
                <h2 id="emb-lookup">{ tr(lang, Msg::EmbLookupTitle) }</h2>
                <Prose msg={Msg::EmbLookupExplain} values={vec![("d", d.to_string())]} />
                <TokenPicker />
                <p class="lookup" data-testid="emb-row">{ trf(lang, Msg::EmbRow, &[("token", &visible(&label)), ("id", &id.to_string()), ("v", &number(lang, v as u64)), ("d", &d.to_string())]) }</p>
                <div class="strip-scroll" tabindex="0"><VectorStrip values={row} scale={scale} label={format!("E[{id}]")} /></div>
                <p class="meta">{ tr(lang, Msg::StripLegend) }</p>
            </section>
            <section class="panel" aria-labelledby="emb-near">
                <h2 id="emb-near">{ tr(lang, Msg::EmbNearTitle) }</h2>
                <Prose msg={Msg::EmbNearExplain} />
                <div data-testid="emb-nearest"><Bars bars={neighbour_bars(&loaded, &near)} max={1.0} label={tr(lang, Msg::EmbNearTitle)} /></div>
            </section>
            <super::vocab_map::VocabularyMap loaded={loaded.clone()} highlight={a.ids.clone()} />
            <Analogy loaded={loaded.clone()} />
        </>
    }
}

#[derive(Properties)]
struct LoadedProps {
    loaded: Rc<Loaded>,
    #[prop_or_default]
    highlight: Vec<u32>,
}

impl PartialEq for LoadedProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &o.loaded) && self.highlight == o.highlight
    }
}

#[function_component(Analogy)]
fn analogy_calculator(p: &LoadedProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    let defaults = match lang {
        crate::i18n::Lang::De => ["König", "Mann", "Frau"],
        crate::i18n::Lang::En => ["king", "man", "woman"],
    };
    let words = use_state(|| defaults.map(String::from));
    // A change of language brings that language's example.
    {
        let words = words.clone();
        use_effect_with(lang, move |_| words.set(defaults.map(String::from)));
    }
    let t = &p.loaded.tokenizer;
    let ids: Vec<Result<u32, String>> = words
        .iter()
        .map(|w| t.word_token(w.trim()).map_err(|_| w.trim().to_string()))
        .collect();
    let table = &p.loaded.model.weights.token_embedding;
    let result = match (&ids[0], &ids[1], &ids[2]) {
        (Ok(a), Ok(b), Ok(c)) => Ok(analogy(table, *a, *b, *c, 5)),
        _ => Err(ids
            .iter()
            .filter_map(|r| r.clone().err())
            .collect::<Vec<_>>()),
    };
    let input = |i: usize, sign: &'static str| {
        let value = words[i].clone();
        let words = words.clone();
        let oninput = on_text(move |v| {
            let mut w = (*words).clone();
            w[i] = v.chars().take(40).collect();
            words.set(w);
        });
        html! {
            <>
                if !sign.is_empty() { <span class="op" aria-hidden="true">{ sign }</span> }
                <input type="text" class="word-input" {value} {oninput} aria-label={format!("{} {}", sign, i + 1)} data-testid={format!("analogy-{i}")} />
            </>
        }
    };
    html! {
        <section class="panel" aria-labelledby="emb-analogy">
            <h2 id="emb-analogy">{ tr(lang, Msg::EmbAnalogyTitle) }</h2>
            <Prose msg={Msg::EmbAnalogyExplain} />
            <div class="analogy">
                { input(0, "") }{ input(1, "−") }{ input(2, "+") }<span class="op" aria-hidden="true">{ "≈" }</span>
            </div>
            { match result {
                Ok(list) => html! { <div data-testid="analogy-result"><Bars bars={neighbour_bars(&p.loaded, &list)} max={1.0} label={tr(lang, Msg::EmbAnalogyTitle)} /></div> },
                Err(bad) => html! { <p class="prompt-status warn" role="status">{ for bad.iter().map(|w| trf(lang, Msg::NotOneToken, &[("word", w)])) }</p> },
            } }
            <p class="meta">{ tr(lang, Msg::EmbAnalogyFormula) }</p>
        </section>
    }
}
