//! The feed-forward network of each layer: two dense layers with a GELU between them, applied
//! to every token on its own.

use super::matrix::{Matrix, linear};

/// GPT-2's GELU (tanh approximation, "gelu_new"):
/// `gelu(x) = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`.
pub fn gelu(x: f32) -> f32 {
    const C: f32 = 0.797_884_6; // √(2/π)
    0.5 * x * (1.0 + (C * (x + 0.044_715 * x * x * x)).tanh())
}

/// The FFN's values, for the trace.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct FfnValues {
    /// `H = X·W₁ᵀ + b₁` `[T × d_ff]`, before the activation.
    pub hidden: Matrix,
    /// `GELU(H)` `[T × d_ff]`.
    pub activated: Matrix,
    /// `Y = GELU(H)·W₂ᵀ + b₂` `[T × d]`.
    pub output: Matrix,
}

/// `Y = GELU(X·W₁ᵀ + b₁)·W₂ᵀ + b₂`.
///
/// Shapes: `x` `[T × d]`, `w1` `[d_ff × d]`, `b1` `[d_ff]`, `w2` `[d × d_ff]`, `b2` `[d]` →
/// `[T × d]`.
pub fn ffn(x: &Matrix, w1: &Matrix, b1: &[f32], w2: &Matrix, b2: &[f32]) -> FfnValues {
    let hidden = linear(x, w1, Some(b1));
    let mut activated = hidden.clone();
    activated.data.iter_mut().for_each(|v| *v = gelu(*v));
    let output = linear(&activated, w2, Some(b2));
    FfnValues {
        hidden,
        activated,
        output,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gelu_values() {
        assert_eq!(gelu(0.0), 0.0);
        assert!((gelu(1.0) - 0.841_192).abs() < 1e-5);
        assert!((gelu(-1.0) + 0.158_808).abs() < 1e-5);
        assert!((gelu(10.0) - 10.0).abs() < 1e-5);
        assert!(gelu(-10.0).abs() < 1e-5);
    }
}
