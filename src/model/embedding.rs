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

/// `cos θ = a·b / (|a|·|b|)` (0 when a vector is zero).
pub fn cosine(a: &[f32], b: &[f32]) -> f32 {
    let dot: f32 = a.iter().zip(b).map(|(x, y)| x * y).sum();
    let na = a.iter().map(|x| x * x).sum::<f32>().sqrt();
    let nb = b.iter().map(|x| x * x).sum::<f32>().sqrt();
    if na == 0.0 || nb == 0.0 {
        0.0
    } else {
        dot / (na * nb)
    }
}

/// The `k` rows of the embedding table most similar to `query` by cosine, best first, leaving
/// out the ids in `exclude`. Shapes: `table` `[V × d]`, `query` `[d]` → `k` × (id, cosine).
pub fn nearest(table: &Matrix, query: &[f32], k: usize, exclude: &[u32]) -> Vec<(u32, f32)> {
    let mut scored: Vec<(u32, f32)> = (0..table.rows as u32)
        .filter(|id| !exclude.contains(id))
        .map(|id| (id, cosine(query, table.row(id as usize))))
        .collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(k);
    scored
}

/// The analogy "a is to b as ? is to c", computed as `E[a] − E[b] + E[c]` (König − Mann + Frau),
/// and its `k` nearest rows other than a, b and c.
pub fn analogy(table: &Matrix, a: u32, b: u32, c: u32, k: usize) -> Vec<(u32, f32)> {
    let (ra, rb, rc) = (
        table.row(a as usize),
        table.row(b as usize),
        table.row(c as usize),
    );
    let query: Vec<f32> = (0..table.cols).map(|i| ra[i] - rb[i] + rc[i]).collect();
    nearest(table, &query, k, &[a, b, c])
}

#[cfg(test)]
mod similarity_tests {
    use super::*;

    #[test]
    fn nearest_and_analogy_on_a_toy_table() {
        // Dimensions: [royal, male, female, animal].
        let rows = [
            [1.0, 1.0, 0.0, 0.0], // 0 king
            [1.0, 0.0, 1.0, 0.0], // 1 queen
            [0.0, 1.0, 0.0, 0.0], // 2 man
            [0.0, 0.0, 1.0, 0.0], // 3 woman
            [0.0, 0.0, 0.0, 1.0], // 4 dog
        ];
        let table = Matrix::from_vec(5, 4, rows.concat()).unwrap();
        assert_eq!(analogy(&table, 0, 2, 3, 1)[0].0, 1);
        let near = nearest(&table, table.row(0), 2, &[0]);
        assert_eq!(near.len(), 2);
        assert!((near[0].1 - 0.5f32.sqrt()).abs() < 1e-6);
        assert_eq!(cosine(&[1.0, 0.0], &[0.0, 0.0]), 0.0);
    }
}
