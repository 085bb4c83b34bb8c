//! The whole forward pass on the GPU, with a KV cache in GPU buffers: the same steps as
//! [`crate::model::gpt::Gpt`] (embeddings → N × (LayerNorm → attention → residual; LayerNorm →
//! FFN → residual) → final LayerNorm → LM head), one dispatch per kernel, all recorded into one
//! command buffer per step. On request every intermediate buffer is read back into the CPU's
//! [`Trace`] type, so the chapters can show GPU-computed numbers.

use super::attention::{AttentionShape, heads_from, record_attention};
use super::context::{Gpu, GpuError};
use super::embedding::record_embedding;
use super::ffn::record_gelu;
use super::kernels::{Kernels, submit};
use super::layernorm::{normalized, record_layer_norm};
use super::matmul::{GpuMatrix, record_linear};
use super::residual::record_residual_add;
use super::softmax::record_softmax;
use crate::model::embedding::position_vectors;
use crate::model::ffn::FfnValues;
use crate::model::generate::{Decoder, GenerateOptions, Generation, StopReason};
use crate::model::trace::LayerTrace;
use crate::model::{Config, Gpt, LogitRows, Matrix, Trace};

/// One transformer block's weights on the GPU.
struct GpuBlock {
    ln_1: (wgpu::Buffer, wgpu::Buffer),
    qkv: GpuMatrix,
    qkv_bias: wgpu::Buffer,
    out: GpuMatrix,
    out_bias: wgpu::Buffer,
    ln_2: (wgpu::Buffer, wgpu::Buffer),
    ffn_in: GpuMatrix,
    ffn_in_bias: wgpu::Buffer,
    ffn_out: GpuMatrix,
    ffn_out_bias: wgpu::Buffer,
}

/// A model uploaded to the GPU, with its compiled kernels.
pub struct GpuModel {
    pub config: Config,
    kernels: Kernels,
    token_embedding: GpuMatrix,
    /// Position vectors for every position `[n_ctx × d]` (learned, or the sinusoids computed
    /// once by the CPU reference).
    positions: wgpu::Buffer,
    blocks: Vec<GpuBlock>,
    ln_f: (wgpu::Buffer, wgpu::Buffer),
    /// An untied LM head; `None` uses the token embedding.
    lm_head: Option<GpuMatrix>,
}

/// Keys and values of the tokens processed so far, per layer `[n_ctx × d]` on the GPU.
pub struct GpuCache {
    keys: Vec<wgpu::Buffer>,
    values: Vec<wgpu::Buffer>,
    len: usize,
}

impl GpuCache {
    /// Number of tokens cached.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl GpuModel {
    /// Compiles the kernels and uploads the weights. Matrices larger than one buffer may be are
    /// split into chunks of rows; running out of GPU memory is an error, not a crash.
    pub async fn upload(gpu: &Gpu, model: &Gpt) -> Result<GpuModel, GpuError> {
        let kernels = Kernels::new(gpu).await?;
        let memory = gpu.device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
        let c = &model.config;
        let w = &model.weights;
        let up = |label: &str, v: &[f32]| gpu.upload(label, v);
        let mat = |label: &str, m: &Matrix| GpuMatrix::upload(gpu, label, m);
        let positions = position_vectors(
            c.positions,
            w.position_embedding.as_ref(),
            c.d_model,
            0,
            c.n_ctx,
        );
        let mut blocks = Vec::with_capacity(c.n_layer);
        for b in &w.blocks {
            blocks.push(GpuBlock {
                ln_1: (up("ln_1.g", &b.ln_1.gamma), up("ln_1.b", &b.ln_1.beta)),
                qkv: mat("attn_qkv", &b.attn_qkv)?,
                qkv_bias: up("attn_qkv.b", &b.attn_qkv_bias),
                out: mat("attn_out", &b.attn_out)?,
                out_bias: up("attn_out.b", &b.attn_out_bias),
                ln_2: (up("ln_2.g", &b.ln_2.gamma), up("ln_2.b", &b.ln_2.beta)),
                ffn_in: mat("ffn_in", &b.ffn_in)?,
                ffn_in_bias: up("ffn_in.b", &b.ffn_in_bias),
                ffn_out: mat("ffn_out", &b.ffn_out)?,
                ffn_out_bias: up("ffn_out.b", &b.ffn_out_bias),
            });
        }
        let uploaded = GpuModel {
            config: c.clone(),
            token_embedding: mat("wte", &w.token_embedding)?,
            positions: up("positions", &positions.data),
            blocks,
            ln_f: (up("ln_f.g", &w.ln_f.gamma), up("ln_f.b", &w.ln_f.beta)),
            lm_head: w.lm_head.as_ref().map(|m| mat("lm_head", m)).transpose()?,
            kernels,
        };
        if let Some(e) = memory.pop().await {
            return Err(GpuError::Compute(format!(
                "the model does not fit into GPU memory: {e}"
            )));
        }
        Ok(uploaded)
    }

