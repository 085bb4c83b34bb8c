//! The model's anatomy: its parts in data-flow order with their parameter counts, counted from
//! the loaded tensors, and the published sizes of two larger GPTs to compare it with.
//!
//! With `V` the vocabulary, `d` = d_model, `f` = d_ff, `N` layers and `n_ctx` the context:
//!
//! | part | tensors | count |
//! |---|---|---|
//! | token embedding | `W_E [V × d]` | `V·d` |
//! | positions | `W_P [n_ctx × d]` (none for the sinusoidal formula) | `n_ctx·d` or 0 |
//! | attention, per layer | `W_QKV [3d × d]`, `b [3d]`, `W_O [d × d]`, `b [d]` | `4d² + 4d` |
//! | LayerNorms, per layer | `γ, β [d]` twice | `4d` |
//! | FFN, per layer | `W₁ [f × d]`, `b₁ [f]`, `W₂ [d × f]`, `b₂ [d]` | `2df + f + d` |
//! | final LayerNorm | `γ, β [d]` | `2d` |
//! | output head | `W_E` again when tied (counted once), else its own `[V × d]` | 0 or `V·d` |

use super::weights::{Part, Weights};

/// Parameter counts of a loaded model, by part. The per-layer parts are summed over all layers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anatomy {
    pub token_embedding: usize,
    /// 0 when positions come from the sinusoidal formula.
    pub positions: usize,
    /// All layers' attention: W_QKV, W_O and their biases.
    pub attention: usize,
    /// All layers' two LayerNorms (γ and β each).
    pub block_norms: usize,
    /// All layers' feed-forward networks: W₁, W₂ and their biases.
    pub ffn: usize,
    pub final_norm: usize,
    /// A separate output matrix; 0 when the head reuses the token embedding (weight tying).
    pub head: usize,
    /// Whether the logits reuse the token embedding table (then it is counted once).
    pub tied: bool,
    pub layers: usize,
}

impl Anatomy {
    /// Counts the parameters of loaded weights, tensor by tensor, from the parameter table.
    pub fn of(w: &Weights) -> Anatomy {
        let mut a = Anatomy {
            token_embedding: 0,
            positions: 0,
            attention: 0,
            block_norms: 0,
            ffn: 0,
            final_norm: 0,
            head: 0,
            tied: w.lm_head.is_none(),
            layers: w.blocks.len(),
        };
        for p in w.table(w.dims()) {
            *match p.part {
                Part::TokenEmbedding => &mut a.token_embedding,
                Part::Positions => &mut a.positions,
                Part::Attention => &mut a.attention,
                Part::BlockNorm => &mut a.block_norms,
                Part::Ffn => &mut a.ffn,
                Part::FinalNorm => &mut a.final_norm,
                Part::Head => &mut a.head,
            } += p.data.len();
        }
        a
    }

    /// One layer's parameters (attention, its two LayerNorms and its FFN).
    pub fn per_layer(&self) -> usize {
        (self.attention + self.block_norms + self.ffn) / self.layers.max(1)
    }

    /// The FFN's share of one layer's parameters, 0 … 1 (about 2/3 when d_ff = 4·d_model).
    pub fn ffn_share(&self) -> f64 {
        let layer = self.attention + self.block_norms + self.ffn;
        if layer == 0 {
            0.0
        } else {
            self.ffn as f64 / layer as f64
        }
    }

    /// Every parameter, the tied head counted once.
    pub fn total(&self) -> usize {
        self.token_embedding
            + self.positions
            + self.attention
            + self.block_norms
            + self.ffn
            + self.final_norm
            + self.head
    }
}

/// A published GPT's sizes, for the scale comparison.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Published {
    pub name: &'static str,
    pub layers: usize,
    pub d_model: usize,
    pub heads: usize,
    pub vocab: usize,
    pub context: usize,
    pub parameters: u64,
    /// Where the numbers are published.
    pub source: &'static str,
}

/// GPT-2 small (OpenAI, 2019). The paper's table says 117 M; the released weights hold
/// 124,439,808 parameters, which is what this sums to (checked in a test).
pub const GPT2_SMALL: Published = Published {
    name: "GPT-2 small",
    layers: 12,
    d_model: 768,
    heads: 12,
    vocab: 50_257,
    context: 1_024,
    parameters: 124_439_808,
    source: "Radford et al. (2019): Language Models are Unsupervised Multitask Learners; OpenAI's released checkpoint",
};

/// GPT-3 175B (OpenAI, 2020), Table 2.1 of the paper; vocabulary and context from its text.
pub const GPT3: Published = Published {
    name: "GPT-3",
    layers: 96,
    d_model: 12_288,
    heads: 96,
    vocab: 50_257,
    context: 2_048,
    parameters: 175_000_000_000,
    source: "Brown et al. (2020): Language Models are Few-Shot Learners, Table 2.1",
};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::config::{Config, Positions};

    fn config(v: usize, ctx: usize, d: usize, h: usize, n: usize) -> Config {
        Config {
            vocab_size: v,
            n_ctx: ctx,
            d_model: d,
            n_head: h,
            n_layer: n,
            d_ff: 4 * d,
            layer_norm_eps: 1e-5,
            positions: Positions::Learned,
        }
    }

    #[test]
    fn counts_follow_the_formulas_and_sum_to_the_weights() {
        let c = config(317, 32, 48, 4, 3);
        let w = Weights::random(&c, 1);
        let a = Anatomy::of(&w);
        let (v, d, f) = (317, 48, 192);
        assert_eq!(a.token_embedding, v * d);
        assert_eq!(a.positions, 32 * d);
        assert_eq!(a.attention, 3 * (4 * d * d + 4 * d));
        assert_eq!(a.block_norms, 3 * 4 * d);
        assert_eq!(a.ffn, 3 * (2 * d * f + f + d));
        assert_eq!(a.final_norm, 2 * d);
        assert!(a.tied);
        assert_eq!(a.head, 0);
        assert_eq!(a.total(), w.parameter_count());
        // d_ff = 4·d: the FFN holds about two thirds of a layer.
        assert!((a.ffn_share() - 0.666).abs() < 0.01, "{}", a.ffn_share());
    }

    #[test]
    fn an_untied_head_and_sinusoidal_positions_are_counted_as_they_are() {
        let mut c = config(50, 16, 8, 2, 1);
        c.positions = Positions::Sinusoidal;
        let mut w = Weights::random(&c, 2);
        w.lm_head = Some(crate::model::Matrix::zeros(50, 8));
        let a = Anatomy::of(&w);
        assert_eq!(a.positions, 0);
        assert!(!a.tied);
        assert_eq!(a.head, 50 * 8);
        assert_eq!(a.total(), w.parameter_count());
    }

    #[test]
    fn gpt2_small_sums_to_its_published_count() {
        let c = config(50_257, 1_024, 768, 12, 12);
        // Count by the formulas rather than allocating 124 M floats.
        let (v, d, f, n) = (c.vocab_size, c.d_model, c.d_ff, c.n_layer);
        let total =
            v * d + c.n_ctx * d + n * (4 * d * d + 4 * d + 4 * d + 2 * d * f + f + d) + 2 * d;
        assert_eq!(total as u64, GPT2_SMALL.parameters);
        assert_eq!(GPT3.d_model / GPT3.heads, 128);
    }
}
