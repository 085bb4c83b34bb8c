//! Everything one forward pass computed, for the visualizer. Recording is opt-in
//! ([`super::gpt::Gpt::forward_traced`]); the GPU backend fills the same types.

use serde::Serialize;

use super::attention::HeadValues;
use super::block::LayerValues;
use super::layernorm::Normalized;
use super::matrix::Matrix;

/// One transformer layer's values for the traced tokens (`n` rows each): its input and what
/// [`super::block::block`] computed, attention keeping every head's Q, K, V, scores, mask, α
/// and context.
pub type LayerTrace = LayerValues<Vec<HeadValues>>;

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
