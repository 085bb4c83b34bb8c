//! The whole model: embeddings → N × (LayerNorm → attention → residual; LayerNorm → FFN →
//! residual) → final LayerNorm → logits over the vocabulary (LM head tied to the embeddings).
//!
//! Every forward pass goes through [`Gpt::step`], which processes some new tokens after those
//! already in a [`KvCache`]. A full pass is one step from an empty cache; decoding feeds one
//! token per step and reuses the keys and values of the earlier ones.

use super::ModelError;
use super::attention::{Record, attention};
use super::block::block;
use super::config::Config;
use super::embedding::{add, position_vectors, token_embeddings};
use super::layernorm::layer_norm;
use super::matrix::{Matrix, linear};
use super::softmax::softmax;
use super::trace::{LayerTrace, Trace};
use super::weights::Weights;

/// A GPT-2-style model.
#[derive(Debug, Clone, PartialEq)]
pub struct Gpt {
    pub config: Config,
    pub weights: Weights,
}

/// Keys and values of the tokens processed so far, per layer `[T × d]`.
#[derive(Debug, Clone, PartialEq)]
pub struct KvCache {
    pub keys: Vec<Matrix>,
    pub values: Vec<Matrix>,
}

impl KvCache {
    /// Number of tokens cached.
    pub fn len(&self) -> usize {
        self.keys.first().map_or(0, |k| k.rows)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Drops everything after the first `n` tokens.
    pub fn truncate(&mut self, n: usize) {
        for m in self.keys.iter_mut().chain(self.values.iter_mut()) {
            if m.rows > n {
                m.rows = n;
                m.data.truncate(n * m.cols);
            }
        }
    }
}

/// Refuses logits that overflowed: finite weights can still produce ∞ or NaN in f32 when they
/// are large, and a result made of them must not pass for an answer.
pub fn check_finite(logits: &[f32]) -> Result<(), ModelError> {
    match logits.iter().position(|v| !v.is_finite()) {
        None => Ok(()),
        Some(i) => Err(ModelError::new(format!(
            "the forward pass overflowed: logit {i} is {} (the weights are too large for 32-bit numbers)",
            logits[i]
        ))),
    }
}

/// Which positions get logits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LogitRows {
    /// Only the last new token (what generation needs).
    Last,
    /// Every new token (training, `lupe logits`).
    All,
}

impl Gpt {
    /// A model from config and weights, checked against each other.
    pub fn new(config: Config, weights: Weights) -> Result<Gpt, ModelError> {
        config.validate()?;
        weights.check(&config)?;
        Ok(Gpt { config, weights })
    }

    /// A model with GPT-2's random initialisation.
    pub fn random(config: Config, seed: u64) -> Result<Gpt, ModelError> {
        config.validate()?;
        let weights = Weights::random(&config, seed);
        Ok(Gpt { config, weights })
    }

    /// An empty cache for this model.
    pub fn cache(&self) -> KvCache {
        let d = self.config.d_model;
        KvCache {
            keys: (0..self.config.n_layer)
                .map(|_| Matrix::zeros(0, d))
                .collect(),
            values: (0..self.config.n_layer)
                .map(|_| Matrix::zeros(0, d))
                .collect(),
        }
    }

    /// Logits for a whole sequence from scratch. Shape `[1 × V]` or `[T × V]`.
    pub fn forward(&self, ids: &[u32], rows: LogitRows) -> Result<Matrix, ModelError> {
        self.step(&mut self.cache(), ids, rows, None)
    }

    /// A traced forward pass over a whole sequence.
    pub fn forward_traced(&self, ids: &[u32], rows: LogitRows) -> Result<Trace, ModelError> {
        let mut trace = None;
        self.step(&mut self.cache(), ids, rows, Some(&mut trace))?;
        Ok(trace.expect("step fills the trace"))
    }

    /// Processes `ids` after the tokens in `cache` (appending their keys and values) and returns
    /// logits `[1 × V]` for the last one or `[n × V]` for all. With `trace`, records every
    /// intermediate value.
    pub fn step(
        &self,
        cache: &mut KvCache,
        ids: &[u32],
        rows: LogitRows,
        trace: Option<&mut Option<Trace>>,
    ) -> Result<Matrix, ModelError> {
        let mut pass = self.begin(cache, ids, rows, trace.is_some())?;
        while !pass.layers_done() {
            pass.run_layer();
        }
        let (logits, traced) = pass.finish();
        check_finite(&logits.data)?;
        if let Some(slot) = trace {
            *slot = traced;
        }
        Ok(logits)
    }

