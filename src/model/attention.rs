//! Causal multi-head self-attention: every token gathers information from itself and the tokens
//! before it, weighted by how well its query matches their keys.

use serde::Serialize;

use super::matrix::{Matrix, gemm};
use super::softmax::softmax_in_place;

/// One head's numbers, for the trace. `n` new tokens, `T` tokens in all (cache included).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HeadValues {
    /// Queries `[n × d_k]`, keys and values `[T × d_k]`.
    pub q: Matrix,
    pub k: Matrix,
    pub v: Matrix,
    /// Raw scores `Q·Kᵀ/√d_k` `[n × T]`.
    pub scores: Matrix,
    /// The scores with the causal mask: −∞ where a token would look ahead `[n × T]`.
    pub masked_scores: Matrix,
    /// Attention weights `α = softmax(masked scores)`, each row summing to 1 `[n × T]`.
    pub weights: Matrix,
    /// Context vectors `α·V` `[n × d_k]`.
    pub context: Matrix,
}

/// What [`attention`] keeps besides its result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// Only the concatenated contexts (inference).
    Nothing,
    /// Also each head's weights α (training needs them for the backward pass).
    Weights,
    /// Every head's [`HeadValues`] (the visualizer's trace).
    Everything,
}

/// The result of [`attention`].
#[derive(Debug, Clone, PartialEq)]
pub struct AttentionOutput {
    /// The heads' contexts side by side `[n × d]`.
    pub concat: Matrix,
    /// Per head α `[n × T]`, with [`Record::Weights`] or [`Record::Everything`].
    pub weights: Vec<Matrix>,
    /// Per head everything, with [`Record::Everything`].
    pub heads: Vec<HeadValues>,
}

/// Attention for `n` new tokens at positions `start .. start + n`.
///
/// For head h with `Q_h`, `K_h`, `V_h` the h-th `d_k` columns of Q, K, V:
/// `scoreᵢⱼ = Q_hᵢ·K_hⱼ / √d_k`; masked to −∞ where `j > start + i` (a token sees only itself
/// and earlier tokens); `α = softmax` per row; `context_h = α·V_h`. The heads' contexts are
/// concatenated side by side.
///
/// Shapes: `qkv` `[n × 3d]` (Q | K | V of the new tokens), `keys`, `values` `[T × d]` (all
/// tokens so far, the new ones included, `T = start + n`) → concatenation `[n × d]`, plus what
/// `record` asks for.
/// Backward: [`crate::training::backward::attention_backward`].
pub fn attention(
    qkv: &Matrix,
    keys: &Matrix,
    values: &Matrix,
    n_head: usize,
    start: usize,
    record: Record,
) -> AttentionOutput {
    let n = qkv.rows;
    let d = keys.cols;
    let t_all = keys.rows;
    debug_assert_eq!(qkv.cols, 3 * d);
    debug_assert_eq!(t_all, start + n);
    let dk = d / n_head;
    let scale = 1.0 / (dk as f32).sqrt();
    let mut concat = Matrix::zeros(n, d);
    let tracing = record == Record::Everything;
    let mut heads = Vec::new();
    let mut weights = Vec::new();
    let mut scores = Matrix::zeros(n, t_all);
    for h in 0..n_head {
        let off = h * dk;
        // scores = Q_h · K_hᵀ · scale
        gemm(
            n,
            dk,
            t_all,
            scale,
            &qkv.data[off..],
            ((3 * d) as isize, 1),
            &keys.data[off..],
            (1, d as isize),
            0.0,
            &mut scores.data,
            (t_all as isize, 1),
        );
        let raw = tracing.then(|| scores.clone());
        for i in 0..n {
            for s in &mut scores.row_mut(i)[start + i + 1..] {
                *s = f32::NEG_INFINITY;
            }
        }
        let masked = tracing.then(|| scores.clone());
        for i in 0..n {
            softmax_in_place(scores.row_mut(i), 1.0);
        }
        // context_h = α · V_h, written into its columns of the concatenation.
        gemm(
            n,
            t_all,
            dk,
            1.0,
            &scores.data,
            (t_all as isize, 1),
            &values.data[off..],
            (d as isize, 1),
            0.0,
            &mut concat.data[off..],
            (d as isize, 1),
        );
        if record != Record::Nothing {
            weights.push(scores.clone());
        }
        if let (Some(raw), Some(masked)) = (raw, masked) {
            heads.push(HeadValues {
                q: qkv.cols_slice(off, off + dk),
                k: keys.cols_slice(off, off + dk),
                v: values.cols_slice(off, off + dk),
                scores: raw,
                masked_scores: masked,
                weights: scores.clone(),
                context: concat.cols_slice(off, off + dk),
            });
        }
    }
    AttentionOutput {
        concat,
        weights,
        heads,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Attention written out with loops, one head.
    #[test]
    fn matches_the_definition_and_is_causal() {
        let (n, d, heads) = (3, 4, 2);
        let data: Vec<f32> = (0..n * 3 * d)
            .map(|i| ((i * 7) % 11) as f32 / 5.0 - 1.0)
            .collect();
        let qkv = Matrix::from_vec(n, 3 * d, data).unwrap();
        let keys = qkv.cols_slice(d, 2 * d);
        let values = qkv.cols_slice(2 * d, 3 * d);
        let out = attention(&qkv, &keys, &values, heads, 0, Record::Everything);
        let (concat, trace) = (out.concat, out.heads);
        assert_eq!(out.weights.len(), heads);
        let dk = d / heads;
        for (h, head) in trace.iter().enumerate() {
            for i in 0..n {
                let q = &qkv.row(i)[h * dk..(h + 1) * dk];
                let s: Vec<f32> = (0..=i)
                    .map(|j| {
                        let k = &keys.row(j)[h * dk..(h + 1) * dk];
                        q.iter().zip(k).map(|(a, b)| a * b).sum::<f32>() / (dk as f32).sqrt()
                    })
                    .collect();
                let m = s.iter().copied().fold(f32::MIN, f32::max);
                let e: Vec<f32> = s.iter().map(|x| (x - m).exp()).collect();
                let z: f32 = e.iter().sum();
                let alpha: Vec<f32> = e.iter().map(|x| x / z).collect();
                for c in 0..dk {
                    let want: f32 = (0..=i).map(|j| alpha[j] * values.row(j)[h * dk + c]).sum();
                    assert!((concat.row(i)[h * dk + c] - want).abs() < 1e-5);
                }
                let w = head.weights.row(i);
                assert!((w.iter().sum::<f32>() - 1.0).abs() < 1e-5);
                assert!(w[i + 1..].iter().all(|&a| a == 0.0), "looked ahead");
                assert!(
                    trace[h].masked_scores.row(i)[i + 1..]
                        .iter()
                        .all(|a| a.is_infinite())
                );
            }
        }
    }
}
