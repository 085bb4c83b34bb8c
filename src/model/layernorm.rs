//! Layer normalisation: each token vector is shifted to mean 0 and scaled to variance 1, then
//! stretched and moved by learned per-dimension weights.

use super::matrix::Matrix;

/// LayerNorm with its statistics, for the trace.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Normalized {
    pub output: Matrix,
    /// Per row: mean μ and (biased) variance σ² of the input.
    pub mean: Vec<f32>,
    pub var: Vec<f32>,
}

/// `y = (x − μ) / √(σ² + ε) · γ + β`, row by row, with μ and σ² the mean and biased variance of
/// the row (as PyTorch's LayerNorm).
///
/// Shapes: `x` `[T × d]`, `gamma`, `beta` `[d]` → `[T × d]`, plus μ, σ² `[T]`.
/// Backward: [`crate::training::backward::layer_norm_backward`].
pub fn layer_norm(x: &Matrix, gamma: &[f32], beta: &[f32], eps: f32) -> Normalized {
    let d = x.cols;
    let mut output = Matrix::zeros(x.rows, d);
    let mut mean = Vec::with_capacity(x.rows);
    let mut var = Vec::with_capacity(x.rows);
    for r in 0..x.rows {
        let row = x.row(r);
        let mu = row.iter().sum::<f32>() / d as f32;
        let v = row.iter().map(|&a| (a - mu) * (a - mu)).sum::<f32>() / d as f32;
        let inv = 1.0 / (v + eps).sqrt();
        for ((o, &a), (&g, &b)) in output
            .row_mut(r)
            .iter_mut()
            .zip(row)
            .zip(gamma.iter().zip(beta))
        {
            *o = (a - mu) * inv * g + b;
        }
        mean.push(mu);
        var.push(v);
    }
    Normalized { output, mean, var }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_each_row() {
        let x = Matrix::from_vec(2, 4, vec![1., 2., 3., 4., -5., -5., -5., -5.]).unwrap();
        let n = layer_norm(&x, &[1.0; 4], &[0.0; 4], 1e-5);
        assert_eq!(n.mean, [2.5, -5.0]);
        assert_eq!(n.var, [1.25, 0.0]);
        let r0 = n.output.row(0);
        assert!((r0.iter().sum::<f32>()).abs() < 1e-5);
        assert!((r0[3] - 1.5 / (1.25f32 + 1e-5).sqrt()).abs() < 1e-6);
        assert_eq!(n.output.row(1), [0.0; 4]);
        let scaled = layer_norm(&x, &[2.0; 4], &[1.0; 4], 1e-5);
        assert!((scaled.output.row(0)[0] - (1.0 + 2.0 * r0[0])).abs() < 1e-6);
    }
}
