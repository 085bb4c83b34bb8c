//! Chapter 3 — token IDs and the embedding table: the row lookup, the vector as a colour strip,
//! nearest neighbours with their angles, a 2-D map of the vocabulary, and the analogy calculator.

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::pickers::TokenPicker;
use crate::i18n::{Msg, number, tr, trf};
use crate::model::embedding::{Pca, analogy, nearest, pca_2d};
use crate::session::Loaded;
use crate::ui::context::use_app;
use crate::ui::palette::max_abs;
use crate::ui::terms::Prose;
use crate::ui::widgets::{Bar, Bars, VectorStrip, visible};

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
            <VocabularyMap loaded={loaded.clone()} highlight={a.ids.clone()} />
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

/// Token ids with their map coordinates.
type MapPoints = Rc<Vec<(u32, (f32, f32))>>;

/// Most points on the vocabulary map (an even sample beyond).
const MAP_MAX: usize = 3000;

#[function_component(VocabularyMap)]
fn vocabulary_map(p: &LoadedProps) -> Html {
    let app = use_app();
    let lang = app.lang;
    // The learned tokens only: the 256 single bytes and the specials would crowd the map. A
    // large vocabulary is shown as an even sample.
    let key = Rc::as_ptr(&p.loaded) as usize;
    let sample = use_memo(key, {
        let loaded = p.loaded.clone();
        move |_| {
            let t = &loaded.tokenizer;
            let table = &loaded.model.weights.token_embedding;
            let learned: Vec<u32> = (256..t.vocab_size() as u32)
                .filter(|&i| !t.is_special(i))
                .collect();
            let stride = learned.len().div_ceil(MAP_MAX).max(1);
            let ids: Vec<u32> = learned.iter().step_by(stride).copied().collect();
            let mut sub = crate::model::Matrix::zeros(ids.len(), table.cols);
            for (r, &id) in ids.iter().enumerate() {
                sub.row_mut(r).copy_from_slice(table.row(id as usize));
            }
            (ids, sub, learned.len())
        }
    });
    // Small tables at once; larger ones a few steps per frame, with progress.
    let small = sample.1.rows * sample.1.cols <= 200_000;
    let computed = use_state(|| None::<(usize, MapPoints)>);
    let progress = use_state(|| 0.0f32);
    let runs = use_mut_ref(|| 0u64);
    {
        let (sample, computed, progress) = (sample.clone(), computed.clone(), progress.clone());
        use_effect_with(key, move |&key| {
            *runs.borrow_mut() += 1;
            let run = *runs.borrow();
            if !small {
                wasm_bindgen_futures::spawn_local(async move {
                    let mut pca = Pca::new(&sample.1);
                    while !pca.done() {
                        for _ in 0..8 {
                            pca.step();
                        }
                        progress.set(pca.progress());
                        TimeoutFuture::new(0).await;
                        if *runs.borrow() != run {
                            return;
                        }
                    }
                    let points = sample.0.iter().copied().zip(pca.coords()).collect();
                    computed.set(Some((key, Rc::new(points))));
                });
            }
        });
    }
    let at_once = use_memo(key, {
        let sample = sample.clone();
        move |_| {
            small.then(|| {
                Rc::new(
                    sample
                        .0
                        .iter()
                        .copied()
                        .zip(pca_2d(&sample.1))
                        .collect::<Vec<_>>(),
                )
            })
        }
    });
    let points: Option<MapPoints> = (*at_once).clone().or_else(|| {
        computed
            .as_ref()
            .filter(|(k, _)| *k == key)
            .map(|(_, p)| p.clone())
    });
    let sampled = (sample.0.len() < sample.2).then(|| {
        trf(
            lang,
            Msg::VocabSample,
            &[
                ("v", &number(lang, sample.2 as u64)),
                ("k", &number(lang, sample.0.len() as u64)),
            ],
        )
    });
    let Some(points) = points else {
        return html! {
            <section class="panel" aria-labelledby="emb-map">
                <h2 id="emb-map">{ tr(lang, Msg::EmbMapTitle) }</h2>
                <div class="prompt-status" role="status">
                    <progress max="1" value={progress.to_string()} aria-label={tr(lang, Msg::EmbMapTitle)} />
                    { format!(" {:.0} %", *progress * 100.0) }
                </div>
            </section>
        };
    };
    let query = use_state(String::new);
    let (w, h, pad) = (640.0f32, 420.0f32, 16.0f32);
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &(_, (x, y)) in points.iter() {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let sx = |x: f32| pad + (x - x0) / (x1 - x0).max(1e-6) * (w - 2.0 * pad);
    let sy = |y: f32| h - pad - (y - y0) / (y1 - y0).max(1e-6) * (h - 2.0 * pad);
    let t = &p.loaded.tokenizer;
    let q = query.trim().to_lowercase();
    let found: Vec<usize> = if q.is_empty() {
        Vec::new()
    } else {
        (0..points.len())
            .filter(|&i| {
                t.token_view(points[i].0)
                    .label
                    .trim()
                    .to_lowercase()
                    .contains(&q)
            })
            .take(40)
            .collect()
    };
    let on_input = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(i) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                query.set(i.value());
            }
        })
    };
    // Map positions of the prompt's tokens (those on the map) and of the search hits.
    let labelled: Vec<usize> = (0..points.len())
        .filter(|&i| p.highlight.contains(&points[i].0))
        .chain(found.iter().copied())
        .collect();
    html! {
        <section class="panel" aria-labelledby="emb-map">
            <h2 id="emb-map">{ tr(lang, Msg::EmbMapTitle) }</h2>
            <Prose msg={Msg::EmbMapExplain} values={vec![("v", number(lang, sample.2 as u64)), ("d", p.loaded.model.config.d_model.to_string())]} />
            if let Some(note) = sampled { <p class="meta">{ note }</p> }
            <label class="field inline">
                <span>{ tr(lang, Msg::EmbSearch) }</span>
                <input type="search" value={(*query).clone()} oninput={on_input} data-testid="map-search" />
                if !q.is_empty() { <span class="meta">{ trf(lang, Msg::EmbFound, &[("n", &found.len().to_string())]) }</span> }
            </label>
            <div class="map-scroll" tabindex="0">
                <svg class="vocab-map" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={tr(lang, Msg::EmbMapTitle)} data-testid="vocab-map">
                    <rect x="0" y="0" width={w.to_string()} height={h.to_string()} class="plot-bg" />
                    { for points.iter().map(|&(id, (x, y))| html! {
                        <circle cx={format!("{:.1}", sx(x))} cy={format!("{:.1}", sy(y))} r="2.4" class="dot">
                            <title>{ format!("{} · {id}", visible(&t.token_view(id).label)) }</title>
                        </circle>
                    }) }
                    { for labelled.iter().map(|&i| {
                        let (id, (x, y)) = points[i];
                        let is_prompt = p.highlight.contains(&id);
                        html! {
                            <g class={classes!("map-label", is_prompt.then_some("prompt"))}>
                                <circle cx={format!("{:.1}", sx(x))} cy={format!("{:.1}", sy(y))} r="5" />
                                <text x={format!("{:.1}", sx(x) + 7.0)} y={format!("{:.1}", sy(y) + 4.0)}>{ visible(&t.token_view(id).label) }</text>
                            </g>
                        }
                    }) }
                </svg>
            </div>
            <p class="meta">{ tr(lang, Msg::EmbMapAxes) }</p>
        </section>
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
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                let mut w = (*words).clone();
                w[i] = el.value().chars().take(40).collect();
                words.set(w);
            }
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
