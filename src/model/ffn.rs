//! The feed-forward network of each layer: two dense layers with a GELU between them, applied
//! to every token on its own.

use super::matrix::{Matrix, linear};

/// √(2/π), the constant inside GPT-2's GELU.
pub const GELU_C: f32 = 0.797_884_6;

/// The weight of the cubic term inside GPT-2's GELU.
pub const GELU_CUBIC: f32 = 0.044_715;

/// `tanh(√(2/π)·(x + 0.044715·x³))`, the inner part of GELU, computed as
/// `1 − 2/(e^{2u} + 1)`: one `exp` instead of the slower `tanh` (differences of a few 1e-8).
pub fn gelu_tanh(x: f32) -> f32 {
    let u = GELU_C * (x + GELU_CUBIC * x * x * x);
    // For |u| > 15, tanh is ±1 to f32 precision (and e^{2u} would overflow).
    if u.abs() > 15.0 {
        return u.signum();
    }
    1.0 - 2.0 / ((2.0 * u).exp() + 1.0)
}

/// GPT-2's GELU (tanh approximation, "gelu_new"):
/// `gelu(x) = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))`.
/// Backward: [`crate::training::backward::gelu_backward`].
pub fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + gelu_tanh(x))
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
    fn fast_tanh_agrees_with_the_library() {
        for i in -4000..4000 {
            let x = i as f32 / 500.0;
            let exact = (GELU_C * (x + 0.044_715 * x * x * x)).tanh();
            assert!((gelu_tanh(x) - exact).abs() < 2e-7, "{x}");
        }
    }

    #[test]
    fn gelu_values() {
        assert_eq!(gelu(0.0), 0.0);
        assert!((gelu(1.0) - 0.841_192).abs() < 1e-5);
        assert!((gelu(-1.0) + 0.158_808).abs() < 1e-5);
        assert!((gelu(10.0) - 10.0).abs() < 1e-5);
        assert!(gelu(-10.0).abs() < 1e-5);
    }
}
