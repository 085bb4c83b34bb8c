//! The embedding model for retrieval: a GPT body (it starts as the built-in base model), its
//! final LayerNorm's output averaged over the text's tokens, a projection head and unit length.
//!
//! `e(text) = normalize(W · mean_t h_L[t])`, with `h_L` `[T × d]`, `W` `[k × d]`, `e` `[k]`.
//!
//! Trained contrastively ([`contrastive`], [`train`]) on questions and the passages that answer
//! them, so that a question lands near its passage even when it uses other words. The folder
//! `www/models/embed` holds the body as a GPT-2 checkpoint (`config.json`, `model.safetensors`),
//! the head as `projection.safetensors` and `tokenizer.json`.

pub mod contrastive;
pub mod data;
pub mod train;

use safetensors::{Dtype, SafeTensors, tensor::TensorView};

use crate::model::checkpoint::{StoreAs, f16_to_f32, f32_to_f16, load_safetensors};
use crate::model::matrix::Matrix;
use crate::model::{Config, Gpt, ModelError};
use crate::tokenizer::Tokenizer;
use crate::training::forward::{Activations, Batch, forward};
use contrastive::l2_normalize;

/// The name of the head's tensor in `projection.safetensors`.
const PROJECTION: &str = "projection.weight";

/// The body and the projection head `W` `[k × d]`.
#[derive(Debug, Clone)]
pub struct Embedder {
    pub gpt: Gpt,
    pub projection: Matrix,
}

/// Token ids of several texts as one padded batch, and each text's length.
pub struct Padded {
    pub batch: Batch,
    pub lengths: Vec<usize>,
}

/// Pads `texts` (each at least one token, at most the context) to the longest with token 0;
/// the causal mask keeps the padding out of the real tokens.
pub fn pad(texts: &[Vec<u32>]) -> Padded {
    let t = texts.iter().map(Vec::len).max().unwrap_or(1).max(1);
    let mut inputs = Vec::with_capacity(texts.len() * t);
    for ids in texts {
        inputs.extend_from_slice(ids);
        inputs.extend(std::iter::repeat_n(0, t - ids.len()));
    }
    Padded {
        batch: Batch {
            batch: texts.len(),
            seq_len: t,
            targets: inputs.clone(),
            mask: vec![0.0; inputs.len()],
            inputs,
        },
        lengths: texts.iter().map(Vec::len).collect(),
    }
}

/// The mean of each text's rows of `h` `[B·T × d]`: `[B][d]`.
pub fn mean_pool(h: &Matrix, seq_len: usize, lengths: &[usize]) -> Vec<Vec<f32>> {
    lengths
        .iter()
        .enumerate()
        .map(|(b, &n)| {
            let mut sum = vec![0.0f32; h.cols];
            for t in 0..n {
                for (s, x) in sum.iter_mut().zip(h.row(b * seq_len + t)) {
                    *s += x;
                }
            }
            sum.iter().map(|s| s / n.max(1) as f32).collect()
        })
        .collect()
}

/// `W · x` for `W` `[k × d]`.
pub fn project(w: &Matrix, x: &[f32]) -> Vec<f32> {
    (0..w.rows)
        .map(|r| w.row(r).iter().zip(x).map(|(a, b)| a * b).sum())
        .collect()
}

/// What a forward pass over a batch keeps for the backward pass.
pub struct Forward {
    pub padded: Padded,
    pub acts: Activations,
    pub pooled: Vec<Vec<f32>>,
    /// `W·pooled` and its length, before normalising.
    pub norms: Vec<f32>,
    /// The unit vectors `[B][k]`.
    pub vectors: Vec<Vec<f32>>,
}

impl Embedder {
    /// The base model with a head that keeps the first `k` of `d` dimensions, scaled by √(d/k)
    /// (before training, the embedding is the body's average state, cut short).
    pub fn from_base(gpt: Gpt, k: usize) -> Embedder {
        let d = gpt.config.d_model;
        let mut projection = Matrix::zeros(k.min(d), d);
        let scale = (d as f32 / k.min(d).max(1) as f32).sqrt();
        for r in 0..projection.rows {
            projection.row_mut(r)[r] = scale;
        }
        Embedder { gpt, projection }
    }

    /// Forward over token-id texts (each cut to the context; an empty one becomes one token 0).
    pub fn run(&self, texts: &[Vec<u32>]) -> Result<Forward, ModelError> {
        let n_ctx = self.gpt.config.n_ctx;
        let cut: Vec<Vec<u32>> = texts
            .iter()
            .map(|t| {
                if t.is_empty() {
                    vec![0]
                } else {
                    t[..t.len().min(n_ctx)].to_vec()
                }
            })
            .collect();
        let padded = pad(&cut);
        let (_, acts) = forward(&self.gpt, &padded.batch)?;
        let pooled = mean_pool(&acts.lnf.output, padded.batch.seq_len, &padded.lengths);
        let (vectors, norms) = pooled
            .iter()
            .map(|p| l2_normalize(&project(&self.projection, p)))
            .unzip();
        Ok(Forward {
            padded,
            acts,
            pooled,
            norms,
            vectors,
        })
    }

