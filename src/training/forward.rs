//! The forward pass over a batch of training sequences, keeping what the backward pass needs,
//! and the loss. Each layer is the inference model's own [`block`]; only attention differs, run
//! per sequence of the batch.
//!
//! Shapes: B sequences of T tokens, N = B·T rows; d = d_model, F = d_ff, V = vocabulary.

use crate::model::attention::{Record, attention};
use crate::model::block::{LayerValues, block};
use crate::model::embedding::{position_vectors, token_embeddings};
use crate::model::layernorm::{Normalized, layer_norm};
use crate::model::matrix::{Matrix, linear};
use crate::model::softmax::softmax_in_place;
use crate::model::{Gpt, ModelError};

/// B sequences of T positions: `inputs[b·T + t]` is followed by `targets[b·T + t]`; the loss
/// counts position (b, t) with weight `mask[b·T + t]` (0 or 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Batch {
    pub batch: usize,
    pub seq_len: usize,
    pub inputs: Vec<u32>,
    pub targets: Vec<u32>,
    pub mask: Vec<f32>,
}

/// One layer's saved values: its input and what [`block`] computed, with α per sequence and
/// head (index `b·H + h`, each `[T × T]`) as attention's kept values. N = B·T rows.
pub type LayerActs = LayerValues<Vec<Matrix>>;

/// Everything the backward pass reads.
pub struct Activations {
    pub layers: Vec<LayerActs>,
    /// The last layer's output `[N × d]`.
    pub x_final: Matrix,
    pub lnf: Normalized,
    /// Next-token probabilities `[N × V]`.
    pub probs: Matrix,
    /// Cross-entropy per position `[N]` (0 where masked out).
    pub token_losses: Vec<f32>,
    /// Σ mask.
    pub counted: f32,
}

/// Runs the model over the batch. Returns the mean cross-entropy over the counted positions,
/// `loss = −Σ mask·log p(target) / Σ mask`, and the activations.
pub fn forward(model: &Gpt, batch: &Batch) -> Result<(f32, Activations), ModelError> {
    let c = &model.config;
    let w = &model.weights;
    let (bsz, t) = (batch.batch, batch.seq_len);
    let n = bsz * t;
    if batch.inputs.len() != n || batch.targets.len() != n || batch.mask.len() != n {
        return Err(ModelError::new(
            "a batch needs B·T inputs, targets and mask values",
        ));
    }
    if t > c.n_ctx {
        return Err(ModelError::new(format!(
            "sequences of {t} tokens do not fit the model's context of {}",
            c.n_ctx
        )));
    }
    if let Some(&bad) = batch
        .inputs
        .iter()
        .chain(&batch.targets)
        .find(|&&id| id as usize >= c.vocab_size)
    {
        return Err(ModelError::new(format!(
            "token id {bad} is outside the vocabulary"
        )));
    }
    let d = c.d_model;
    let mut x = token_embeddings(&w.token_embedding, &batch.inputs);
    let p = position_vectors(c.positions, w.position_embedding.as_ref(), d, 0, t);
    for r in 0..n {
        let pos = p.row(r % t);
        for (a, b) in x.row_mut(r).iter_mut().zip(pos) {
            *a += b;
        }
    }

    let mut layers = Vec::with_capacity(c.n_layer);
    for b in &w.blocks {
        let v = block(&x, b, c.layer_norm_eps, |qkv| {
            batched_attention(qkv, bsz, t, d, c.n_head)
        });
        let out = v.residual_2.clone();
        layers.push(LayerActs { input: x, block: v });
        x = out;
    }
    let lnf = layer_norm(&x, &w.ln_f.gamma, &w.ln_f.beta, c.layer_norm_eps);
    let head = w.lm_head.as_ref().unwrap_or(&w.token_embedding);
    let mut probs = linear(&lnf.output, head, None);
    let mut token_losses = vec![0.0f32; n];
    let mut total = 0.0f64;
    let mut counted = 0.0f32;
    for (r, loss) in token_losses.iter_mut().enumerate() {
        softmax_in_place(probs.row_mut(r), 1.0);
        let m = batch.mask[r];
        if m != 0.0 {
            let p = probs.row(r)[batch.targets[r] as usize].max(f32::MIN_POSITIVE);
            *loss = -p.ln() * m;
            total += *loss as f64;
            counted += m;
        }
    }
    let loss = if counted > 0.0 {
        (total / counted as f64) as f32
    } else {
        0.0
    };
    Ok((
        loss,
        Activations {
            layers,
            x_final: x,
            lnf,
            probs,
            token_losses,
            counted,
        },
    ))
}

/// Causal attention for each of the B sequences (in parallel natively). Returns the
/// concatenated contexts `[N × d]` and α per (sequence, head).
fn batched_attention(
    qkv: &Matrix,
    bsz: usize,
    t: usize,
    d: usize,
    n_head: usize,
) -> (Matrix, Vec<Matrix>) {
    let one = |b: usize| {
        let q = qkv.rows_slice(b * t, (b + 1) * t);
        let keys = q.cols_slice(d, 2 * d);
        let values = q.cols_slice(2 * d, 3 * d);
        attention(&q, &keys, &values, n_head, 0, Record::Weights)
    };
    #[cfg(not(target_arch = "wasm32"))]
    let outs: Vec<_> = {
        use rayon::prelude::*;
        (0..bsz).into_par_iter().map(one).collect()
    };
    #[cfg(target_arch = "wasm32")]
    let outs: Vec<_> = (0..bsz).map(one).collect();
    let mut concat = Matrix::zeros(bsz * t, d);
    let mut alpha = Vec::with_capacity(bsz * n_head);
    for (b, out) in outs.into_iter().enumerate() {
        concat.data[b * t * d..(b + 1) * t * d].copy_from_slice(&out.concat.data);
        alpha.extend(out.weights);
    }
    (concat, alpha)
}
