//! The one tensor type of the CPU model — a row-major matrix — and the dense (linear) layer,
//! the operation where a transformer spends nearly all its time.
//!
//! Weights use GPT-2's `Conv1D` layout `[in × out]`, so a linear layer is `y = x·W + b` with
//! the rows of `x` as tokens. Products go to `matrixmultiply`'s blocked SGEMM; a single row
//! (decoding one token) uses a streaming vector–matrix product instead, which reads each weight
//! once. Natively, rows or columns are spread over threads (rayon); in wasm everything runs on
//! the calling thread.

use serde::Serialize;

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
            data: vec![0.0; rows * cols],
        }
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

/// Work below this many multiply-adds stays on one thread.
#[cfg(not(target_arch = "wasm32"))]
const PARALLEL_MIN_WORK: usize = 1 << 16;

/// `C[m×n] = alpha · A·B + beta · C` over strided views (`rs`/`cs`: row and column strides), so
/// transposes and column slices need no copies.
///
/// # Safety contract (checked by the callers' shapes)
/// Every index reached through the strides lies inside the slices.
#[allow(clippy::too_many_arguments)]
pub fn gemm(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: &[f32],
    (rsa, csa): (isize, isize),
    b: &[f32],
    (rsb, csb): (isize, isize),
    beta: f32,
    c: &mut [f32],
    (rsc, csc): (isize, isize),
) {
    if m == 0 || n == 0 {
        return;
    }
    let last = |rows: usize, cols: usize, rs: isize, cs: isize| {
        if rows == 0 || cols == 0 {
            0
        } else {
            (rows as isize - 1) * rs + (cols as isize - 1) * cs
        }
    };
    assert!(last(m, k, rsa, csa) < a.len() as isize || k == 0);
    assert!(last(k, n, rsb, csb) < b.len() as isize || k == 0);
    assert!(last(m, n, rsc, csc) < c.len() as isize);
    // SAFETY: the asserts above keep every strided access inside the three slices, and `c`
    // does not alias `a` or `b` (it is borrowed mutably).
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            alpha,
            a.as_ptr(),
            rsa,
            csa,
            b.as_ptr(),
            rsb,
            csb,
            beta,
            c.as_mut_ptr(),
            rsc,
            csc,
        );
    }
}

/// Dense layer `y = x·W + b`.
///
/// Shapes: `x` `[T × in]`, `w` `[in × out]`, `b` `[out]` → `[T × out]`.
pub fn linear(x: &Matrix, w: &Matrix, b: &[f32]) -> Matrix {
    assert_eq!(
        x.cols, w.rows,
        "linear: x has {} columns, W has {} rows",
        x.cols, w.rows
    );
    assert_eq!(b.len(), w.cols);
    let mut y = Matrix::zeros(x.rows, w.cols);
    for r in 0..y.rows {
        y.row_mut(r).copy_from_slice(b);
    }
    if x.rows == 1 {
        vec_mat_add(x.row(0), w, y.row_mut(0));
    } else {
        mat_mat_add(x, w, &mut y);
    }
    y
}

/// `y += x·W` for one row: `y[j] += Σᵢ x[i]·W[i][j]`, reading W row by row (streaming).
/// Natively, column blocks of `y` go to separate threads.
fn vec_mat_add(x: &[f32], w: &Matrix, y: &mut [f32]) {
    let block = |j0: usize, out: &mut [f32]| {
        let j1 = j0 + out.len();
        for (i, &xi) in x.iter().enumerate() {
            if xi == 0.0 {
                continue;
            }
            let wr = &w.row(i)[j0..j1];
            for (o, &wv) in out.iter_mut().zip(wr) {
                *o += xi * wv;
            }
        }
    };
    #[cfg(not(target_arch = "wasm32"))]
    if w.rows * w.cols >= PARALLEL_MIN_WORK {
        use rayon::prelude::*;
        let chunk = w.cols.div_ceil(rayon::current_num_threads() * 4).max(64);
        y.par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(c, out)| block(c * chunk, out));
        return;
    }
    block(0, y);
}