    /// Starts a forward pass that runs one layer per [`Pass::run_layer`] call, so that a page
    /// can draw between layers: embeddings `X = E + P` `[n × d]` are computed here.
    pub fn begin<'a>(
        &'a self,
        cache: &'a mut KvCache,
        ids: &[u32],
        rows: LogitRows,
        tracing: bool,
    ) -> Result<Pass<'a>, ModelError> {
        let start = cache.len();
        self.check_input(start, ids)?;
        let c = &self.config;
        let e = token_embeddings(&self.weights.token_embedding, ids);
        let p = position_vectors(
            c.positions,
            self.weights.position_embedding.as_ref(),
            c.d_model,
            start,
            ids.len(),
        );
        let x = add(&e, &p);
        Ok(Pass {
            model: self,
            cache,
            ids: ids.to_vec(),
            start,
            rows,
            tracing,
            e,
            p,
            x,
            layers: Vec::new(),
            next: 0,
        })
    }

    fn check_input(&self, start: usize, ids: &[u32]) -> Result<(), ModelError> {
        self.config.check_input(start, ids)
    }
}

/// A forward pass in progress (see [`Gpt::begin`]): the running residual stream `x` `[n × d]`
/// and, when tracing, every layer's values so far.
pub struct Pass<'a> {
    model: &'a Gpt,
    cache: &'a mut KvCache,
    ids: Vec<u32>,
    start: usize,
    rows: LogitRows,
    tracing: bool,
    e: Matrix,
    p: Matrix,
    x: Matrix,
    layers: Vec<LayerTrace>,
    next: usize,
}

impl Pass<'_> {
    /// Whether every layer has run.
    pub fn layers_done(&self) -> bool {
        self.next == self.model.config.n_layer
    }

    /// Layers run so far.
    pub fn layers_run(&self) -> usize {
        self.next
    }

    /// Runs the next transformer layer ([`block`]) on `x` `[n × d]`, its attention over the
    /// cached keys and values of earlier tokens and these; appends this layer's keys and values
    /// to the cache.
    pub fn run_layer(&mut self) {
        let c = &self.model.config;
        let l = self.next;
        let d = c.d_model;
        let (start, n_head) = (self.start, c.n_head);
        let record = if self.tracing {
            Record::Everything
        } else {
            Record::Nothing
        };
        let cache = &mut *self.cache;
        let v = block(
            &self.x,
            &self.model.weights.blocks[l],
            c.layer_norm_eps,
            |qkv| {
                for r in 0..qkv.rows {
                    let row = qkv.row(r);
                    cache.keys[l].data.extend_from_slice(&row[d..2 * d]);
                    cache.values[l].data.extend_from_slice(&row[2 * d..]);
                }
                cache.keys[l].rows += qkv.rows;
                cache.values[l].rows += qkv.rows;
                let att = attention(qkv, &cache.keys[l], &cache.values[l], n_head, start, record);
                (att.concat, att.heads)
            },
        );
        if self.tracing {
            let input = std::mem::replace(&mut self.x, v.residual_2.clone());
            self.layers.push(LayerTrace { input, block: v });
        } else {
            self.x = v.residual_2;
        }
        self.next += 1;
    }

    /// Final LayerNorm and the LM head: logits `[1 × V]` (last row) or `[n × V]`, and the trace
    /// when tracing. Runs any layers not yet run.
    pub fn finish(mut self) -> (Matrix, Option<Trace>) {
        while !self.layers_done() {
            self.run_layer();
        }
        let c = &self.model.config;
        let w = &self.model.weights;
        let n = self.ids.len();
        let final_norm = layer_norm(&self.x, &w.ln_f.gamma, &w.ln_f.beta, c.layer_norm_eps);
        let h = match self.rows {
            LogitRows::Last => final_norm.output.rows_slice(n - 1, n),
            LogitRows::All => final_norm.output.clone(),
        };
        let head = w.lm_head.as_ref().unwrap_or(&w.token_embedding);
        let logits = linear(&h, head, None);
        if !self.tracing {
            return (logits, None);
        }
        let mut probs = logits.clone();
        for r in 0..probs.rows {
            let p = softmax(probs.row(r), 1.0);
            probs.row_mut(r).copy_from_slice(&p);
        }
        let input = self
            .layers
            .first()
            .map(|l| l.input.clone())
            .unwrap_or_else(|| self.x.clone());
        let trace = Trace {
            ids: self.ids,
            start: self.start,
            token_embeddings: self.e,
            position_vectors: self.p,
            input,
            layers: self.layers,
            final_norm,
            logits: logits.clone(),
            probs,
        };
        (logits, Some(trace))
    }
}
