//! The backward pass, written out by hand like llm.c: the gradient of the loss with respect to
//! every parameter, computed step by step in the reverse order of [`super::forward`].
//!
//! Conventions: for `y = f(x)`, `dy` is ∂loss/∂y. Shapes as in the forward pass (N = B·T rows);
//! weight matrices are `[out × in]`. Gradients are added into a [`Weights`] of zeros.

use super::forward::{Activations, Batch};
use crate::model::ffn::{GELU_C, GELU_CUBIC, gelu_tanh};
use crate::model::layernorm::Normalized;
use crate::model::matrix::{Matrix, gemm, par_gemm};
use crate::model::weights::Weights;
use crate::model::{Gpt, Positions};

/// Adds the gradients of the batch's loss to `grads` (which must have the model's shapes).
pub fn backward(model: &Gpt, batch: &Batch, acts: &Activations, grads: &mut Weights) {
    let c = &model.config;
    let w = &model.weights;
    let (bsz, t) = (batch.batch, batch.seq_len);
    let n = bsz * t;
    let (d, v) = (c.d_model, c.vocab_size);
    if acts.counted == 0.0 {
        return;
    }

    // Loss → logits: for softmax followed by cross-entropy,
    // ∂loss/∂logit[r][j] = (p[r][j] − [j = target r]) · mask[r] / Σ mask.
    let mut dlogits = acts.probs.clone();
    for r in 0..n {
        let m = batch.mask[r] / acts.counted;
        let row = dlogits.row_mut(r);
        if m == 0.0 {
            row.iter_mut().for_each(|x| *x = 0.0);
        } else {
            row[batch.targets[r] as usize] -= 1.0;
            row.iter_mut().for_each(|x| *x *= m);
        }
    }

    // Logits = lnf · Eᵀ (the head, tied to the embedding unless the checkpoint unties it).
    let head = w.lm_head.as_ref().unwrap_or(&w.token_embedding);
    let mut d_lnf = Matrix::zeros(n, d);
    par_gemm(
        n,
        v,
        d,
        1.0,
        &dlogits.data,
        (v as isize, 1),
        &head.data,
        (d as isize, 1),
        0.0,
        &mut d_lnf.data,
    );
    let d_head = grads.lm_head.as_mut().unwrap_or(&mut grads.token_embedding);
    par_gemm(
        v,
        n,
        d,
        1.0,
        &dlogits.data,
        (1, v as isize),
        &acts.lnf.output.data,
        (d as isize, 1),
        1.0,
        &mut d_head.data,
    );
    backward_from_final(model, batch, acts, &d_lnf, grads);
}

/// The rest of the backward pass, from `d_lnf` = ∂loss/∂(final LayerNorm output) `[N × d]`
/// down to the embeddings. Shared by the language-model loss above and the reward model's
/// scalar head ([`crate::lab::reward`]).
pub fn backward_from_final(
    model: &Gpt,
    batch: &Batch,
    acts: &Activations,
    d_lnf: &Matrix,
    grads: &mut Weights,
) {
    let c = &model.config;
    let w = &model.weights;
    let (bsz, t) = (batch.batch, batch.seq_len);
    let n = bsz * t;
    let mut dx = layer_norm_backward(
        d_lnf,
        &acts.x_final,
        &acts.lnf,
        &w.ln_f.gamma,
        c.layer_norm_eps,
        &mut grads.ln_f.gamma,
        &mut grads.ln_f.beta,
    );

    for (l, layer) in acts.layers.iter().enumerate().rev() {
        let b = &w.blocks[l];
        let gb = &mut grads.blocks[l];
        // out = res1 + FFN(res1): the residual passes dx through unchanged.
        let mut d_res1 = dx.clone();
        // FFN: f = g·W₂ᵀ + b₂, g = GELU(h), h = ln2·W₁ᵀ + b₁.
        let dg = linear_backward(
            &dx,
            &layer.block.ffn.activated,
            &b.ffn_out,
            &mut gb.ffn_out,
            &mut gb.ffn_out_bias,
        );
        let dh = gelu_backward(&layer.block.ffn.hidden, &dg);
        let d_ln2 = linear_backward(
            &dh,
            &layer.block.ln_2.output,
            &b.ffn_in,
            &mut gb.ffn_in,
            &mut gb.ffn_in_bias,
        );
        let d = layer_norm_backward(
            &d_ln2,
            &layer.block.residual_1,
            &layer.block.ln_2,
            &b.ln_2.gamma,
            c.layer_norm_eps,
            &mut gb.ln_2.gamma,
            &mut gb.ln_2.beta,
        );
        add_into(&mut d_res1, &d);
        // res1 = x + attn: again the residual passes the gradient through.
        let mut d_x = d_res1.clone();
        let d_concat = linear_backward(
            &d_res1,
            &layer.block.concat,
            &b.attn_out,
            &mut gb.attn_out,
            &mut gb.attn_out_bias,
        );
        let d_qkv = attention_backward(
            &d_concat,
            &layer.block.qkv,
            &layer.block.attention,
            bsz,
            t,
            c.d_model,
            c.n_head,
        );
        let d_ln1 = linear_backward(
            &d_qkv,
            &layer.block.ln_1.output,
            &b.attn_qkv,
            &mut gb.attn_qkv,
            &mut gb.attn_qkv_bias,
        );
        let d = layer_norm_backward(
            &d_ln1,
            &layer.input,
            &layer.block.ln_1,
            &b.ln_1.gamma,
            c.layer_norm_eps,
            &mut gb.ln_1.gamma,
            &mut gb.ln_1.beta,
        );
        add_into(&mut d_x, &d);
        dx = d_x;
    }

    // X = E[ids] + P[pos]: each row's gradient goes back to its table rows.
    for r in 0..n {
        let id = batch.inputs[r] as usize;
        for (g, &x) in grads.token_embedding.row_mut(id).iter_mut().zip(dx.row(r)) {
            *g += x;
        }
    }
    if let (Positions::Learned, Some(gp)) = (c.positions, grads.position_embedding.as_mut()) {
        for r in 0..n {
            for (g, &x) in gp.row_mut(r % t).iter_mut().zip(dx.row(r)) {
                *g += x;
            }
        }
    }
}

