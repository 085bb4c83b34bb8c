//! The contrastive loss with in-batch negatives (InfoNCE, as in CLIP): B questions and their B
//! passages, every other passage in the batch a negative.
//!
//! With unit vectors `q_i`, `p_j` (`[B × k]`) and temperature τ, the similarities are
//! `S = Q·Pᵀ / τ` `[B × B]`; row i should pick column i and column j should pick row j:
//! `L = ½·(mean_i −log softmax(S_i·)_i + mean_j −log softmax(S_·j)_j)`.
//! A small τ sharpens the softmax: the loss then cares about the hardest negatives.

/// `v / |v|` and `|v|` (a zero vector stays zero).
pub fn l2_normalize(v: &[f32]) -> (Vec<f32>, f32) {
    let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    let scale = if norm > 0.0 { 1.0 / norm } else { 0.0 };
    (v.iter().map(|x| x * scale).collect(), norm)
}

/// Back through `e = z / |z|`: `dz = (de − e·(e·de)) / |z|`.
pub fn l2_normalize_backward(e: &[f32], norm: f32, de: &[f32]) -> Vec<f32> {
    if norm == 0.0 {
        return vec![0.0; e.len()];
    }
    let dot: f32 = e.iter().zip(de).map(|(a, b)| a * b).sum();
    e.iter()
        .zip(de)
        .map(|(a, g)| (g - a * dot) / norm)
        .collect()
}

fn dot(a: &[f32], b: &[f32]) -> f32 {
    a.iter().zip(b).map(|(x, y)| x * y).sum()
}

/// Softmax of `row` (numerically stable).
fn softmax(row: &[f32]) -> Vec<f32> {
    let max = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let exps: Vec<f32> = row.iter().map(|x| (x - max).exp()).collect();
    let sum: f32 = exps.iter().sum();
    exps.iter().map(|e| e / sum).collect()
}

/// The loss and its gradients with respect to the unit vectors: returns `(L, dQ, dP)`, with
/// `dS = ½/B·(softmax_rows(S) − I) + ½/B·(softmax_cols(S) − I)`, `dQ = dS·P/τ`, `dP = dSᵀ·Q/τ`.
/// Also the share of questions whose own passage scores highest (in-batch accuracy).
pub fn info_nce(
    q: &[Vec<f32>],
    p: &[Vec<f32>],
    tau: f32,
) -> (f32, Vec<Vec<f32>>, Vec<Vec<f32>>, f32) {
    let b = q.len();
    let s: Vec<Vec<f32>> = q
        .iter()
        .map(|qi| p.iter().map(|pj| dot(qi, pj) / tau).collect())
        .collect();
    let mut ds = vec![vec![0.0f32; b]; b];
    let mut loss = 0.0f32;
    let half = 0.5 / b as f32;
    let mut right = 0;
    for i in 0..b {
        let row = softmax(&s[i]);
        loss -= half * row[i].max(f32::MIN_POSITIVE).ln();
        for j in 0..b {
            ds[i][j] += half * (row[j] - f32::from(i == j));
        }
        if (0..b).all(|j| j == i || s[i][j] < s[i][i]) {
            right += 1;
        }
    }
    for j in 0..b {
        let column: Vec<f32> = (0..b).map(|i| s[i][j]).collect();
        let col = softmax(&column);
        loss -= half * col[j].max(f32::MIN_POSITIVE).ln();
        for i in 0..b {
            ds[i][j] += half * (col[i] - f32::from(i == j));
        }
    }
    let k = q.first().map_or(0, Vec::len);
    let mut dq = vec![vec![0.0f32; k]; b];
    let mut dp = vec![vec![0.0f32; k]; b];
    for i in 0..b {
        for j in 0..b {
            let g = ds[i][j] / tau;
            for c in 0..k {
                dq[i][c] += g * p[j][c];
                dp[j][c] += g * q[i][c];
            }
        }
    }
    (loss, dq, dp, right as f32 / b.max(1) as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::Rng;

    fn random(rng: &mut Rng, rows: usize, cols: usize) -> Vec<Vec<f32>> {
        (0..rows)
            .map(|_| (0..cols).map(|_| rng.normal() as f32).collect())
            .collect()
    }

    /// The loss as a function of raw vectors (normalised inside), for finite differences.
    fn loss_of(q: &[Vec<f32>], p: &[Vec<f32>], tau: f32) -> f32 {
        let n = |v: &[Vec<f32>]| v.iter().map(|x| l2_normalize(x).0).collect::<Vec<_>>();
        info_nce(&n(q), &n(p), tau).0
    }

    #[test]
    fn gradients_match_finite_differences() {
        let mut rng = Rng::new(3);
        let (q, p) = (random(&mut rng, 4, 5), random(&mut rng, 4, 5));
        let tau = 0.2;
        let norm: Vec<_> = q.iter().map(|x| l2_normalize(x)).collect();
        let pn: Vec<_> = p.iter().map(|x| l2_normalize(x).0).collect();
        let qn: Vec<_> = norm.iter().map(|(e, _)| e.clone()).collect();
        let (_, dq, _, _) = info_nce(&qn, &pn, tau);
        let eps = 1e-3;
        for i in 0..4 {
            let dz = l2_normalize_backward(&norm[i].0, norm[i].1, &dq[i]);
            for c in 0..5 {
                let (mut plus, mut minus) = (q.clone(), q.clone());
                plus[i][c] += eps;
                minus[i][c] -= eps;
                let numeric = (loss_of(&plus, &p, tau) - loss_of(&minus, &p, tau)) / (2.0 * eps);
                assert!(
                    (numeric - dz[c]).abs() < 2e-3,
                    "q[{i}][{c}]: {numeric} vs {}",
                    dz[c]
                );
            }
        }
    }

    #[test]
    fn matching_pairs_give_a_low_loss_and_full_accuracy() {
        let e = |i: usize| -> Vec<f32> { (0..3).map(|c| f32::from(c == i)).collect() };
        let q: Vec<_> = (0..3).map(e).collect();
        let (loss, _, _, acc) = info_nce(&q, &q, 0.05);
        assert!(loss < 1e-6, "{loss}");
        assert_eq!(acc, 1.0);
        // Swapped passages: the loss is large, nothing right.
        let p = vec![e(1), e(2), e(0)];
        let (loss, _, _, acc) = info_nce(&q, &p, 0.05);
        assert!(loss > 10.0 && acc == 0.0, "{loss} {acc}");
        assert_eq!(l2_normalize(&[3.0, 4.0]), (vec![0.6, 0.8], 5.0));
    }
}
