//! The fast paths of [`super::linear`] and the matrix products of training: SGEMM over strided
//! views, row blocks spread over threads (rayon) natively, dot-product sweeps compiled for the
//! widest vector unit at hand, and buffers on transparent huge pages. They compute the same sums
//! as the formulas in [`super`]; only the order of work differs.

use super::{Matrix, dot};

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

/// `y[j] = x · W[j]` for every row j of W: one streaming pass over W. Natively, blocks of rows
/// go to separate threads.
pub(super) fn dots(x: &[f32], w: &Matrix, y: &mut [f32]) {
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
pub(super) fn products(x: &Matrix, w: &Matrix, y: &mut Matrix) {
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
