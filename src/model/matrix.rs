//! The one tensor type of the CPU model — a row-major matrix — and the dense (linear) layer,
//! the operation where a transformer spends nearly all its time.
//!
//! Weight matrices are stored `[out × in]` (PyTorch's `nn.Linear` layout; checkpoints in GPT-2's
//! `Conv1D` layout `[in × out]` are transposed on load), so a linear layer is `y = x·Wᵀ + b`
//! with the rows of `x` as tokens, and output j is the dot product of `x` with row j of W. Many
//! rows go to `matrixmultiply`'s blocked SGEMM; a single row (decoding one token) is a sweep of
//! dot products that streams each weight from memory exactly once — the same sweep as the LM
//! head, whose matrix is the embedding table `[V × d]`. Natively, work is spread over threads
//! (rayon); in wasm everything runs on the calling thread.

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

/// `n` zeros. On Linux, a buffer of 4 MiB or more is marked for transparent huge pages before
/// it is first touched: streaming the weights through the processor then costs far fewer page
/// walks (measured here: 9.4 → 14.1 GB/s on one core).
pub fn zeroed(n: usize) -> Vec<f32> {
    #[cfg(target_os = "linux")]
    if n * 4 >= 4 << 20 {
        const HUGE: usize = 2 << 20;
        let mut v: Vec<f32> = Vec::with_capacity(n);
        let start = v.as_mut_ptr() as usize;
        let aligned = start.next_multiple_of(HUGE);
        let end = (start + n * 4) & !(HUGE - 1);
        if end > aligned {
            // SAFETY: the range lies inside the allocation just made; madvise only gives the
            // kernel a hint about those pages and does not touch their contents.
            unsafe {
                libc::madvise(
                    aligned as *mut libc::c_void,
                    end - aligned,
                    libc::MADV_HUGEPAGE,
                );
            }
        }
        v.resize(n, 0.0);
        return v;
    }
    vec![0.0; n]
}

/// Work below this many multiply-adds stays on one thread.
#[cfg(not(target_arch = "wasm32"))]
const PARALLEL_MIN_WORK: usize = 1 << 18;

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

