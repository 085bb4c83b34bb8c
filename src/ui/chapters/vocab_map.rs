//! The 2-D map of the vocabulary in chapter 3: the learned tokens' embedding rows projected onto
//! their two principal components (PCA), with the prompt's tokens and a search marked.

use std::rc::Rc;

use gloo::timers::future::TimeoutFuture;
use yew::prelude::*;

use crate::i18n::{Lang, Msg, number, tr, trf};
use crate::model::Matrix;
use crate::model::embedding::{Pca, pca_2d};
use crate::session::Loaded;
use crate::ui::context::use_app;
use crate::ui::terms::Prose;
use crate::ui::widgets::{on_text, visible};

/// Token ids with their map coordinates.
type MapPoints = Rc<Vec<(u32, (f32, f32))>>;

/// Most points on the vocabulary map (an even sample beyond).
const MAP_MAX: usize = 3000;

/// Tables up to this many numbers are projected at once; larger ones a few steps per frame.
const AT_ONCE: usize = 200_000;

/// The tokens on the map: the learned ones only (the 256 single bytes and the specials would
/// crowd it), an even sample of at most [`MAP_MAX`] of them, with their embedding rows
/// `[k × d]`, and the number of learned tokens.
struct MapSample {
    ids: Vec<u32>,
    rows: Matrix,
    learned: usize,
}

fn map_sample(loaded: &Loaded) -> MapSample {
    let t = &loaded.tokenizer;
    let table = &loaded.model.weights.token_embedding;
    let learned: Vec<u32> = (256..t.vocab_size() as u32)
        .filter(|&i| !t.is_special(i))
        .collect();
    let stride = learned.len().div_ceil(MAP_MAX).max(1);
    let ids: Vec<u32> = learned.iter().step_by(stride).copied().collect();
    let mut rows = Matrix::zeros(ids.len(), table.cols);
    for (r, &id) in ids.iter().enumerate() {
        rows.row_mut(r).copy_from_slice(table.row(id as usize));
    }
    MapSample {
        ids,
        rows,
        learned: learned.len(),
    }
}

/// The sample and its map points: small tables at once, larger ones a few PCA steps per frame
/// (the tab never freezes), with the progress of that computation (0–1) until the points exist.
#[hook]
fn use_map_points(loaded: &Rc<Loaded>) -> (Rc<MapSample>, Option<MapPoints>, f32) {
    let key = Rc::as_ptr(loaded) as usize;
    let sample = use_memo(key, {
        let loaded = loaded.clone();
        move |_| map_sample(&loaded)
    });
    let small = sample.rows.rows * sample.rows.cols <= AT_ONCE;
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
                    let mut pca = Pca::new(&sample.rows);
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
                    let points = sample.ids.iter().copied().zip(pca.coords()).collect();
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
                        .ids
                        .iter()
                        .copied()
                        .zip(pca_2d(&sample.rows))
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
    (sample, points, *progress)
}

#[derive(Properties)]
pub struct MapProps {
    pub loaded: Rc<Loaded>,
    /// The prompt's token ids: labelled on the map where they are on it.
    #[prop_or_default]
    pub highlight: Vec<u32>,
}

impl PartialEq for MapProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &o.loaded) && self.highlight == o.highlight
    }
}

#[function_component(VocabularyMap)]
pub fn vocabulary_map(p: &MapProps) -> Html {
    let lang = use_app().lang;
    let (sample, points, progress) = use_map_points(&p.loaded);
    let sampled = (sample.ids.len() < sample.learned).then(|| {
        trf(
            lang,
            Msg::VocabSample,
            &[
                ("v", &number(lang, sample.learned as u64)),
                ("k", &number(lang, sample.ids.len() as u64)),
            ],
        )
    });
    let Some(points) = points else {
        return html! {
            <section class="panel" aria-labelledby="emb-map">
                <h2 id="emb-map">{ tr(lang, Msg::EmbMapTitle) }</h2>
                <div class="prompt-status" role="status">
                    <progress max="1" value={progress.to_string()} aria-label={tr(lang, Msg::EmbMapTitle)} />
                    { format!(" {:.0} %", progress * 100.0) }
                </div>
            </section>
        };
    };
    html! {
        <section class="panel" aria-labelledby="emb-map">
            <h2 id="emb-map">{ tr(lang, Msg::EmbMapTitle) }</h2>
            <Prose msg={Msg::EmbMapExplain} values={vec![("v", number(lang, sample.learned as u64)), ("d", p.loaded.model.config.d_model.to_string())]} />
            if let Some(note) = sampled { <p class="meta">{ note }</p> }
            <MapPlot loaded={p.loaded.clone()} points={points} highlight={p.highlight.clone()} />
            <p class="meta">{ tr(lang, Msg::EmbMapAxes) }</p>
        </section>
    }
}

