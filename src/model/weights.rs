//! The model's parameters, with the tensor names and shapes of Hugging Face's GPT-2.
//!
//! Checkpoints hold GPT-2's `Conv1D` layout `[in × out]`; in memory every weight matrix is
//! `[out × in]` (see [`super::matrix`]), so the four matrices per layer are transposed when read
//! and when written.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::ModelError;
use super::config::{Config, Positions};
use super::matrix::{Matrix, transpose};
use crate::rng::Rng;

/// γ (`weight`) and β (`bias`) of a LayerNorm, `[d]` each.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerNormWeights {
    pub gamma: Vec<f32>,
    pub beta: Vec<f32>,
}

/// One transformer layer.
#[derive(Debug, Clone, PartialEq)]
pub struct BlockWeights {
    pub ln_1: LayerNormWeights,
    /// `W_QKV` `[3d × d]`: the rows for Q, then K, then V (`attn.c_attn`), bias `[3d]`.
    pub attn_qkv: Matrix,
    pub attn_qkv_bias: Vec<f32>,
    /// `W_O` `[d × d]` (`attn.c_proj`), bias `[d]`.
    pub attn_out: Matrix,
    pub attn_out_bias: Vec<f32>,
    pub ln_2: LayerNormWeights,
    /// `W₁` `[d_ff × d]` (`mlp.c_fc`), bias `[d_ff]`.
    pub ffn_in: Matrix,
    pub ffn_in_bias: Vec<f32>,
    /// `W₂` `[d × d_ff]` (`mlp.c_proj`), bias `[d]`.
    pub ffn_out: Matrix,
    pub ffn_out_bias: Vec<f32>,
}

/// All parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    /// `W_E` `[V × d]` (`wte`); also the LM head when `lm_head` is `None` (weight tying).
    pub token_embedding: Matrix,
    /// `W_P` `[n_ctx × d]` (`wpe`), absent with sinusoidal positions.
    pub position_embedding: Option<Matrix>,
    pub blocks: Vec<BlockWeights>,
    pub ln_f: LayerNormWeights,
    /// A separate output matrix `[V × d]`, only for checkpoints that do not tie it.
    pub lm_head: Option<Matrix>,
}

/// Whether a tensor is a `Conv1D` weight, stored `[in × out]` in checkpoints and transposed in
/// memory.
fn is_conv1d(name: &str) -> bool {
    name.starts_with("h.")
        && name.ends_with(".weight")
        && (name.contains(".attn.") || name.contains(".mlp."))
}

/// A tensor's Hugging Face name and shape (as in checkpoints), in the order they list them.
pub fn tensor_shapes(c: &Config) -> Vec<(String, Vec<usize>)> {
    let (v, d, f) = (c.vocab_size, c.d_model, c.d_ff);
    let mut out = vec![("wte.weight".to_string(), vec![v, d])];
    if c.positions == Positions::Learned {
        out.push(("wpe.weight".into(), vec![c.n_ctx, d]));
    }
    for i in 0..c.n_layer {
        let p = |s: &str| format!("h.{i}.{s}");
        out.extend([
            (p("ln_1.weight"), vec![d]),
            (p("ln_1.bias"), vec![d]),
            (p("attn.c_attn.weight"), vec![d, 3 * d]),
            (p("attn.c_attn.bias"), vec![3 * d]),
            (p("attn.c_proj.weight"), vec![d, d]),
            (p("attn.c_proj.bias"), vec![d]),
            (p("ln_2.weight"), vec![d]),
            (p("ln_2.bias"), vec![d]),
            (p("mlp.c_fc.weight"), vec![d, f]),
            (p("mlp.c_fc.bias"), vec![f]),
            (p("mlp.c_proj.weight"), vec![f, d]),
            (p("mlp.c_proj.bias"), vec![d]),
        ]);
    }
    out.push(("ln_f.weight".into(), vec![d]));
    out.push(("ln_f.bias".into(), vec![d]));
    out
}