/// `Y += X·W` for many rows (SGEMM). Natively, row blocks go to separate threads.
fn mat_mat_add(x: &Matrix, w: &Matrix, y: &mut Matrix) {
    let (k, n) = (w.rows, w.cols);
    let run = |xs: &[f32], ys: &mut [f32]| {
        let m = xs.len() / k;
        gemm(
            m,
            k,
            n,
            1.0,
            xs,
            (k as isize, 1),
            &w.data,
            (n as isize, 1),
            1.0,
            ys,
            (n as isize, 1),
        );
    };
    #[cfg(not(target_arch = "wasm32"))]
    if x.rows * k * n >= PARALLEL_MIN_WORK * 4 && x.rows >= 2 {
        use rayon::prelude::*;
        let rows_per = x.rows.div_ceil(rayon::current_num_threads()).max(1);
        x.data
            .par_chunks(rows_per * k)
            .zip(y.data.par_chunks_mut(rows_per * n))
            .for_each(|(xs, ys)| run(xs, ys));
        return;
    }
    run(&x.data, &mut y.data);
}

/// `y = x·Eᵀ` — scores of each row of `x` against every row of `e` (the LM head with tied
/// embeddings: `logits = h·W_Eᵀ`).
///
/// Shapes: `x` `[T × d]`, `e` `[V × d]` → `[T × V]`.
pub fn matmul_transposed(x: &Matrix, e: &Matrix) -> Matrix {
    assert_eq!(x.cols, e.cols);
    let (d, v) = (e.cols, e.rows);
    let mut y = Matrix::zeros(x.rows, v);
    if x.rows == 1 {
        let h = x.row(0);
        let dots = |v0: usize, out: &mut [f32]| {
            for (j, o) in out.iter_mut().enumerate() {
                *o = dot(h, e.row(v0 + j));
            }
        };
        #[cfg(not(target_arch = "wasm32"))]
        if v * d >= PARALLEL_MIN_WORK {
            use rayon::prelude::*;
            let chunk = v.div_ceil(rayon::current_num_threads() * 4).max(64);
            y.data
                .par_chunks_mut(chunk)
                .enumerate()
                .for_each(|(c, out)| dots(c * chunk, out));
            return y;
        }
        dots(0, &mut y.data);
        return y;
    }
    gemm(
        x.rows,
        d,
        v,
        1.0,
        &x.data,
        (d as isize, 1),
        &e.data,
        (1, d as isize),
        0.0,
        &mut y.data,
        (v as isize, 1),
    );
    y
}

/// `Σᵢ a[i]·b[i]`, in four independent sums so the compiler can vectorise it.
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0.0f32; 4];
    let chunks = a.len() / 4;
    for i in 0..chunks {
        for l in 0..4 {
            acc[l] += a[4 * i + l] * b[4 * i + l];
        }
    }
    let mut sum = (acc[0] + acc[1]) + (acc[2] + acc[3]);
    for i in chunks * 4..a.len() {
        sum += a[i] * b[i];
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naive(x: &Matrix, w: &Matrix, b: &[f32]) -> Matrix {
        let mut y = Matrix::zeros(x.rows, w.cols);
        for r in 0..x.rows {
            for (j, &bj) in b.iter().enumerate() {
                let mut s = bj as f64;
                for i in 0..x.cols {
                    s += x.row(r)[i] as f64 * w.row(i)[j] as f64;
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
            let w = Matrix::from_vec(i, o, pseudo(i * o, 2)).unwrap();
            let b = pseudo(o, 3);
            let got = linear(&x, &w, &b);
            let want = naive(&x, &w, &b);
            for (g, e) in got.data.iter().zip(&want.data) {
                assert!((g - e).abs() < 1e-3, "{t}×{i}×{o}: {g} vs {e}");
            }
        }
    }

    #[test]
    fn transposed_product_matches() {
        for t in [1, 4] {
            let x = Matrix::from_vec(t, 33, pseudo(t * 33, 4)).unwrap();
            let e = Matrix::from_vec(101, 33, pseudo(101 * 33, 5)).unwrap();
            let y = matmul_transposed(&x, &e);
            for r in 0..t {
                for v in 0..101 {
                    let want: f32 = x.row(r).iter().zip(e.row(v)).map(|(a, b)| a * b).sum();
                    assert!((y.row(r)[v] - want).abs() < 1e-4);
                }
            }
        }
    }

    #[test]
    fn slices() {
        let m = Matrix::from_vec(2, 3, vec![1., 2., 3., 4., 5., 6.]).unwrap();
        assert_eq!(m.cols_slice(1, 3).data, [2., 3., 5., 6.]);
        assert_eq!(m.rows_slice(1, 2).data, [4., 5., 6.]);
        assert!(Matrix::from_vec(2, 2, vec![1.0]).is_none());
    }
}
