//! Everything one forward pass computed, for the visualizer. Recording is opt-in
//! ([`super::gpt::Gpt::forward_traced`]); the GPU backend fills the same types.

use serde::Serialize;

use super::attention::HeadValues;
use super::block::BlockValues;
use super::ffn::FfnValues;
use super::layernorm::Normalized;
use super::matrix::Matrix;

/// One transformer layer's values for the traced tokens (`n` rows each).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LayerTrace {
    /// `x`, the layer's input `[n × d]`.
    pub input: Matrix,
    /// LayerNorm before attention.
    pub ln_1: Normalized,
    /// Per head: Q, K, V, scores, mask, α, context.
    pub heads: Vec<HeadValues>,
    /// The heads' contexts side by side `[n × d]`.
    pub concat: Matrix,
    /// `concat·W_Oᵀ + b_O` `[n × d]`.
    pub attn_out: Matrix,
    /// `x + attn_out` `[n × d]`.
    pub residual_1: Matrix,
    /// LayerNorm before the FFN.
    pub ln_2: Normalized,
    /// `W₁` → GELU → `W₂`.
    pub ffn: FfnValues,
    /// `residual_1 + ffn.output`, the layer's output `[n × d]`.
    pub residual_2: Matrix,
}

impl LayerTrace {
    /// The trace of a block whose input was `input`, from the values [`super::block::block`]
    /// computed (its attention keeping every head's values).
    pub fn new(input: Matrix, v: BlockValues<Vec<HeadValues>>) -> LayerTrace {
        LayerTrace {
            input,
            ln_1: v.ln_1,
            heads: v.attention,
            concat: v.concat,
            attn_out: v.attn_out,
            residual_1: v.residual_1,
            ln_2: v.ln_2,
            ffn: v.ffn,
            residual_2: v.residual_2,
        }
    }
}

/// A traced forward pass over `ids` (at positions `start ..`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    pub ids: Vec<u32>,
    pub start: usize,
    /// `E`: embedding-table rows `[n × d]`.
    pub token_embeddings: Matrix,
    /// `P`: position vectors `[n × d]`.
    pub position_vectors: Matrix,
    /// `X = E + P` `[n × d]`.
    pub input: Matrix,
    pub layers: Vec<LayerTrace>,
    /// The final LayerNorm.
    pub final_norm: Normalized,
    /// Logits for the last position `[1 × V]`, or every position `[n × V]` on request.
    pub logits: Matrix,
    /// `softmax(logits)`, same shape.
    pub probs: Matrix,
}