    /// The unit vector of `text` `[k]` and whether the text was cut to the context; `None` for
    /// a text without tokens.
    pub fn embed(&self, tokenizer: &Tokenizer, text: &str) -> Option<(Vec<f32>, bool)> {
        let ids = tokenizer.encode(text);
        if ids.is_empty() {
            return None;
        }
        let cut = ids.len() > self.gpt.config.n_ctx;
        let mut f = self.run(&[ids]).ok()?;
        Some((f.vectors.swap_remove(0), cut))
    }

    /// The embedder from its files' bytes.
    pub fn from_bytes(
        config_json: &str,
        model: &[u8],
        projection: &[u8],
    ) -> Result<Embedder, ModelError> {
        let config = Config::from_json(config_json)?;
        config.check_budget(&crate::budget::Budget::TAB)?;
        let weights = load_safetensors(&config, model)?;
        let gpt = Gpt::new(config, weights)?;
        let projection = read_projection(projection, gpt.config.d_model)?;
        Ok(Embedder { gpt, projection })
    }

    /// `projection.safetensors`: the head as one `[k × d]` tensor.
    pub fn projection_bytes(&self, store: StoreAs) -> Result<Vec<u8>, ModelError> {
        let (dtype, bytes): (Dtype, Vec<u8>) = match store {
            StoreAs::F32 => (
                Dtype::F32,
                self.projection
                    .data
                    .iter()
                    .flat_map(|v| v.to_le_bytes())
                    .collect(),
            ),
            StoreAs::F16 => (
                Dtype::F16,
                self.projection
                    .data
                    .iter()
                    .flat_map(|&v| f32_to_f16(v).to_le_bytes())
                    .collect(),
            ),
        };
        let shape = vec![self.projection.rows, self.projection.cols];
        let view = TensorView::new(dtype, shape, &bytes)
            .map_err(|e| ModelError::new(format!("cannot store the projection: {e}")))?;
        safetensors::serialize([(PROJECTION.to_string(), view)], None)
            .map_err(|e| ModelError::new(format!("cannot write projection.safetensors: {e}")))
    }
}

/// Reads the head `[k × d]` (1 ≤ k ≤ d) from `projection.safetensors`.
fn read_projection(bytes: &[u8], d: usize) -> Result<Matrix, ModelError> {
    let bad = |why: String| ModelError::new(format!("projection.safetensors: {why}"));
    let file =
        SafeTensors::deserialize(bytes).map_err(|e| bad(format!("damaged or cut off ({e})")))?;
    let view = file
        .tensor(PROJECTION)
        .map_err(|_| bad(format!("has no tensor {PROJECTION}")))?;
    let (k, cols) = match view.shape() {
        &[k, cols] => (k, cols),
        s => return Err(bad(format!("{PROJECTION} has shape {s:?}, not [k, {d}]"))),
    };
    if cols != d || k == 0 || k > d {
        return Err(bad(format!(
            "{PROJECTION} has shape [{k}, {cols}]; it needs [k, {d}] with 1 ≤ k ≤ {d}"
        )));
    }
    let data: Vec<f32> = match view.dtype() {
        Dtype::F32 => view
            .data()
            .chunks_exact(4)
            .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect(),
        Dtype::F16 => view
            .data()
            .chunks_exact(2)
            .map(|b| f16_to_f32(u16::from_le_bytes([b[0], b[1]])))
            .collect(),
        other => return Err(bad(format!("dtype {other:?}; it needs F32 or F16"))),
    };
    if data.iter().any(|v| !v.is_finite()) {
        return Err(bad("holds a value that is not a finite number".into()));
    }
    Ok(Matrix::copy_from(k, d, &data))
}

/// Loads `config.json`, `model.safetensors` and `projection.safetensors` from a folder.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_dir(dir: &std::path::Path) -> Result<Embedder, ModelError> {
    let gpt = crate::model::load_dir(dir)?;
    let p = dir.join("projection.safetensors");
    let bytes = std::fs::read(&p)
        .map_err(|e| ModelError::new(format!("cannot read {}: {e}", p.display())))?;
    let projection = read_projection(&bytes, gpt.config.d_model)?;
    Ok(Embedder { gpt, projection })
}

/// Writes the embedder's files into `dir`.
#[cfg(not(target_arch = "wasm32"))]
pub fn save_dir(e: &Embedder, dir: &std::path::Path, store: StoreAs) -> Result<(), ModelError> {
    crate::model::save_dir(&e.gpt, dir, store)?;
    std::fs::write(
        dir.join("projection.safetensors"),
        e.projection_bytes(store)?,
    )
    .map_err(|err| ModelError::new(format!("cannot write to {}: {err}", dir.display())))
}