impl Weights {
    /// GPT-2's initialisation: matrices ~ N(0, 0.02²), the residual projections scaled by
    /// 1/√(2·n_layer), biases 0, LayerNorms γ = 1, β = 0.
    pub fn random(c: &Config, seed: u64) -> Weights {
        let mut rng = Rng::new(seed);
        let residual_std = 0.02 / (2.0 * c.n_layer as f64).sqrt();
        let mut tensors = FxHashMap::default();
        for (name, shape) in tensor_shapes(c) {
            let n: usize = shape.iter().product();
            let data: Vec<f32> = if name.ends_with("ln_1.weight")
                || name.ends_with("ln_2.weight")
                || name == "ln_f.weight"
            {
                vec![1.0; n]
            } else if name.ends_with(".bias") {
                vec![0.0; n]
            } else {
                let std = if name.ends_with("c_proj.weight") {
                    residual_std
                } else {
                    0.02
                };
                (0..n).map(|_| (rng.normal() * std) as f32).collect()
            };
            tensors.insert(name, (shape, data));
        }
        Weights::from_named(c, tensors).expect("random weights have the right shapes")
    }

    /// Assembles weights from named tensors, checking every name and shape against the config.
    pub fn from_named(
        c: &Config,
        mut tensors: FxHashMap<String, (Vec<usize>, Vec<f32>)>,
    ) -> Result<Weights, ModelError> {
        // Only as many layers as the file can hold (12 tensors each): a config's n_layer alone
        // reserves nothing.
        let layers_held = c.n_layer.min(tensors.len() / 12);
        let mut take = |name: &str, shape: &[usize]| -> Result<Vec<f32>, ModelError> {
            let (got, data) = tensors
                .remove(name)
                .ok_or_else(|| ModelError::new(format!("the checkpoint has no tensor {name}")))?;
            if got != shape {
                return Err(ModelError::new(format!(
                    "tensor {name} has shape {got:?}, but config.json implies {shape:?}"
                )));
            }
            Ok(data)
        };
        let (v, d, f) = (c.vocab_size, c.d_model, c.d_ff);
        let mat = |rows: usize, cols: usize, data: Vec<f32>| Matrix::copy_from(rows, cols, &data);
        // A Conv1D weight `[in × out]` from the file, as `[out × in]`.
        let conv = |inputs: usize, outputs: usize, data: Vec<f32>| {
            transpose(&Matrix {
                rows: inputs,
                cols: outputs,
                data,
            })
        };
        let token_embedding = mat(v, d, take("wte.weight", &[v, d])?);
        let position_embedding = match c.positions {
            Positions::Learned => Some(mat(c.n_ctx, d, take("wpe.weight", &[c.n_ctx, d])?)),
            Positions::Sinusoidal => None,
        };
        let mut blocks = Vec::with_capacity(layers_held);
        for i in 0..c.n_layer {
            let mut t = |s: &str, shape: &[usize]| take(&format!("h.{i}.{s}"), shape);
            blocks.push(BlockWeights {
                ln_1: LayerNormWeights {
                    gamma: t("ln_1.weight", &[d])?,
                    beta: t("ln_1.bias", &[d])?,
                },
                attn_qkv: conv(d, 3 * d, t("attn.c_attn.weight", &[d, 3 * d])?),
                attn_qkv_bias: t("attn.c_attn.bias", &[3 * d])?,
                attn_out: conv(d, d, t("attn.c_proj.weight", &[d, d])?),
                attn_out_bias: t("attn.c_proj.bias", &[d])?,
                ln_2: LayerNormWeights {
                    gamma: t("ln_2.weight", &[d])?,
                    beta: t("ln_2.bias", &[d])?,
                },
                ffn_in: conv(d, f, t("mlp.c_fc.weight", &[d, f])?),
                ffn_in_bias: t("mlp.c_fc.bias", &[f])?,
                ffn_out: conv(f, d, t("mlp.c_proj.weight", &[f, d])?),
                ffn_out_bias: t("mlp.c_proj.bias", &[d])?,
            });
        }
        let ln_f = LayerNormWeights {
            gamma: take("ln_f.weight", &[d])?,
            beta: take("ln_f.bias", &[d])?,
        };
        // An LM head equal to the embedding is the tied head written out; keep one copy.
        let lm_head = match tensors.remove("lm_head.weight") {
            None => None,
            Some((shape, data)) if shape == [v, d] => {
                (data != token_embedding.data).then(|| mat(v, d, data))
            }
            Some((shape, _)) => {
                return Err(ModelError::new(format!(
                    "tensor lm_head.weight has shape {shape:?}, but config.json implies [{v}, {d}]"
                )));
            }
        };
        let mut extra: Vec<String> = tensors.into_keys().collect();
        extra.sort();
        if let Some(name) = extra.first() {
            return Err(ModelError::new(format!(
                "the checkpoint has tensors this model does not use: {}{}",
                name,
                if extra.len() > 1 {
                    format!(" and {} more", extra.len() - 1)
                } else {
                    String::new()
                }
            )));
        }
        Ok(Weights {
            token_embedding,
            position_embedding,
            blocks,
            ln_f,
            lm_head,
        })
    }