fn add_into(a: &mut Matrix, b: &Matrix) {
    for (x, y) in a.data.iter_mut().zip(&b.data) {
        *x += y;
    }
}

/// For `y = x·Wᵀ + b`: `dx = dy·W`, `dW += dyᵀ·x`, `db += Σ_rows dy`.
///
/// Shapes: `dy` `[N × out]`, `x` `[N × in]`, `w` `[out × in]` → `dx` `[N × in]`.
/// Forward: [`crate::model::matrix::linear`].
pub fn linear_backward(
    dy: &Matrix,
    x: &Matrix,
    w: &Matrix,
    dw: &mut Matrix,
    db: &mut [f32],
) -> Matrix {
    let (n, out, inp) = (dy.rows, w.rows, w.cols);
    let mut dx = Matrix::zeros(n, inp);
    par_gemm(
        n,
        out,
        inp,
        1.0,
        &dy.data,
        (out as isize, 1),
        &w.data,
        (inp as isize, 1),
        0.0,
        &mut dx.data,
    );
    par_gemm(
        out,
        n,
        inp,
        1.0,
        &dy.data,
        (1, out as isize),
        &x.data,
        (inp as isize, 1),
        1.0,
        &mut dw.data,
    );
    for r in 0..n {
        for (g, &v) in db.iter_mut().zip(dy.row(r)) {
            *g += v;
        }
    }
    dx
}

/// For `y = x̂·γ + β` with `x̂ = (x − μ)·r`, `r = 1/√(σ² + ε)`, per row:
/// `dβ += Σ dy`, `dγ += Σ dy·x̂`, and with `g = dy·γ`:
/// `dx = r · (g − mean(g) − x̂ · mean(g·x̂))`.
///
/// Shapes: `dy`, `x` `[N × d]`, `gamma` `[d]` → `[N × d]`.
/// Forward: [`crate::model::layernorm::layer_norm`].
pub fn layer_norm_backward(
    dy: &Matrix,
    x: &Matrix,
    stats: &Normalized,
    gamma: &[f32],
    eps: f32,
    dgamma: &mut [f32],
    dbeta: &mut [f32],
) -> Matrix {
    let d = x.cols;
    let mut dx = Matrix::zeros(x.rows, d);
    for r in 0..x.rows {
        let rstd = 1.0 / (stats.var[r] + eps).sqrt();
        let mu = stats.mean[r];
        let (dyr, xr) = (dy.row(r), x.row(r));
        let mut mean_g = 0.0f32;
        let mut mean_gx = 0.0f32;
        for i in 0..d {
            let xhat = (xr[i] - mu) * rstd;
            let g = dyr[i] * gamma[i];
            mean_g += g;
            mean_gx += g * xhat;
            dbeta[i] += dyr[i];
            dgamma[i] += dyr[i] * xhat;
        }
        mean_g /= d as f32;
        mean_gx /= d as f32;
        let out = dx.row_mut(r);
        for i in 0..d {
            let xhat = (xr[i] - mu) * rstd;
            out[i] = rstd * (dyr[i] * gamma[i] - mean_g - xhat * mean_gx);
        }
    }
    dx
}

