//! Token embeddings and position vectors: the first step of the forward pass.

use super::config::Positions;
use super::matrix::Matrix;

/// Token embeddings `E[t] = W_E[ids[t]]` — one row of the embedding table per token.
///
/// Shapes: `table` `[V × d]`, `ids` `[T]` (each `< V`, checked by the caller) → `[T × d]`.
pub fn token_embeddings(table: &Matrix, ids: &[u32]) -> Matrix {
    let mut out = Matrix::zeros(ids.len(), table.cols);
    for (t, &id) in ids.iter().enumerate() {
        out.row_mut(t).copy_from_slice(table.row(id as usize));
    }
    out
}

/// Position vectors `P[t]` for positions `start .. start + n`.
///
/// Learned: rows of `W_P` `[n_ctx × d]`. Sinusoidal (no table):
/// `P[pos, 2i] = sin(pos / 10000^(2i/d))`, `P[pos, 2i+1] = cos(pos / 10000^(2i/d))`.
/// Shape: `[n × d]`.
pub fn position_vectors(
    kind: Positions,
    table: Option<&Matrix>,
    d: usize,
    start: usize,
    n: usize,
) -> Matrix {
    match (kind, table) {
        (Positions::Learned, Some(w)) => w.rows_slice(start, start + n),
        _ => {
            let mut out = Matrix::zeros(n, d);
            for t in 0..n {
                let pos = (start + t) as f64;
                for i in 0..d / 2 {
                    let angle = pos / 10000f64.powf(2.0 * i as f64 / d as f64);
                    out.row_mut(t)[2 * i] = angle.sin() as f32;
                    out.row_mut(t)[2 * i + 1] = angle.cos() as f32;
                }
            }
            out
        }
    }
}

/// `X = E + P`, the input of the first layer. Shapes: `[T × d]` + `[T × d]` → `[T × d]`.
pub fn add(e: &Matrix, p: &Matrix) -> Matrix {
    Matrix {
        rows: e.rows,
        cols: e.cols,
        data: super::residual::residual_add(&e.data, &p.data),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lookup_and_sinusoids() {
        let table = Matrix::from_vec(3, 2, vec![0., 1., 2., 3., 4., 5.]).unwrap();
        assert_eq!(token_embeddings(&table, &[2, 0]).data, [4., 5., 0., 1.]);
        let p = position_vectors(Positions::Sinusoidal, None, 4, 0, 2);
        assert_eq!(p.row(0), [0.0, 1.0, 0.0, 1.0]);
        assert!((p.row(1)[0] - 1f32.sin()).abs() < 1e-6);
        assert!((p.row(1)[3] - (1.0f64 / 100.0).cos() as f32).abs() < 1e-6);
        let learned = position_vectors(Positions::Learned, Some(&table), 2, 1, 2);
        assert_eq!(learned.data, [2., 3., 4., 5.]);
    }
}
