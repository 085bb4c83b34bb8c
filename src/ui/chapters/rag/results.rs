//! The three searches' hits side by side, and the 2-D map of chunk vectors with the question.

use yew::prelude::*;

use crate::i18n::{Lang, Msg, tr, trf};
use crate::rag::chunk::Chunk;
use crate::rag::search::Method;

use super::ask::Asked;

/// The heading of a method's column.
pub fn method_name(lang: Lang, m: Method) -> &'static str {
    tr(
        lang,
        match m {
            Method::Vector => Msg::RagVectorSearch,
            Method::Keyword => Msg::RagKeywordSearch,
            Method::Hybrid => Msg::RagHybridSearch,
        },
    )
}

/// One method's hits, the answering chunk marked.
fn column(lang: Lang, m: Method, a: &Asked, chunks: &[Chunk]) -> Html {
    let hits = a.hits.of(m);
    let score = |s: f32| match m {
        Method::Vector => format!("cos {s:.2}"),
        Method::Keyword => format!("BM25 {s:.2}"),
        Method::Hybrid => format!("RRF {s:.4}"),
    };
    html! {
        <div data-testid={format!("rag-{}-hits", m.code())}>
            <h3>{ method_name(lang, m) }</h3>
            if hits.is_empty() { <p class="notice" data-testid="rag-no-match">{ tr(lang, Msg::RagNoMatch) }</p> }
            <ol class="hits">{ for hits.iter().map(|&(i, s)| {
                let right = a.answer_chunk == Some(i);
                html! { <li data-chunk={i.to_string()} class={classes!(right.then_some("answering"))}>
                    <span class="score">{ score(s) }</span>{ chunks.get(i).map(|c| c.text.clone()) }
                    if right { <span class="meta">{ " ✓ " }{ tr(lang, Msg::RagHoldsAnswer) }</span> }
                </li> }
            }) }</ol>
        </div>
    }
}

/// The three columns.
pub fn hits(lang: Lang, a: &Asked, chunks: &[Chunk]) -> Html {
    html! {
        <div class="three-col">
            { for Method::ALL.iter().map(|&m| column(lang, m, a, chunks)) }
        </div>
    }
}

/// The chunks on the first two principal components of their vectors: the `hits` ringed and
/// numbered, the answering chunk drawn as a square, the question (last point) as a star.
pub fn map(
    lang: Lang,
    points: &[(f32, f32)],
    hits: &[(usize, f32)],
    answer: Option<usize>,
    caption: Html,
    testid: &str,
) -> Html {
    if points.len() < 2 {
        return html! {};
    }
    let (w, h, pad) = (420.0f32, 260.0f32, 16.0f32);
    let (mut x0, mut x1, mut y0, mut y1) = (f32::MAX, f32::MIN, f32::MAX, f32::MIN);
    for &(x, y) in points {
        (x0, x1, y0, y1) = (x0.min(x), x1.max(x), y0.min(y), y1.max(y));
    }
    let sx = |x: f32| pad + (x - x0) / (x1 - x0).max(1e-6) * (w - 2.0 * pad);
    let sy = |y: f32| pad + (y - y0) / (y1 - y0).max(1e-6) * (h - 2.0 * pad);
    let (qx, qy) = points[points.len() - 1];
    let dot = |i: usize, (x, y): (f32, f32)| {
        let hit = hits.iter().position(|&(j, _)| j == i);
        let (cx, cy) = (sx(x), sy(y));
        let title =
            html! { <title>{ trf(lang, Msg::RagChunkN, &[("n", &(i + 1).to_string())]) }</title> };
        html! { <g>
            if answer == Some(i) {
                <rect x={(cx - 7.0).to_string()} y={(cy - 7.0).to_string()} width="14" height="14" class="map-answer">{ title.clone() }</rect>
            }
            <circle cx={cx.to_string()} cy={cy.to_string()} r={if hit.is_some() { "6" } else { "3.5" }} class={if hit.is_some() { "map-hit" } else { "map-chunk" }}>{ title }</circle>
            { for hit.map(|r| html! { <text x={(cx + 9.0).to_string()} y={(cy + 4.0).to_string()} class="map-label">{ format!("#{}", r + 1) }</text> }) }
        </g> }
    };
    html! {
        <figure class="rag-map" data-testid={testid.to_string()}>
            <svg viewBox={format!("0 0 {w} {h}")} role="img" aria-label={tr(lang, Msg::RagMap)}>
                { for points[..points.len() - 1].iter().enumerate().map(|(i, &p)| dot(i, p)) }
                <path d={format!("M{} {}l3 7h7l-5.5 4.5 2 7.5-6.5-4.5-6.5 4.5 2-7.5-5.5-4.5h7z", sx(qx), sy(qy) - 9.0)} class="map-query" />
            </svg>
            <figcaption class="meta">{ caption }</figcaption>
        </figure>
    }
}
