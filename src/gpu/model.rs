//! The whole forward pass on the GPU, with a KV cache in GPU buffers: the same steps as
//! [`crate::model::gpt::Gpt`] (embeddings → N × (LayerNorm → attention → residual; LayerNorm →
//! FFN → residual) → final LayerNorm → LM head), one dispatch per kernel, all recorded into one
//! command buffer per step. On request every intermediate buffer is read back into the CPU's
//! [`Trace`] type, so the chapters can show GPU-computed numbers.

use super::attention::{AttentionShape, record_attention};
use super::context::{Gpu, GpuError};
use super::embedding::record_embedding;
use super::ffn::record_gelu;
use super::kernels::{Kernels, submit};
use super::layernorm::record_layer_norm;
use super::matmul::{GpuMatrix, record_linear};
use super::readback::read_trace;
use super::residual::record_residual_add;
use super::softmax::record_softmax;
use crate::model::embedding::position_vectors;
use crate::model::generate::{Decoder, GenerateOptions, Generation, StopReason};
use crate::model::{Config, Gpt, LogitRows, Matrix, Trace};

/// One transformer block's weights on the GPU.
pub(super) struct GpuBlock {
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
    pub(super) keys: Vec<wgpu::Buffer>,
    pub(super) values: Vec<wgpu::Buffer>,
    pub(super) len: usize,
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
    /// intermediate value as a [`Trace`] (see [`super::readback`]).
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
        let shape = AttentionShape {
            n: ids.len(),
            start,
            heads: c.n_head,
            dk: c.d_model / c.n_head,
        };
        let logit_rows = if rows == LogitRows::Last {
            1
        } else {
            ids.len()
        };
        let ids_buf = gpu.upload_u32("ids", ids);
        let bufs = StepBuffers::new(gpu, c, ids.len(), logit_rows);
        let mut layers = Vec::with_capacity(c.n_layer);
        submit(gpu, "forward pass", |enc| {
            self.record_embeddings(gpu, enc, &ids_buf, shape, &bufs, tracing);
            for (l, b) in self.blocks.iter().enumerate() {
                let input = layers.last().map_or(&bufs.x0, |x: &LayerBuffers| &x.r2);
                let kv = (&cache.keys[l], &cache.values[l]);
                let lb = self.record_layer(gpu, enc, b, input, kv, shape);
                layers.push(lb);
            }
            let x_last = layers.last().map_or(&bufs.x0, |x| &x.r2);
            self.record_head(gpu, enc, x_last, &bufs, tracing);
        })
        .await?;
        cache.len = start + ids.len();
        if !tracing {
            let data = gpu.read(&bufs.logits, logit_rows * c.vocab_size).await?;
            return Ok((matrix(logit_rows, c.vocab_size, data), None));
        }
        let trace = read_trace(gpu, c, ids, shape, &bufs, &layers, cache).await?;
        Ok((trace.logits.clone(), Some(trace)))
    }

    /// Records `x0 = E[ids] + P[start..]` and, for a trace, `E` and `P` on their own.
    fn record_embeddings(
        &self,
        gpu: &Gpu,
        enc: &mut wgpu::CommandEncoder,
        ids: &wgpu::Buffer,
        s: AttentionShape,
        bufs: &StepBuffers,
        tracing: bool,
    ) {
        let (k, n, d) = (&self.kernels, s.n, self.config.d_model);
        let (table, positions) = (&self.token_embedding, &self.positions);
        record_embedding(
            gpu, k, enc, ids, n, table, positions, s.start, true, &bufs.x0,
        );
        if tracing {
            record_embedding(
                gpu, k, enc, ids, n, table, positions, s.start, false, &bufs.e,
            );
            let (from, size) = ((s.start * d * 4) as u64, (n * d * 4) as u64);
            enc.copy_buffer_to_buffer(positions, from, &bufs.p, 0, size);
        }
    }

    /// Records one pre-LN block on `input` `[n × d]`: `r1 = x + W_O·attn(LN₁(x))`,
    /// `r2 = r1 + FFN(LN₂(r1))`, appending the new keys and values to `kv`.
    fn record_layer(
        &self,
        gpu: &Gpu,
        enc: &mut wgpu::CommandEncoder,
        b: &GpuBlock,
        input: &wgpu::Buffer,
        kv: (&wgpu::Buffer, &wgpu::Buffer),
        s: AttentionShape,
    ) -> LayerBuffers {
        let (k, c) = (&self.kernels, &self.config);
        let (n, d, f, eps) = (s.n, c.d_model, c.d_ff, c.layer_norm_eps);
        let buf = |label: &str, len: usize| gpu.storage(label, len);
        let (ln1, ln1_stats) = (buf("ln_1", n * d), buf("ln_1 stats", 2 * n));
        let (ln1g, ln1b) = (&b.ln_1.0, &b.ln_1.1);
        record_layer_norm(
            gpu,
            k,
            enc,
            input,
            (n, d),
            ln1g,
            ln1b,
            eps,
            &ln1,
            &ln1_stats,
        );
        let qkv = buf("qkv", n * 3 * d);
        record_linear(gpu, k, enc, &ln1, n, &b.qkv, Some(&b.qkv_bias), &qkv);
        let attn = record_attention(gpu, k, enc, &qkv, kv, s);
        let attn_out = buf("attn_out", n * d);
        record_linear(
            gpu,
            k,
            enc,
            &attn.concat,
            n,
            &b.out,
            Some(&b.out_bias),
            &attn_out,
        );
        let r1 = buf("residual_1", n * d);
        record_residual_add(gpu, &k.residual_add, enc, (input, &attn_out), n * d, &r1);
        let (ln2, ln2_stats) = (buf("ln_2", n * d), buf("ln_2 stats", 2 * n));
        let (ln2g, ln2b) = (&b.ln_2.0, &b.ln_2.1);
        record_layer_norm(gpu, k, enc, &r1, (n, d), ln2g, ln2b, eps, &ln2, &ln2_stats);
        let hidden = buf("ffn hidden", n * f);
        record_linear(
            gpu,
            k,
            enc,
            &ln2,
            n,
            &b.ffn_in,
            Some(&b.ffn_in_bias),
            &hidden,
        );
        let act = buf("ffn gelu", n * f);
        record_gelu(gpu, k, enc, &hidden, n * f, &act);
        let ffn_out = buf("ffn out", n * d);
        record_linear(
            gpu,
            k,
            enc,
            &act,
            n,
            &b.ffn_out,
            Some(&b.ffn_out_bias),
            &ffn_out,
        );
        let r2 = buf("residual_2", n * d);
        record_residual_add(gpu, &k.residual_add, enc, (&r1, &ffn_out), n * d, &r2);
        LayerBuffers {
            ln1,
            ln1_stats,
            qkv,
            attn,
            attn_out,
            r1,
            ln2,
            ln2_stats,
            hidden,
            act,
            ffn_out,
            r2,
        }
    }

    /// Records the final LayerNorm and the LM head (only the last row when one row of logits
    /// is wanted) and, for a trace, the softmax of the logits.
    fn record_head(
        &self,
        gpu: &Gpu,
        enc: &mut wgpu::CommandEncoder,
        x: &wgpu::Buffer,
        bufs: &StepBuffers,
        tracing: bool,
    ) {
        let (k, c) = (&self.kernels, &self.config);
        let (n, d, v) = (bufs.n, c.d_model, c.vocab_size);
        let (g, b) = (&self.ln_f.0, &self.ln_f.1);
        let eps = c.layer_norm_eps;
        record_layer_norm(
            gpu,
            k,
            enc,
            x,
            (n, d),
            g,
            b,
            eps,
            &bufs.final_out,
            &bufs.final_stats,
        );
        let h = if bufs.logit_rows == 1 {
            let from = ((n - 1) * d * 4) as u64;
            enc.copy_buffer_to_buffer(&bufs.final_out, from, &bufs.last, 0, (d * 4) as u64);
            &bufs.last
        } else {
            &bufs.final_out
        };
        let head = self.lm_head.as_ref().unwrap_or(&self.token_embedding);
        record_linear(gpu, k, enc, h, bufs.logit_rows, head, None, &bufs.logits);
        if tracing {
            let rows = (bufs.logit_rows, v);
            record_softmax(gpu, k, enc, &bufs.logits, rows, None, 1.0, &bufs.probs);
        }
    }
}

