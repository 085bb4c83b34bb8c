//! The one tensor type of the CPU model — a row-major matrix — and the dense (linear) layer,
//! the operation where a transformer spends nearly all its time.
//!
//! Weight matrices are stored `[out × in]` (PyTorch's `nn.Linear` layout; checkpoints in GPT-2's
//! `Conv1D` layout `[in × out]` are transposed on load), so a linear layer is `y = x·Wᵀ + b`
//! with the rows of `x` as tokens, and output j is the dot product of `x` with row j of W.
//!
//! How the sums are computed fast lives in [`fast`]: many rows go to `matrixmultiply`'s blocked
//! SGEMM; a single row (decoding one token) is a sweep of dot products that streams each weight
//! from memory exactly once — the same sweep as the LM head, whose matrix is the embedding table
//! `[V × d]`. Natively, work is spread over threads (rayon); in wasm everything runs on the
//! calling thread.

use serde::Serialize;

pub mod fast;

use fast::{dots, products};
pub use fast::{gemm, par_gemm, zeroed};

/// A row-major matrix: element (r, c) is `data[r * cols + c]`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub rows: usize,
    pub cols: usize,
    pub data: Vec<f32>,
}

impl Matrix {
    pub fn zeros(rows: usize, cols: usize) -> Matrix {
        Matrix {
            rows,
            cols,
            data: zeroed(rows * cols),
        }
    }

    /// A matrix over a copy of `data` in freshly allocated memory (see [`zeroed`]): how weights
    /// read from a file are stored.
    pub fn copy_from(rows: usize, cols: usize, data: &[f32]) -> Matrix {
        assert_eq!(data.len(), rows * cols);
        let mut m = Matrix::zeros(rows, cols);
        m.data.copy_from_slice(data);
        m
    }

    /// A matrix over `data`; `None` if the length is not `rows × cols`.
    pub fn from_vec(rows: usize, cols: usize, data: Vec<f32>) -> Option<Matrix> {
        (data.len() == rows * cols).then_some(Matrix { rows, cols, data })
    }

    pub fn row(&self, r: usize) -> &[f32] {
        &self.data[r * self.cols..(r + 1) * self.cols]
    }

    pub fn row_mut(&mut self, r: usize) -> &mut [f32] {
        &mut self.data[r * self.cols..(r + 1) * self.cols]
    }

    /// Rows `start..end` as a new matrix.
    pub fn rows_slice(&self, start: usize, end: usize) -> Matrix {
        Matrix {
            rows: end - start,
            cols: self.cols,
            data: self.data[start * self.cols..end * self.cols].to_vec(),
        }
    }

    /// Columns `start..end` as a new matrix (e.g. one attention head's slice of Q).
    pub fn cols_slice(&self, start: usize, end: usize) -> Matrix {
        let mut out = Matrix::zeros(self.rows, end - start);
        for r in 0..self.rows {
            out.row_mut(r).copy_from_slice(&self.row(r)[start..end]);
        }
        out
    }
}

/// Dense layer `y = x·Wᵀ + b`: `y[t][j] = b[j] + Σᵢ x[t][i]·W[j][i]`.
///
/// Shapes: `x` `[T × in]`, `w` `[out × in]`, `b` `[out]` (or none) → `[T × out]`.
/// Backward: [`crate::training::backward::linear_backward`].
pub fn linear(x: &Matrix, w: &Matrix, b: Option<&[f32]>) -> Matrix {
    assert_eq!(
        x.cols, w.cols,
        "linear: x has {} columns, W has {} inputs",
        x.cols, w.cols
    );
    let mut y = Matrix::zeros(x.rows, w.rows);
    if x.rows == 1 {
        dots(x.row(0), w, &mut y.data);
    } else {
        products(x, w, &mut y);
    }
    if let Some(b) = b {
        assert_eq!(b.len(), w.rows);
        for r in 0..y.rows {
            for (o, &bj) in y.row_mut(r).iter_mut().zip(b) {
                *o += bj;
            }
        }
    }
    y
}

/// `Mᵀ`: `[r × c]` → `[c × r]`.
pub fn transpose(m: &Matrix) -> Matrix {
    let mut t = Matrix::zeros(m.cols, m.rows);
    for r in 0..m.rows {
        for (c, &v) in m.row(r).iter().enumerate() {
            t.data[c * m.rows + r] = v;
        }
    }
    t
}

/// `Σᵢ a[i]·b[i]`, in 32 independent sums over fixed-size chunks so the compiler vectorises it
/// (and keeps several vector registers busy).
#[inline(always)]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len());
    const LANES: usize = 32;
    let mut acc = [0.0f32; LANES];
    let (ca, cb) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    let tail: f32 = ca
        .remainder()
        .iter()
        .zip(cb.remainder())
        .map(|(x, y)| x * y)
        .sum();
    for (x, y) in ca.zip(cb) {
        for l in 0..LANES {
            acc[l] += x[l] * y[l];
        }
    }
    acc.iter().sum::<f32>() + tail
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(x: &Matrix, w: &Matrix, b: &[f32]) -> Matrix {
        let mut y = Matrix::zeros(x.rows, w.rows);
        for r in 0..x.rows {
            for (j, &bj) in b.iter().enumerate() {
                let mut s = bj as f64;
                for i in 0..x.cols {
                    s += x.row(r)[i] as f64 * w.row(j)[i] as f64;
                }
                y.row_mut(r)[j] = s as f32;
            }
        }
        y
    }

    fn pseudo(n: usize, seed: u32) -> Vec<f32> {
        (0..n)
            .map(|i| {
                (((i as u32).wrapping_mul(2654435761).wrapping_add(seed)) % 1000) as f32 / 500.0
                    - 1.0
            })
            .collect()
    }

    #[test]
    fn linear_matches_the_definition_for_one_and_many_rows() {
        for (t, i, o) in [(1, 7, 5), (3, 7, 5), (1, 300, 700), (9, 130, 260)] {
            let x = Matrix::from_vec(t, i, pseudo(t * i, 1)).unwrap();
            let w = Matrix::from_vec(o, i, pseudo(i * o, 2)).unwrap();
            let b = pseudo(o, 3);
            let got = linear(&x, &w, Some(&b));
            let want = naive(&x, &w, &b);
            for (g, e) in got.data.iter().zip(&want.data) {
                assert!((g - e).abs() < 1e-3, "{t}×{i}×{o}: {g} vs {e}");
            }
        }
    }

    #[test]
    fn without_bias_and_transposed() {
        let x = Matrix::from_vec(1, 33, pseudo(33, 4)).unwrap();
        let e = Matrix::from_vec(101, 33, pseudo(101 * 33, 5)).unwrap();
        let y = linear(&x, &e, None);
        for v in 0..101 {
            let want: f32 = x.row(0).iter().zip(e.row(v)).map(|(a, b)| a * b).sum();
            assert!((y.row(0)[v] - want).abs() < 1e-4);
        }
        let m = Matrix::from_vec(2, 3, vec![1., 2., 3., 4., 5., 6.]).unwrap();
        assert_eq!(transpose(&m).data, [1., 4., 2., 5., 3., 6.]);
        assert_eq!(transpose(&transpose(&m)), m);
    }

    #[test]
    fn slices() {
        let m = Matrix::from_vec(2, 3, vec![1., 2., 3., 4., 5., 6.]).unwrap();
        assert_eq!(m.cols_slice(1, 3).data, [2., 3., 5., 6.]);
        assert_eq!(m.rows_slice(1, 2).data, [4., 5., 6.]);
        assert!(Matrix::from_vec(2, 2, vec![1.0]).is_none());
    }
}
