//! One transformer block (layer), pre-LN as in GPT-2: each sublayer reads a normalised copy of
//! the residual stream and adds its result back to it.
//!
//! `h = x + (attention(LN₁(x))·W_Oᵀ + b_O)`, then `x' = h + FFN(LN₂(h))`.
//!
//! The one place this is written: inference and the trace ([`super::gpt::Pass::run_layer`])
//! and training ([`crate::training::forward`]) call [`block`] and differ only in how attention
//! reads its keys and values (a KV cache of earlier tokens, or B sequences side by side) and in
//! what it keeps of its weights. Backward: [`crate::training::backward`].

use serde::Serialize;

use super::ffn::{FfnValues, ffn};
use super::layernorm::{Normalized, layer_norm};
use super::matrix::{Matrix, linear};
use super::residual::residual_add;
use super::weights::BlockWeights;

/// One layer's input and every value its block computed, attention keeping `A`: a layer of the
/// trace ([`super::trace::LayerTrace`], each head's values) and training's saved values
/// ([`crate::training::forward::LayerActs`], α per sequence and head).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerValues<A> {
    /// `x`, the layer's input (the residual stream) `[n × d]`.
    pub input: Matrix,
    pub block: BlockValues<A>,
}

/// Every value a block computes for `n` rows; `A` is what attention kept of its weights (the
/// heads' values for the trace, α per sequence and head for training, nothing for generation).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BlockValues<A> {
    /// LayerNorm before attention, `LN₁(x)` `[n × d]`.
    pub ln_1: Normalized,
    /// `LN₁(x)·W_QKVᵀ + b_QKV`: queries, keys and values side by side `[n × 3d]`.
    pub qkv: Matrix,
    /// What attention kept.
    pub attention: A,
    /// The heads' contexts side by side `[n × d]`.
    pub concat: Matrix,
    /// `concat·W_Oᵀ + b_O` `[n × d]`.
    pub attn_out: Matrix,
    /// `h = x + attn_out` `[n × d]`.
    pub residual_1: Matrix,
    /// LayerNorm before the FFN, `LN₂(h)` `[n × d]`.
    pub ln_2: Normalized,
    /// `W₁` → GELU → `W₂` `[n × d]`.
    pub ffn: FfnValues,
    /// `x' = h + ffn.output`, the block's output `[n × d]`.
    pub residual_2: Matrix,
}

/// Runs block `b` on the residual stream `x` `[n × d]`. `attend` gets the `[n × 3d]` queries,
/// keys and values and returns the heads' contexts side by side `[n × d]` and what it keeps.
pub fn block<A>(
    x: &Matrix,
    b: &BlockWeights,
    eps: f32,
    attend: impl FnOnce(&Matrix) -> (Matrix, A),
) -> BlockValues<A> {
    let (n, d) = (x.rows, x.cols);
    let ln_1 = layer_norm(x, &b.ln_1.gamma, &b.ln_1.beta, eps);
    let qkv = linear(&ln_1.output, &b.attn_qkv, Some(&b.attn_qkv_bias));
    let (concat, attention) = attend(&qkv);
    let attn_out = linear(&concat, &b.attn_out, Some(&b.attn_out_bias));
    let residual_1 = Matrix {
        rows: n,
        cols: d,
        data: residual_add(&x.data, &attn_out.data),
    };
    let ln_2 = layer_norm(&residual_1, &b.ln_2.gamma, &b.ln_2.beta, eps);
    let ffn = ffn(
        &ln_2.output,
        &b.ffn_in,
        &b.ffn_in_bias,
        &b.ffn_out,
        &b.ffn_out_bias,
    );
    let residual_2 = Matrix {
        rows: n,
        cols: d,
        data: residual_add(&residual_1.data, &ffn.output.data),
    };
    BlockValues {
        ln_1,
        qkv,
        attention,
        concat,
        attn_out,
        residual_1,
        ln_2,
        ffn,
        residual_2,
    }
}