    /// Every tensor with its Hugging Face name, checkpoint shape and checkpoint layout (the LM
    /// head only when untied).
    pub fn named(&self, c: &Config) -> Vec<(String, Vec<usize>, Cow<'_, [f32]>)> {
        let mut data: Vec<&[f32]> = vec![&self.token_embedding.data];
        if let Some(p) = &self.position_embedding {
            data.push(&p.data);
        }
        for b in &self.blocks {
            data.extend([
                &b.ln_1.gamma[..],
                &b.ln_1.beta,
                &b.attn_qkv.data,
                &b.attn_qkv_bias,
                &b.attn_out.data,
                &b.attn_out_bias,
                &b.ln_2.gamma,
                &b.ln_2.beta,
                &b.ffn_in.data,
                &b.ffn_in_bias,
                &b.ffn_out.data,
                &b.ffn_out_bias,
            ]);
        }
        data.extend([&self.ln_f.gamma[..], &self.ln_f.beta]);
        let mut out: Vec<(String, Vec<usize>, Cow<'_, [f32]>)> = tensor_shapes(c)
            .into_iter()
            .zip(data)
            .map(|((name, shape), d)| {
                let d = if is_conv1d(&name) {
                    // In memory [out × in]; the checkpoint wants [in × out].
                    let stored = Matrix {
                        rows: shape[1],
                        cols: shape[0],
                        data: d.to_vec(),
                    };
                    Cow::Owned(transpose(&stored).data)
                } else {
                    Cow::Borrowed(d)
                };
                (name, shape, d)
            })
            .collect();
        if let Some(h) = &self.lm_head {
            out.push((
                "lm_head.weight".into(),
                vec![h.rows, h.cols],
                Cow::Borrowed(&h.data[..]),
            ));
        }
        out
    }

    /// Checks every tensor's shape against the config.
    pub fn check(&self, c: &Config) -> Result<(), ModelError> {
        let (v, d, f) = (c.vocab_size, c.d_model, c.d_ff);
        let fail = |p: String| {
            Err(ModelError::new(format!(
                "the weights do not fit the config: {p}"
            )))
        };
        if self.blocks.len() != c.n_layer {
            return fail(format!(
                "{} layers, the config implies {}",
                self.blocks.len(),
                c.n_layer
            ));
        }
        if (c.positions == Positions::Learned) != self.position_embedding.is_some() {
            return fail("the position table does not fit the config's kind of positions".into());
        }
        let mut mats: Vec<(String, &Matrix, usize, usize)> =
            vec![("the token embedding".into(), &self.token_embedding, v, d)];
        if let Some(p) = &self.position_embedding {
            mats.push(("the position table".into(), p, c.n_ctx, d));
        }
        if let Some(h) = &self.lm_head {
            mats.push(("the LM head".into(), h, v, d));
        }
        let mut vecs = vec![
            ("ln_f", self.ln_f.gamma.len(), d),
            ("ln_f", self.ln_f.beta.len(), d),
        ];
        for (i, b) in self.blocks.iter().enumerate() {
            mats.extend([
                (format!("layer {i} W_QKV"), &b.attn_qkv, 3 * d, d),
                (format!("layer {i} W_O"), &b.attn_out, d, d),
                (format!("layer {i} W_1"), &b.ffn_in, f, d),
                (format!("layer {i} W_2"), &b.ffn_out, d, f),
            ]);
            vecs.extend([
                ("a LayerNorm", b.ln_1.gamma.len(), d),
                ("a LayerNorm", b.ln_1.beta.len(), d),
                ("a LayerNorm", b.ln_2.gamma.len(), d),
                ("a LayerNorm", b.ln_2.beta.len(), d),
                ("a QKV bias", b.attn_qkv_bias.len(), 3 * d),
                ("an output bias", b.attn_out_bias.len(), d),
                ("an FFN bias", b.ffn_in_bias.len(), f),
                ("an FFN bias", b.ffn_out_bias.len(), d),
            ]);
        }
        for (what, m, rows, cols) in mats {
            if (m.rows, m.cols) != (rows, cols) || m.data.len() != rows * cols {
                return fail(format!(
                    "{what} is {}×{}, the config implies {rows}×{cols}",
                    m.rows, m.cols
                ));
            }
        }
        for (what, got, want) in vecs {
            if got != want {
                return fail(format!(
                    "{what} has {got} values, the config implies {want}"
                ));
            }
        }
        Ok(())
    }

    /// All zeros, in the shapes of `c` (a gradient or optimiser buffer).
    pub fn zeros(c: &Config) -> Weights {
        let tensors = tensor_shapes(c)
            .into_iter()
            .map(|(name, shape)| {
                let n = shape.iter().product();
                (name, (shape, vec![0.0; n]))
            })
            .collect();
        Weights::from_named(c, tensors).expect("zeros have the right shapes")
    }

    /// Every parameter tensor, in a fixed order, with whether weight decay applies to it (the
    /// matrices; not biases and LayerNorm gains).
    pub fn params(&self) -> Vec<(&[f32], bool)> {
        let mut out: Vec<(&[f32], bool)> = vec![(&self.token_embedding.data, true)];
        if let Some(p) = &self.position_embedding {
            out.push((&p.data, true));
        }
        for b in &self.blocks {
            out.extend([
                (&b.ln_1.gamma[..], false),
                (&b.ln_1.beta, false),
                (&b.attn_qkv.data, true),
                (&b.attn_qkv_bias, false),
                (&b.attn_out.data, true),
                (&b.attn_out_bias, false),
                (&b.ln_2.gamma, false),
                (&b.ln_2.beta, false),
                (&b.ffn_in.data, true),
                (&b.ffn_in_bias, false),
                (&b.ffn_out.data, true),
                (&b.ffn_out_bias, false),
            ]);
        }
        out.extend([(&self.ln_f.gamma[..], false), (&self.ln_f.beta, false)]);
        if let Some(h) = &self.lm_head {
            out.push((&h.data, true));
        }
        out
    }

    /// [`Weights::params`], mutable, in the same order.
    pub fn params_mut(&mut self) -> Vec<&mut [f32]> {
        let mut out: Vec<&mut [f32]> = vec![&mut self.token_embedding.data];
        if let Some(p) = &mut self.position_embedding {
            out.push(&mut p.data);
        }
        for b in &mut self.blocks {
            out.extend([
                &mut b.ln_1.gamma[..],
                &mut b.ln_1.beta,
                &mut b.attn_qkv.data,
                &mut b.attn_qkv_bias,
                &mut b.attn_out.data,
                &mut b.attn_out_bias,
                &mut b.ln_2.gamma,
                &mut b.ln_2.beta,
                &mut b.ffn_in.data,
                &mut b.ffn_in_bias,
                &mut b.ffn_out.data,
                &mut b.ffn_out_bias,
            ]);
        }
        out.extend([&mut self.ln_f.gamma[..], &mut self.ln_f.beta]);
        if let Some(h) = &mut self.lm_head {
            out.push(&mut h.data);
        }
        out
    }

    /// Number of parameters (the tied head counted once).
    pub fn parameter_count(&self) -> usize {
        self.params().iter().map(|(d, _)| d.len()).sum()
    }
}