    /// An empty KV cache (buffers for the whole context).
    pub fn cache(&self, gpu: &Gpu) -> GpuCache {
        let size = self.config.n_ctx * self.config.d_model;
        let layers = self.config.n_layer;
        GpuCache {
            keys: (0..layers).map(|_| gpu.storage("k cache", size)).collect(),
            values: (0..layers).map(|_| gpu.storage("v cache", size)).collect(),
            len: 0,
        }
    }

    /// Logits for a whole sequence from scratch, `[1 × V]` or `[n × V]`.
    pub async fn forward(
        &self,
        gpu: &Gpu,
        ids: &[u32],
        rows: LogitRows,
    ) -> Result<Matrix, GpuError> {
        Ok(self
            .step(gpu, &mut self.cache(gpu), ids, rows, false)
            .await?
            .0)
    }

    /// A traced forward pass over a whole sequence (logits for the last position).
    pub async fn forward_traced(&self, gpu: &Gpu, ids: &[u32]) -> Result<Trace, GpuError> {
        let (_, trace) = self
            .step(gpu, &mut self.cache(gpu), ids, LogitRows::Last, true)
            .await?;
        trace.ok_or_else(|| GpuError::Compute("no trace".into()))
    }

    /// Generates after `prompt` with the model on the GPU; the draws use the same seeded
    /// [`Decoder`] as the CPU, so equal logits give equal tokens.
    pub async fn generate(
        &self,
        gpu: &Gpu,
        prompt: &[u32],
        options: GenerateOptions,
    ) -> Result<Generation, GpuError> {
        let fail = |e: crate::model::ModelError| GpuError::Compute(e.to_string());
        let mut decoder = Decoder::new(options).map_err(fail)?;
        let mut cache = self.cache(gpu);
        let mut logits = self
            .step(gpu, &mut cache, prompt, LogitRows::Last, false)
            .await?
            .0;
        while let Some((_, feed)) = decoder
            .choose(&logits.data, cache.len(), self.config.n_ctx)
            .map_err(fail)?
        {
            let Some(token) = feed else { break };
            logits = self
                .step(gpu, &mut cache, &[token], LogitRows::Last, false)
                .await?
                .0;
        }
        Ok(Generation {
            stop: decoder.stopped().unwrap_or(StopReason::MaxNewTokens),
            tokens: decoder.generated().to_vec(),
        })
    }

