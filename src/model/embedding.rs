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

/// Coordinates of every row in the plane of the table's first two principal components (the
/// two directions of largest variance), for a 2-D map. Runs [`Pca`] to the end.
/// Shapes: `table` `[V × d]` → `V` × (x, y).
pub fn pca_2d(table: &Matrix) -> Vec<(f32, f32)> {
    let mut pca = Pca::new(table);
    while !pca.done() {
        pca.step();
    }
    pca.coords()
}

/// Power-iteration steps per component.
pub const PCA_STEPS: usize = 200;

/// The first two principal components of a table's rows, found one step at a time so that a
/// page can spread the work over several frames.
///
/// The rows are centred (`X` `[n × d]`); a component is the top eigenvector of `XᵀX`, found by
/// power iteration `v ← Xᵀ(X·v) / ‖Xᵀ(X·v)‖` (cost `2·n·d` per step, no `d × d` matrix); the
/// second with the first projected out. Deterministic, with a fixed sign.
pub struct Pca {
    /// Centred rows `[n × d]`.
    x: Vec<f64>,
    n: usize,
    d: usize,
    components: Vec<Vec<f64>>,
    v: Vec<f64>,
    steps: usize,
}

impl Pca {
    pub fn new(table: &Matrix) -> Pca {
        let (n, d) = (table.rows, table.cols);
        let mean: Vec<f64> = (0..d)
            .map(|j| (0..n).map(|i| table.row(i)[j] as f64).sum::<f64>() / n.max(1) as f64)
            .collect();
        let x = (0..n)
            .flat_map(|i| table.row(i).iter().zip(&mean).map(|(&x, m)| x as f64 - m))
            .collect();
        Pca {
            x,
            n,
            d,
            components: Vec::new(),
            v: Pca::start(d, 0),
            steps: 0,
        }
    }

    fn start(d: usize, c: usize) -> Vec<f64> {
        (0..d)
            .map(|j| 1.0 + ((j * 7 + c * 3) % 5) as f64 * 0.1)
            .collect()
    }

    /// Whether both components are found (at once for an empty table).
    pub fn done(&self) -> bool {
        self.components.len() == 2 || self.n == 0 || self.d == 0
    }

    /// Share of the work done, 0 … 1.
    pub fn progress(&self) -> f32 {
        if self.done() {
            return 1.0;
        }
        (self.components.len() * PCA_STEPS + self.steps) as f32 / (2 * PCA_STEPS) as f32
    }

    /// One power-iteration step; the last step of a component fixes its sign and starts the
    /// next.
    pub fn step(&mut self) {
        if self.done() {
            return;
        }
        let (n, d) = (self.n, self.d);
        let mut w = vec![0.0f64; d];
        for i in 0..n {
            let row = &self.x[i * d..(i + 1) * d];
            let xv: f64 = row.iter().zip(&self.v).map(|(a, b)| a * b).sum();
            w.iter_mut().zip(row).for_each(|(acc, &a)| *acc += xv * a);
        }
        for prev in &self.components {
            let p: f64 = w.iter().zip(prev).map(|(x, y)| x * y).sum();
            w.iter_mut().zip(prev).for_each(|(x, y)| *x -= p * y);
        }
        let norm = w.iter().map(|x| x * x).sum::<f64>().sqrt();
        if norm > 0.0 {
            self.v = w.into_iter().map(|x| x / norm).collect();
        }
        self.steps += 1;
        if self.steps == PCA_STEPS || norm == 0.0 {
            let mut v = std::mem::take(&mut self.v);
            // A fixed sign, so the map does not flip between runs.
            let largest = v
                .iter()
                .copied()
                .fold(0.0, |acc: f64, x| if x.abs() > acc.abs() { x } else { acc });
            if largest < 0.0 {
                v.iter_mut().for_each(|x| *x = -*x);
            }
            self.components.push(v);
            self.v = Pca::start(d, self.components.len());
            self.steps = 0;
        }
    }

    /// Each row's (first, second) component coordinate; zeros until [`Pca::done`].
    pub fn coords(&self) -> Vec<(f32, f32)> {
        let d = self.d;
        let proj = |row: &[f64], c: Option<&Vec<f64>>| {
            c.map_or(0.0, |c| row.iter().zip(c).map(|(a, b)| a * b).sum::<f64>()) as f32
        };
        (0..self.n)
            .map(|i| {
                let row = &self.x[i * d..(i + 1) * d];
                (
                    proj(row, self.components.first()),
                    proj(row, self.components.get(1)),
                )
            })
            .collect()
    }
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

    #[test]
    fn pca_finds_the_direction_of_largest_spread() {
        // Points along the line y = 2x (plus a little noise in z): the first component is that line.
        let rows: Vec<f32> = (0..20)
            .flat_map(|i| {
                let t = i as f32 - 10.0;
                [t, 2.0 * t, if i % 2 == 0 { 0.1 } else { -0.1 }]
            })
            .collect();
        let table = Matrix::from_vec(20, 3, rows).unwrap();
        let xy = pca_2d(&table);
        let span_x = xy.iter().map(|p| p.0).fold(f32::MIN, f32::max)
            - xy.iter().map(|p| p.0).fold(f32::MAX, f32::min);
        let span_y = xy.iter().map(|p| p.1).fold(f32::MIN, f32::max)
            - xy.iter().map(|p| p.1).fold(f32::MAX, f32::min);
        assert!((span_x - 19.0 * 5f32.sqrt()).abs() < 1e-3, "{span_x}");
        assert!(span_y < 0.5);
    }
}