/// GELU (tanh form) derivative: with `u = c·(x + 0.044715x³)`, `t = tanh u`,
/// `gelu'(x) = ½(1 + t) + ½x·(1 − t²)·c·(1 + 3·0.044715x²)`. Returns `dh = dg · gelu'(h)`.
/// Forward: [`crate::model::ffn::gelu`].
pub fn gelu_backward(h: &Matrix, dg: &Matrix) -> Matrix {
    const C: f32 = GELU_C;
    let mut dh = dg.clone();
    for (o, &x) in dh.data.iter_mut().zip(&h.data) {
        let t = gelu_tanh(x);
        let grad = 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * C * (1.0 + 3.0 * GELU_CUBIC * x * x);
        *o *= grad;
    }
    dh
}

/// Backward of causal attention, per sequence and head, with `C = α·V`, `α = softmax(S)`,
/// `S = Q·Kᵀ/√d_k` (masked entries have α = 0):
/// `dα = dC·Vᵀ`, `dV = αᵀ·dC`, `dS = α ⊙ (dα − rowsum(dα ⊙ α))`, `dQ = dS·K/√d_k`,
/// `dK = dSᵀ·Q/√d_k`.
///
/// Shapes: `d_concat` `[N × d]`, `qkv` `[N × 3d]`, `alpha[b·H + h]` `[T × T]` → `d_qkv`
/// `[N × 3d]` (dQ | dK | dV).
/// Forward: [`crate::model::attention::attention`].
pub fn attention_backward(
    d_concat: &Matrix,
    qkv: &Matrix,
    alpha: &[Matrix],
    bsz: usize,
    t: usize,
    d: usize,
    n_head: usize,
) -> Matrix {
    let dk = d / n_head;
    let scale = 1.0 / (dk as f32).sqrt();
    let mut d_qkv = Matrix::zeros(bsz * t, 3 * d);
    let seq = |(b, out): (usize, &mut [f32])| {
        let rows = b * t;
        let qkv_b = &qkv.data[rows * 3 * d..(rows + t) * 3 * d];
        let dc_b = &d_concat.data[rows * d..(rows + t) * d];
        let mut d_alpha = vec![0.0f32; t * t];
        for h in 0..n_head {
            let a = &alpha[b * n_head + h].data;
            let (qo, ko, vo) = (h * dk, d + h * dk, 2 * d + h * dk);
            // dα = dC_h · V_hᵀ
            gemm(
                t,
                dk,
                t,
                1.0,
                &dc_b[h * dk..],
                (d as isize, 1),
                &qkv_b[vo..],
                (1, 3 * d as isize),
                0.0,
                &mut d_alpha,
                (t as isize, 1),
            );
            // dV_h = αᵀ · dC_h
            gemm(
                t,
                t,
                dk,
                1.0,
                a,
                (1, t as isize),
                &dc_b[h * dk..],
                (d as isize, 1),
                0.0,
                &mut out[vo..],
                (3 * d as isize, 1),
            );
            // dS = α ⊙ (dα − rowsum(dα ⊙ α)), then the 1/√d_k of the scores.
            for i in 0..t {
                let (ar, dr) = (&a[i * t..(i + 1) * t], &mut d_alpha[i * t..(i + 1) * t]);
                let dot: f32 = ar.iter().zip(dr.iter()).map(|(x, y)| x * y).sum();
                for (g, &p) in dr.iter_mut().zip(ar) {
                    *g = p * (*g - dot) * scale;
                }
            }
            // dQ_h = dS · K_h, dK_h = dSᵀ · Q_h
            gemm(
                t,
                t,
                dk,
                1.0,
                &d_alpha,
                (t as isize, 1),
                &qkv_b[ko..],
                (3 * d as isize, 1),
                0.0,
                &mut out[qo..],
                (3 * d as isize, 1),
            );
            gemm(
                t,
                t,
                dk,
                1.0,
                &d_alpha,
                (1, t as isize),
                &qkv_b[qo..],
                (3 * d as isize, 1),
                0.0,
                &mut out[ko..],
                (3 * d as isize, 1),
            );
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        d_qkv
            .data
            .par_chunks_mut(t * 3 * d)
            .enumerate()
            .for_each(seq);
    }
    #[cfg(target_arch = "wasm32")]
    d_qkv.data.chunks_mut(t * 3 * d).enumerate().for_each(seq);
    d_qkv
}