/// [`gemm`] with the rows of C (row-major, `m × n`) spread over threads natively: row block
/// `i0..i1` of C needs row block `i0..i1` of A, which starts `i0 · rsa` elements in.
#[allow(clippy::too_many_arguments)]
pub fn par_gemm(
    m: usize,
    k: usize,
    n: usize,
    alpha: f32,
    a: &[f32],
    (rsa, csa): (isize, isize),
    b: &[f32],
    rcb: (isize, isize),
    beta: f32,
    c: &mut [f32],
) {
    if m == 0 || n == 0 {
        return;
    }
    let rows_per = {
        #[cfg(not(target_arch = "wasm32"))]
        {
            if m * k * n >= PARALLEL_MIN_WORK * 4 {
                m.div_ceil(rayon::current_num_threads()).max(1)
            } else {
                m
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            m
        }
    };
    let block = |(i, cs): (usize, &mut [f32])| {
        let i0 = i * rows_per;
        let rows = cs.len() / n;
        gemm(
            rows,
            k,
            n,
            alpha,
            &a[i0 * rsa as usize..],
            (rsa, csa),
            b,
            rcb,
            beta,
            cs,
            (n as isize, 1),
        );
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        c[..m * n]
            .par_chunks_mut(rows_per * n)
            .enumerate()
            .for_each(block);
    }
    #[cfg(target_arch = "wasm32")]
    c[..m * n]
        .chunks_mut(rows_per * n)
        .enumerate()
        .for_each(block);
}

/// Dense layer `y = x·Wᵀ + b`: `y[t][j] = b[j] + Σᵢ x[t][i]·W[j][i]`.
///
/// Shapes: `x` `[T × in]`, `w` `[out × in]`, `b` `[out]` (or none) → `[T × out]`.
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

/// `y[j] = x · W[j]` for every row j of W: one streaming pass over W. Natively, blocks of rows
/// go to separate threads.
fn dots(x: &[f32], w: &Matrix, y: &mut [f32]) {
    let sweep = |j0: usize, out: &mut [f32]| sweep_dots(x, w, j0, out);
    #[cfg(not(target_arch = "wasm32"))]
    if w.rows * w.cols >= PARALLEL_MIN_WORK {
        use rayon::prelude::*;
        let chunk = w.rows.div_ceil(rayon::current_num_threads() * 4).max(16);
        y.par_chunks_mut(chunk)
            .enumerate()
            .for_each(|(c, out)| sweep(c * chunk, out));
        return;
    }
    sweep(0, y);
}

/// `out[k] = x · W[j0 + k]`, compiled for the widest vector unit the processor has (checked at
/// run time on x86-64; the arithmetic is the same, only the instructions differ).
fn sweep_dots(x: &[f32], w: &Matrix, j0: usize, out: &mut [f32]) {
    #[cfg(target_arch = "x86_64")]
    {
        if std::arch::is_x86_feature_detected!("avx512f") {
            // SAFETY: the processor supports AVX-512F (checked just above).
            return unsafe { sweep_avx512(x, w, j0, out) };
        }
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("fma")
        {
            // SAFETY: the processor supports AVX2 and FMA (checked just above).
            return unsafe { sweep_avx2(x, w, j0, out) };
        }
    }
    sweep_portable(x, w, j0, out);
}

#[inline(always)]
fn sweep_portable(x: &[f32], w: &Matrix, j0: usize, out: &mut [f32]) {
    for (k, o) in out.iter_mut().enumerate() {
        *o = dot(x, w.row(j0 + k));
    }
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f")]
fn sweep_avx512(x: &[f32], w: &Matrix, j0: usize, out: &mut [f32]) {
    sweep_portable(x, w, j0, out);
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
fn sweep_avx2(x: &[f32], w: &Matrix, j0: usize, out: &mut [f32]) {
    sweep_portable(x, w, j0, out);
}

/// `Y = X·Wᵀ` for many rows. A large W is multiplied as `Yᵀ = W·Xᵀ` so that SGEMM packs W row
/// by row, the order it lies in memory; natively, blocks of W's rows (output features) go to
/// separate threads, each into its own buffer, which is then copied into its columns of Y.
fn products(x: &Matrix, w: &Matrix, y: &mut Matrix) {
    let (t, k, n) = (x.rows, w.cols, w.rows);
    // A weight matrix that fits in cache packs quickly even read across its rows: then compute
    // Y = X·Wᵀ directly, row blocks of X on separate threads, with no transposed copy.
    if w.data.len() * 4 <= 1 << 20 {
        par_gemm(
            t,
            k,
            n,
            1.0,
            &x.data,
            (k as isize, 1),
            &w.data,
            (1, k as isize),
            0.0,
            &mut y.data,
        );
        return;
    }
    // `out[j][r] = W[j0 + j] · x[r]` for the rows j0 .. j0 + out.len() / t of W.
    let block = |j0: usize, out: &mut [f32]| {
        let m = out.len() / t;
        gemm(
            m,
            k,
            t,
            1.0,
            &w.data[j0 * k..],
            (k as isize, 1),
            &x.data,
            (1, k as isize),
            0.0,
            out,
            (t as isize, 1),
        );
    };
    let threads = {
        #[cfg(not(target_arch = "wasm32"))]
        {
            if t * k * n >= PARALLEL_MIN_WORK * 4 {
                rayon::current_num_threads()
            } else {
                1
            }
        }
        #[cfg(target_arch = "wasm32")]
        {
            1
        }
    };
    let per = n.div_ceil(threads).max(1);
    let mut parts: Vec<Vec<f32>> = (0..n.div_ceil(per))
        .map(|b| vec![0.0; per.min(n - b * per) * t])
        .collect();
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        parts
            .par_iter_mut()
            .enumerate()
            .for_each(|(b, out)| block(b * per, out));
    }
    #[cfg(target_arch = "wasm32")]
    for (b, out) in parts.iter_mut().enumerate() {
        block(b * per, out);
    }
    // Copy each part `[m × t]` transposed into its columns of Y, in 32 × 32 tiles so that
    // reads and writes both stay in cache.
    const TILE: usize = 32;
    for (b, part) in parts.iter().enumerate() {
        let j0 = b * per;
        let m = part.len() / t;
        for jt in (0..m).step_by(TILE) {
            for rt in (0..t).step_by(TILE) {
                for j in jt..(jt + TILE).min(m) {
                    let rows = rt..(rt + TILE).min(t);
                    for (r, &v) in rows
                        .clone()
                        .zip(&part[j * t + rows.start..j * t + rows.end])
                    {
                        y.data[r * n + j0 + j] = v;
                    }
                }
            }
        }
    }
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
