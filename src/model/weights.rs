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

/// How a tensor lies in checkpoints: as in memory, or as GPT-2's `Conv1D` `[in × out]`, the
/// transpose of the in-memory `[out × in]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    AsInMemory,
    Conv1D,
}

/// Which part of the model a tensor belongs to (see [`super::anatomy`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    TokenEmbedding,
    Positions,
    Attention,
    /// A block's two LayerNorms.
    BlockNorm,
    Ffn,
    FinalNorm,
    /// A separate output matrix (absent when tied to the token embedding).
    Head,
}

/// One row of the parameter table: a tensor's Hugging Face name (without the `transformer.`
/// prefix), its shape in memory (`[rows × cols]` = `[out × in]` for a matrix, `[n]` for a vector),
/// how checkpoints store it, the part it belongs to, and its data.
#[derive(Debug)]
pub struct Param<T> {
    pub name: String,
    pub shape: Vec<usize>,
    pub layout: Layout,
    pub part: Part,
    pub data: T,
}

impl<T> Param<T> {
    /// The shape in checkpoints (`[in × out]` for a `Conv1D` weight).
    pub fn stored_shape(&self) -> Vec<usize> {
        match self.layout {
            Layout::Conv1D => vec![self.shape[1], self.shape[0]],
            Layout::AsInMemory => self.shape.clone(),
        }
    }

    /// Whether AdamW's weight decay applies: to matrices, not to biases and LayerNorm γ, β.
    pub fn decays(&self) -> bool {
        self.shape.len() == 2
    }
}

/// The sizes the table's shapes are made of: `V`, `d`, `d_ff`, `n_ctx`.
#[derive(Debug, Clone, Copy)]
pub struct Dims {
    pub v: usize,
    pub d: usize,
    pub f: usize,
    pub n_ctx: usize,
}

impl Dims {
    pub fn of(c: &Config) -> Dims {
        Dims {
            v: c.vocab_size,
            d: c.d_model,
            f: c.d_ff,
            n_ctx: c.n_ctx,
        }
    }
}

fn param<T>(name: String, shape: Vec<usize>, layout: Layout, part: Part, data: T) -> Param<T> {
    Param {
        name,
        shape,
        layout,
        part,
        data,
    }
}

/// The parameter table — the one list of the model's tensors, in checkpoint order: `wte`,
/// `wpe`, per layer `ln_1`, `attn.c_attn`, `attn.c_proj`, `ln_2`, `mlp.c_fc`, `mlp.c_proj` (weight,
/// then bias), `ln_f`, and an untied `lm_head`. Expanded once for `&` and once for `&mut`
/// ([`Weights::table`], [`Weights::table_mut`]); everything else derives from those two.
macro_rules! param_table {
    ($w:expr, $dims:expr $(, $m:ident)?) => {{
        use Layout::{AsInMemory as Mem, Conv1D as Conv};
        let Dims { v, d, f, n_ctx } = $dims;
        let w = $w;
        let mut out = vec![param("wte.weight".into(), vec![v, d], Mem, Part::TokenEmbedding,
            & $($m)? w.token_embedding.data)];
        if let Some(p) = & $($m)? w.position_embedding {
            out.push(param("wpe.weight".into(), vec![n_ctx, d], Mem, Part::Positions, & $($m)? p.data));
        }
        for (i, b) in (& $($m)? w.blocks).into_iter().enumerate() {
            let h = |s: &str| format!("h.{i}.{s}");
            out.extend([
                param(h("ln_1.weight"), vec![d], Mem, Part::BlockNorm, & $($m)? b.ln_1.gamma),
                param(h("ln_1.bias"), vec![d], Mem, Part::BlockNorm, & $($m)? b.ln_1.beta),
                param(h("attn.c_attn.weight"), vec![3 * d, d], Conv, Part::Attention, & $($m)? b.attn_qkv.data),
                param(h("attn.c_attn.bias"), vec![3 * d], Mem, Part::Attention, & $($m)? b.attn_qkv_bias),
                param(h("attn.c_proj.weight"), vec![d, d], Conv, Part::Attention, & $($m)? b.attn_out.data),
                param(h("attn.c_proj.bias"), vec![d], Mem, Part::Attention, & $($m)? b.attn_out_bias),
                param(h("ln_2.weight"), vec![d], Mem, Part::BlockNorm, & $($m)? b.ln_2.gamma),
                param(h("ln_2.bias"), vec![d], Mem, Part::BlockNorm, & $($m)? b.ln_2.beta),
                param(h("mlp.c_fc.weight"), vec![f, d], Conv, Part::Ffn, & $($m)? b.ffn_in.data),
                param(h("mlp.c_fc.bias"), vec![f], Mem, Part::Ffn, & $($m)? b.ffn_in_bias),
                param(h("mlp.c_proj.weight"), vec![d, f], Conv, Part::Ffn, & $($m)? b.ffn_out.data),
                param(h("mlp.c_proj.bias"), vec![d], Mem, Part::Ffn, & $($m)? b.ffn_out_bias),
            ]);
        }
        out.push(param("ln_f.weight".into(), vec![d], Mem, Part::FinalNorm, & $($m)? w.ln_f.gamma));
        out.push(param("ln_f.bias".into(), vec![d], Mem, Part::FinalNorm, & $($m)? w.ln_f.beta));
        if let Some(h) = & $($m)? w.lm_head {
            out.push(param("lm_head.weight".into(), vec![v, d], Mem, Part::Head, & $($m)? h.data));
        }
        out
    }};
}