/// The buffers of a step outside the layers: embeddings, final LayerNorm, logits.
pub(super) struct StepBuffers {
    pub n: usize,
    pub logit_rows: usize,
    /// `E + P` `[n × d]`, the first layer's input.
    pub x0: wgpu::Buffer,
    /// `E` and `P` on their own (written only for a trace).
    pub e: wgpu::Buffer,
    pub p: wgpu::Buffer,
    pub final_out: wgpu::Buffer,
    pub final_stats: wgpu::Buffer,
    pub last: wgpu::Buffer,
    pub logits: wgpu::Buffer,
    pub probs: wgpu::Buffer,
}

impl StepBuffers {
    fn new(gpu: &Gpu, c: &Config, n: usize, logit_rows: usize) -> StepBuffers {
        let (d, v) = (c.d_model, c.vocab_size);
        StepBuffers {
            n,
            logit_rows,
            x0: gpu.storage("x", n * d),
            e: gpu.storage("E", n * d),
            p: gpu.storage("P", n * d),
            final_out: gpu.storage("ln_f", n * d),
            final_stats: gpu.storage("ln_f stats", 2 * n),
            last: gpu.storage("last row", d),
            logits: gpu.storage("logits", logit_rows * v),
            probs: gpu.storage("probs", logit_rows * v),
        }
    }
}

/// The buffers one layer writes in a step.
pub(super) struct LayerBuffers {
    pub ln1: wgpu::Buffer,
    pub ln1_stats: wgpu::Buffer,
    pub qkv: wgpu::Buffer,
    pub attn: super::attention::AttentionBuffers,
    pub attn_out: wgpu::Buffer,
    pub r1: wgpu::Buffer,
    pub ln2: wgpu::Buffer,
    pub ln2_stats: wgpu::Buffer,
    pub hidden: wgpu::Buffer,
    pub act: wgpu::Buffer,
    pub ffn_out: wgpu::Buffer,
    pub r2: wgpu::Buffer,
}

/// A matrix from read-back values.
pub(super) fn matrix(rows: usize, cols: usize, data: Vec<f32>) -> Matrix {
    debug_assert_eq!(data.len(), rows * cols);
    Matrix { rows, cols, data }
}