#[derive(Properties)]
struct PlotProps {
    loaded: Rc<Loaded>,
    points: MapPoints,
    highlight: Vec<u32>,
}

impl PartialEq for PlotProps {
    fn eq(&self, o: &Self) -> bool {
        Rc::ptr_eq(&self.loaded, &o.loaded)
            && Rc::ptr_eq(&self.points, &o.points)
            && self.highlight == o.highlight
    }
}

/// Indices of the points whose token contains `query` (case-insensitive), at most 40.
fn search(loaded: &Loaded, points: &[(u32, (f32, f32))], query: &str) -> Vec<usize> {
    if query.is_empty() {
        return Vec::new();
    }
    (0..points.len())
        .filter(|&i| {
            let label = loaded.tokenizer.token_view(points[i].0).label;
            label.trim().to_lowercase().contains(query)
        })
        .take(40)
        .collect()
}

/// The search field: the query as it is typed.
fn search_field(lang: Lang, query: &UseStateHandle<String>, found: Option<usize>) -> Html {
    let on_input = {
        let query = query.clone();
        on_text(move |v| query.set(v))
    };
    html! {
        <label class="field inline">
            <span>{ tr(lang, Msg::EmbSearch) }</span>
            <input type="search" value={(**query).clone()} oninput={on_input} data-testid="map-search" />
            if let Some(n) = found { <span class="meta">{ trf(lang, Msg::EmbFound, &[("n", &n.to_string())]) }</span> }
        </label>
    }
}

/// The map itself: every point as a dot with its token as a tooltip, the prompt's tokens and the
/// search hits labelled.
#[function_component(MapPlot)]
fn map_plot(p: &PlotProps) -> Html {
    let lang = use_app().lang;
    let query = use_state(String::new);
    let (w, h, pad) = (640.0f32, 420.0f32, 16.0f32);
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &(_, (x, y)) in p.points.iter() {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let sx = |x: f32| pad + (x - x0) / (x1 - x0).max(1e-6) * (w - 2.0 * pad);
    let sy = |y: f32| h - pad - (y - y0) / (y1 - y0).max(1e-6) * (h - 2.0 * pad);
    let t = &p.loaded.tokenizer;
    let q = query.trim().to_lowercase();
    let found = search(&p.loaded, &p.points, &q);
    // Map positions of the prompt's tokens (those on the map) and of the search hits.
    let labelled: Vec<usize> = (0..p.points.len())
        .filter(|&i| p.highlight.contains(&p.points[i].0))
        .chain(found.iter().copied())
        .collect();
    html! {
        <>
            { search_field(lang, &query, (!q.is_empty()).then_some(found.len())) }
            <div class="map-scroll" tabindex="0">
                <svg class="vocab-map" viewBox={format!("0 0 {w} {h}")} role="img" aria-label={tr(lang, Msg::EmbMapTitle)} data-testid="vocab-map">
                    <rect x="0" y="0" width={w.to_string()} height={h.to_string()} class="plot-bg" />
                    { for p.points.iter().map(|&(id, (x, y))| html! {
                        <circle cx={format!("{:.1}", sx(x))} cy={format!("{:.1}", sy(y))} r="2.4" class="dot">
                            <title>{ format!("{} · {id}", visible(&t.token_view(id).label)) }</title>
                        </circle>
                    }) }
                    { for labelled.iter().map(|&i| {
                        let (id, (x, y)) = p.points[i];
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
        </>
    }
}