    /// Processes `ids` after the tokens in `cache` (appending their keys and values) and returns
    /// logits `[1 × V]` for the last one or `[n × V]` for all; with `tracing`, every
    /// intermediate value as a [`Trace`].
    pub async fn step(
        &self,
        gpu: &Gpu,
        cache: &mut GpuCache,
        ids: &[u32],
        rows: LogitRows,
        tracing: bool,
    ) -> Result<(Matrix, Option<Trace>), GpuError> {
        let c = &self.config;
        let start = cache.len;
        c.check_input(start, ids)
            .map_err(|e| GpuError::Compute(e.to_string()))?;
        let (n, d, f, v) = (ids.len(), c.d_model, c.d_ff, c.vocab_size);
        let k = &self.kernels;
        let shape = AttentionShape {
            n,
            start,
            heads: c.n_head,
            dk: c.d_model / c.n_head,
        };
        let t = shape.t();
        let head = self.lm_head.as_ref().unwrap_or(&self.token_embedding);
        let logit_rows = if rows == LogitRows::Last { 1 } else { n };

        let ids_buf = gpu.upload_u32("ids", ids);
        let x0 = gpu.storage("x", n * d);
        let e_only = gpu.storage("E", n * d);
        let p_rows = gpu.storage("P", n * d);
        let mut layers = Vec::with_capacity(c.n_layer);
        let final_out = gpu.storage("ln_f", n * d);
        let final_stats = gpu.storage("ln_f stats", 2 * n);
        let last = gpu.storage("last row", d);
        let logits = gpu.storage("logits", logit_rows * v);
        let probs = gpu.storage("probs", logit_rows * v);
        submit(gpu, "forward pass", |enc| {
            record_embedding(
                gpu,
                k,
                enc,
                &ids_buf,
                n,
                &self.token_embedding,
                &self.positions,
                start,
                true,
                &x0,
            );
            if tracing {
                record_embedding(
                    gpu,
                    k,
                    enc,
                    &ids_buf,
                    n,
                    &self.token_embedding,
                    &self.positions,
                    start,
                    false,
                    &e_only,
                );
                enc.copy_buffer_to_buffer(
                    &self.positions,
                    (start * d * 4) as u64,
                    &p_rows,
                    0,
                    (n * d * 4) as u64,
                );
            }
            for (l, b) in self.blocks.iter().enumerate() {
                let input: &wgpu::Buffer = layers.last().map_or(&x0, |x: &LayerBuffers| &x.r2);
                let lb = LayerBuffers {
                    ln1: gpu.storage("ln_1", n * d),
                    ln1_stats: gpu.storage("ln_1 stats", 2 * n),
                    qkv: gpu.storage("qkv", n * 3 * d),
                    attn: None,
                    attn_out: gpu.storage("attn_out", n * d),
                    r1: gpu.storage("residual_1", n * d),
                    ln2: gpu.storage("ln_2", n * d),
                    ln2_stats: gpu.storage("ln_2 stats", 2 * n),
                    hidden: gpu.storage("ffn hidden", n * f),
                    act: gpu.storage("ffn gelu", n * f),
                    ffn_out: gpu.storage("ffn out", n * d),
                    r2: gpu.storage("residual_2", n * d),
                };
                let eps = c.layer_norm_eps;
                record_layer_norm(
                    gpu,
                    k,
                    enc,
                    input,
                    (n, d),
                    &b.ln_1.0,
                    &b.ln_1.1,
                    eps,
                    &lb.ln1,
                    &lb.ln1_stats,
                );
                record_linear(gpu, k, enc, &lb.ln1, n, &b.qkv, Some(&b.qkv_bias), &lb.qkv);
                let att = record_attention(
                    gpu,
                    k,
                    enc,
                    &lb.qkv,
                    (&cache.keys[l], &cache.values[l]),
                    shape,
                );
                record_linear(
                    gpu,
                    k,
                    enc,
                    &att.concat,
                    n,
                    &b.out,
                    Some(&b.out_bias),
                    &lb.attn_out,
                );
                record_residual_add(
                    gpu,
                    &k.residual_add,
                    enc,
                    (input, &lb.attn_out),
                    n * d,
                    &lb.r1,
                );
                record_layer_norm(
                    gpu,
                    k,
                    enc,
                    &lb.r1,
                    (n, d),
                    &b.ln_2.0,
                    &b.ln_2.1,
                    eps,
                    &lb.ln2,
                    &lb.ln2_stats,
                );
                record_linear(
                    gpu,
                    k,
                    enc,
                    &lb.ln2,
                    n,
                    &b.ffn_in,
                    Some(&b.ffn_in_bias),
                    &lb.hidden,
                );
                record_gelu(gpu, k, enc, &lb.hidden, n * f, &lb.act);
                record_linear(
                    gpu,
                    k,
                    enc,
                    &lb.act,
                    n,
                    &b.ffn_out,
                    Some(&b.ffn_out_bias),
                    &lb.ffn_out,
                );
                record_residual_add(
                    gpu,
                    &k.residual_add,
                    enc,
                    (&lb.r1, &lb.ffn_out),
                    n * d,
                    &lb.r2,
                );
                layers.push(LayerBuffers {
                    attn: Some(att),
                    ..lb
                });
            }
            let x_last: &wgpu::Buffer = layers.last().map_or(&x0, |x| &x.r2);
            record_layer_norm(
                gpu,
                k,
                enc,
                x_last,
                (n, d),
                &self.ln_f.0,
                &self.ln_f.1,
                c.layer_norm_eps,
                &final_out,
                &final_stats,
            );
            let h = if logit_rows == 1 {
                enc.copy_buffer_to_buffer(
                    &final_out,
                    ((n - 1) * d * 4) as u64,
                    &last,
                    0,
                    (d * 4) as u64,
                );
                &last
            } else {
                &final_out
            };
            record_linear(gpu, k, enc, h, logit_rows, head, None, &logits);
            if tracing {
                record_softmax(gpu, k, enc, &logits, (logit_rows, v), None, 1.0, &probs);
            }
        })
        .await?;
        cache.len = start + n;

        if !tracing {
            let data = gpu.read(&logits, logit_rows * v).await?;
            return Ok((matrix(logit_rows, v, data), None));
        }

        // Read everything back in one go, in a fixed order.
        let mut parts: Vec<(&wgpu::Buffer, usize)> = vec![
            (&e_only, n * d),
            (&p_rows, n * d),
            (&x0, n * d),
            (&final_out, n * d),
            (&final_stats, 2 * n),
            (&logits, logit_rows * v),
            (&probs, logit_rows * v),
        ];
        for (l, lb) in layers.iter().enumerate() {
            let att = lb.attn.as_ref().expect("recorded");
            parts.extend([
                (&lb.ln1, n * d),
                (&lb.ln1_stats, 2 * n),
                (&att.q, n * d),
                (&cache.keys[l], t * d),
                (&cache.values[l], t * d),
                (&att.scores, c.n_head * n * t),
                (&att.alpha, c.n_head * n * t),
                (&att.concat, n * d),
                (&lb.attn_out, n * d),
                (&lb.r1, n * d),
                (&lb.ln2, n * d),
                (&lb.ln2_stats, 2 * n),
                (&lb.hidden, n * f),
                (&lb.act, n * f),
                (&lb.ffn_out, n * d),
                (&lb.r2, n * d),
            ]);
        }
        let mut data = gpu.read_many(&parts).await?.into_iter();
        let mut next = || data.next().unwrap_or_default();
        let nd = |data: Vec<f32>| matrix(n, d, data);
        let (e, p, x) = (nd(next()), nd(next()), nd(next()));
        let (fo, fs) = (next(), next());
        let final_norm = normalized(fo, &fs, n, d);
        let logits = matrix(logit_rows, v, next());
        let probs = matrix(logit_rows, v, next());
        let mut traced = Vec::with_capacity(layers.len());
        let mut input = x.clone();
        for _ in &layers {
            let (l1, l1s) = (next(), next());
            let ln_1 = normalized(l1, &l1s, n, d);
            let q = nd(next());
            let keys = matrix(t, d, next());
            let values = matrix(t, d, next());
            let (scores, alpha) = (next(), next());
            let concat = nd(next());
            let heads = heads_from(shape, &q, &keys, &values, &scores, &alpha, &concat);
            let attn_out = nd(next());
            let residual_1 = nd(next());
            let (l2, l2s) = (next(), next());
            let ln_2 = normalized(l2, &l2s, n, d);
            let hidden = matrix(n, f, next());
            let activated = matrix(n, f, next());
            let output = nd(next());
            let residual_2 = nd(next());
            traced.push(LayerTrace {
                input: std::mem::replace(&mut input, residual_2.clone()),
                ln_1,
                heads,
                concat,
                attn_out,
                residual_1,
                ln_2,
                ffn: FfnValues {
                    hidden,
                    activated,
                    output,
                },
                residual_2,
            });
        }
        let trace = Trace {
            ids: ids.to_vec(),
            start,
            token_embeddings: e,
            position_vectors: p,
            input: x,
            layers: traced,
            final_norm,
            logits: logits.clone(),
            probs,
        };
        Ok((logits, Some(trace)))
    }
}

/// The buffers one layer writes in a step.
struct LayerBuffers {
    ln1: wgpu::Buffer,
    ln1_stats: wgpu::Buffer,
    qkv: wgpu::Buffer,
    attn: Option<super::attention::AttentionBuffers>,
    attn_out: wgpu::Buffer,
    r1: wgpu::Buffer,
    ln2: wgpu::Buffer,
    ln2_stats: wgpu::Buffer,
    hidden: wgpu::Buffer,
    act: wgpu::Buffer,
    ffn_out: wgpu::Buffer,
    r2: wgpu::Buffer,
}

/// A matrix from read-back values.
fn matrix(rows: usize, cols: usize, data: Vec<f32>) -> Matrix {
    debug_assert_eq!(data.len(), rows * cols);
    Matrix { rows, cols, data }
}
