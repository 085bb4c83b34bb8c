//! Vector search: every chunk becomes one vector from the model itself — the hidden states of a
//! chosen layer, averaged over the chunk's tokens (layer 0 = the token embeddings alone) — and a
//! query is answered by the chunks whose vectors point the most the same way (cosine).
//!
//! The vectors are centred (the mean of all chunk vectors is subtracted, from the query too):
//! averaged hidden states share a large common part that says "this is text", and cosine only
//! separates meanings once it is gone.
//!
//! At a few hundred chunks, comparing the query with every vector ("brute force", `N·d`
//! multiply-adds) takes well under a millisecond. Indexes such as FAISS or Milvus exist for
//! millions of vectors: they cluster the vectors (IVF) or link near neighbours in a graph (HNSW)
//! and compare the query with a small part only — faster, in exchange for sometimes missing the
//! best match.

use crate::model::embedding::{cosine, pca_2d};
use crate::model::{Gpt, LogitRows, Matrix};
use crate::tokenizer::Tokenizer;

/// The mean over tokens of layer `layer`'s output `[d]` for `text` (its first `n_ctx` tokens);
/// `None` for a text without tokens.
pub fn embed(model: &Gpt, tokenizer: &Tokenizer, text: &str, layer: usize) -> Option<Vec<f32>> {
    let mut ids = tokenizer.encode(text);
    ids.truncate(model.config.n_ctx);
    if ids.is_empty() {
        return None;
    }
    let trace = model.forward_traced(&ids, LogitRows::Last).ok()?;
    let states = match layer {
        0 => &trace.token_embeddings,
        l => &trace.layers.get(l - 1)?.residual_2,
    };
    let n = states.rows as f32;
    Some(
        (0..states.cols)
            .map(|j| (0..states.rows).map(|i| states.row(i)[j]).sum::<f32>() / n)
            .collect(),
    )
}

/// Chunk vectors of one layer, centred.
pub struct VectorIndex {
    pub layer: usize,
    pub vectors: Vec<Vec<f32>>,
    mean: Vec<f32>,
}

impl VectorIndex {
    /// Embeds every text (an empty one gets a zero vector).
    pub fn build(model: &Gpt, tokenizer: &Tokenizer, texts: &[&str], layer: usize) -> VectorIndex {
        let d = model.config.d_model;
        let raw: Vec<Vec<f32>> = texts
            .iter()
            .map(|t| embed(model, tokenizer, t, layer).unwrap_or_else(|| vec![0.0; d]))
            .collect();
        VectorIndex::from_raw(layer, raw, d)
    }

    /// The index of vectors already computed with [`embed`] (in steps, by the page).
    pub fn from_raw(layer: usize, raw: Vec<Vec<f32>>, d: usize) -> VectorIndex {
        let mean: Vec<f32> = (0..d)
            .map(|j| raw.iter().map(|v| v[j]).sum::<f32>() / raw.len().max(1) as f32)
            .collect();
        let vectors = raw
            .iter()
            .map(|v| v.iter().zip(&mean).map(|(x, m)| x - m).collect())
            .collect();
        VectorIndex {
            layer,
            vectors,
            mean,
        }
    }

    /// The query's centred vector.
    pub fn query(&self, model: &Gpt, tokenizer: &Tokenizer, text: &str) -> Option<Vec<f32>> {
        let v = embed(model, tokenizer, text, self.layer)?;
        Some(v.iter().zip(&self.mean).map(|(x, m)| x - m).collect())
    }

    /// The `k` chunks most similar to `q`, best first: `(index, cosine)`.
    pub fn search(&self, q: &[f32], k: usize) -> Vec<(usize, f32)> {
        let mut scores: Vec<(usize, f32)> = self
            .vectors
            .iter()
            .enumerate()
            .map(|(i, v)| (i, cosine(v, q)))
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scores.truncate(k);
        scores
    }

    /// A 2-D map (first two principal components) of the chunks and, last, the query.
    pub fn map(&self, q: &[f32]) -> Vec<(f32, f32)> {
        let d = q.len();
        let mut data: Vec<f32> = self.vectors.iter().flatten().copied().collect();
        data.extend_from_slice(q);
        pca_2d(&Matrix {
            rows: self.vectors.len() + 1,
            cols: d,
            data,
        })
    }
}