/// A tensor's Hugging Face name and shape as checkpoints store it, in the table's order (no
/// `lm_head`: a new model ties it).
pub fn tensor_shapes(c: &Config) -> Vec<(String, Vec<usize>)> {
    Weights::skeleton(c, c.n_layer)
        .table(Dims::of(c))
        .into_iter()
        .map(|p| (p.stored_shape(), p.name))
        .map(|(shape, name)| (name, shape))
        .collect()
}

fn empty(rows: usize, cols: usize) -> Matrix {
    Matrix {
        rows,
        cols,
        data: Vec::new(),
    }
}

fn empty_norm() -> LayerNormWeights {
    LayerNormWeights {
        gamma: Vec::new(),
        beta: Vec::new(),
    }
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

    /// Weights in the shapes of `c` with `layers` blocks and no data yet: the frame
    /// [`Weights::from_named`] fills (nothing is allocated for the tensors).
    fn skeleton(c: &Config, layers: usize) -> Weights {
        let (v, d, f) = (c.vocab_size, c.d_model, c.d_ff);
        let block = || BlockWeights {
            ln_1: empty_norm(),
            attn_qkv: empty(3 * d, d),
            attn_qkv_bias: Vec::new(),
            attn_out: empty(d, d),
            attn_out_bias: Vec::new(),
            ln_2: empty_norm(),
            ffn_in: empty(f, d),
            ffn_in_bias: Vec::new(),
            ffn_out: empty(d, f),
            ffn_out_bias: Vec::new(),
        };
        Weights {
            token_embedding: empty(v, d),
            position_embedding: (c.positions == Positions::Learned).then(|| empty(c.n_ctx, d)),
            blocks: (0..layers).map(|_| block()).collect(),
            ln_f: empty_norm(),
            lm_head: None,
        }
    }

    /// The parameter table (see [`param_table`]) with shapes from `dims`.
    pub fn table(&self, dims: Dims) -> Vec<Param<&Vec<f32>>> {
        param_table!(self, dims)
    }

    /// The parameter table, mutable.
    pub fn table_mut(&mut self, dims: Dims) -> Vec<Param<&mut Vec<f32>>> {
        param_table!(self, dims, mut)
    }

    /// The sizes the weights have (the config's, for weights that fit it).
    pub fn dims(&self) -> Dims {
        Dims {
            v: self.token_embedding.rows,
            d: self.token_embedding.cols,
            f: self.blocks.first().map_or(0, |b| b.ffn_in.rows),
            n_ctx: self.position_embedding.as_ref().map_or(0, |p| p.rows),
        }
    }

    /// Assembles weights from named tensors (checkpoint names and shapes), checking every name
    /// and shape against the config; a tensor's memory is taken over only once its shape fits.
    pub fn from_named(
        c: &Config,
        mut tensors: FxHashMap<String, (Vec<usize>, Vec<f32>)>,
    ) -> Result<Weights, ModelError> {
        // Only one layer more than the file can hold (12 tensors each): a config's n_layer
        // alone reserves nothing, and the missing layer's first tensor is the one named.
        let layers = c.n_layer.min(tensors.len() / 12 + 1);
        let mut w = Weights::skeleton(c, layers);
        for p in w.table_mut(Dims::of(c)) {
            let want = p.stored_shape();
            let (got, data) = tensors.remove(&p.name).ok_or_else(|| {
                ModelError::new(format!("the checkpoint has no tensor {}", p.name))
            })?;
            if got != want {
                return Err(ModelError::new(format!(
                    "tensor {} has shape {got:?}, but config.json implies {want:?}",
                    p.name
                )));
            }
            *p.data = match p.layout {
                Layout::AsInMemory => data,
                Layout::Conv1D => {
                    let (rows, cols) = (want[0], want[1]);
                    transpose(&Matrix { rows, cols, data }).data
                }
            };
        }
        if w.blocks.len() < c.n_layer {
            return Err(ModelError::new(format!(
                "the checkpoint holds {} layers, config.json says {}",
                w.blocks.len(),
                c.n_layer
            )));
        }
        w.lm_head = untied_head(c, &w.token_embedding, tensors.remove("lm_head.weight"))?;
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
        Ok(w)
    }

    /// Every tensor with its Hugging Face name, checkpoint shape and checkpoint layout (the LM
    /// head only when untied).
    pub fn named(&self, c: &Config) -> Vec<(String, Vec<usize>, Cow<'_, [f32]>)> {
        self.table(Dims::of(c))
            .into_iter()
            .map(|p| {
                let shape = p.stored_shape();
                let data = match p.layout {
                    Layout::AsInMemory => Cow::Borrowed(p.data.as_slice()),
                    // In memory [out × in]; the checkpoint wants [in × out].
                    Layout::Conv1D => {
                        Cow::Owned(transpose(&Matrix::copy_from(shape[1], shape[0], p.data)).data)
                    }
                };
                (p.name, shape, data)
            })
            .collect()
    }

    /// Checks every tensor's size against the config.
    pub fn check(&self, c: &Config) -> Result<(), ModelError> {
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
        let dims = Dims::of(c);
        if (self.dims().v, self.dims().d) != (dims.v, dims.d) {
            let e = &self.token_embedding;
            return fail(format!(
                "the token embedding is {}×{}, the config implies {}×{}",
                e.rows, e.cols, dims.v, dims.d
            ));
        }
        for p in self.table(dims) {
            let want: usize = p.shape.iter().product();
            if p.data.len() != want {
                return fail(format!(
                    "{} has {} values, the config implies {:?}",
                    p.name,
                    p.data.len(),
                    p.shape
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

    /// Every parameter tensor in the table's order, with whether weight decay applies to it.
    pub fn params(&self) -> Vec<(&[f32], bool)> {
        self.table(self.dims())
            .into_iter()
            .map(|p| (p.data.as_slice(), p.decays()))
            .collect()
    }

    /// [`Weights::params`], mutable, in the same order.
    pub fn params_mut(&mut self) -> Vec<&mut [f32]> {
        let dims = self.dims();
        self.table_mut(dims)
            .into_iter()
            .map(|p| p.data.as_mut_slice())
            .collect()
    }

    /// Number of parameters (the tied head counted once).
    pub fn parameter_count(&self) -> usize {
        self.params().iter().map(|(d, _)| d.len()).sum()
    }
}

/// The LM head from a checkpoint's `lm_head.weight`: `None` when absent or equal to the token
/// embedding (the tied head written out: one copy is kept).
fn untied_head(
    c: &Config,
    wte: &Matrix,
    tensor: Option<(Vec<usize>, Vec<f32>)>,
) -> Result<Option<Matrix>, ModelError> {
    let (v, d) = (c.vocab_size, c.d_model);
    match tensor {
        None => Ok(None),
        Some((shape, data)) if shape == [v, d] => {
            Ok((data != wte.data).then(|| Matrix::copy_from(v, d, &data)))
        }
        Some((shape, _)) => Err(ModelError::new(format!(
            "tensor lm_head.weight has shape {shape:?}, but config.json implies [{v}, {d}]"
        ))),
    }
}
