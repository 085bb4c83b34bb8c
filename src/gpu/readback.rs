//! Reading a traced step's buffers back into the CPU's [`Trace`] type, in one copy: each buffer
//! is asked for by a named handle, and each value taken by the same handle, so no field depends
//! on the position of another in a list.

use super::attention::{AttentionShape, heads_from};
use super::context::{Gpu, GpuError};
use super::layernorm::normalized;
use super::model::{GpuCache, LayerBuffers, StepBuffers, matrix};
use crate::model::block::BlockValues;
use crate::model::ffn::FfnValues;
use crate::model::trace::LayerTrace;
use crate::model::{Config, Trace};

/// The place of one buffer in a read-back.
#[derive(Debug, Clone, Copy)]
struct Handle(usize);

/// Buffers to read back in one copy.
#[derive(Default)]
struct Reads<'a> {
    parts: Vec<(&'a wgpu::Buffer, usize)>,
}

impl<'a> Reads<'a> {
    /// Asks for the first `len` values of `buffer`.
    fn ask(&mut self, buffer: &'a wgpu::Buffer, len: usize) -> Handle {
        self.parts.push((buffer, len));
        Handle(self.parts.len() - 1)
    }
}

/// The values read back, taken out by their handles.
struct Got(Vec<Vec<f32>>);

impl Got {
    fn take(&mut self, h: Handle) -> Vec<f32> {
        std::mem::take(&mut self.0[h.0])
    }
}

/// The handles of one layer's values.
struct LayerHandles {
    ln1: Handle,
    ln1_stats: Handle,
    qkv: Handle,
    keys: Handle,
    values: Handle,
    scores: Handle,
    alpha: Handle,
    concat: Handle,
    attn_out: Handle,
    r1: Handle,
    ln2: Handle,
    ln2_stats: Handle,
    hidden: Handle,
    act: Handle,
    ffn_out: Handle,
    r2: Handle,
}

/// Asks for every value of layer `l` (keys and values of all `T` tokens from the cache).
fn ask_layer<'a>(
    r: &mut Reads<'a>,
    c: &Config,
    s: AttentionShape,
    lb: &'a LayerBuffers,
    kv: (&'a wgpu::Buffer, &'a wgpu::Buffer),
) -> LayerHandles {
    let (n, d, f, t) = (s.n, c.d_model, c.d_ff, s.t());
    LayerHandles {
        ln1: r.ask(&lb.ln1, n * d),
        ln1_stats: r.ask(&lb.ln1_stats, 2 * n),
        qkv: r.ask(&lb.qkv, n * 3 * d),
        keys: r.ask(kv.0, t * d),
        values: r.ask(kv.1, t * d),
        scores: r.ask(&lb.attn.scores, c.n_head * n * t),
        alpha: r.ask(&lb.attn.alpha, c.n_head * n * t),
        concat: r.ask(&lb.attn.concat, n * d),
        attn_out: r.ask(&lb.attn_out, n * d),
        r1: r.ask(&lb.r1, n * d),
        ln2: r.ask(&lb.ln2, n * d),
        ln2_stats: r.ask(&lb.ln2_stats, 2 * n),
        hidden: r.ask(&lb.hidden, n * f),
        act: r.ask(&lb.act, n * f),
        ffn_out: r.ask(&lb.ffn_out, n * d),
        r2: r.ask(&lb.r2, n * d),
    }
}

/// One layer's trace from its values; `input` is the layer's input `[n × d]`.
fn layer_trace(
    got: &mut Got,
    h: &LayerHandles,
    c: &Config,
    s: AttentionShape,
    input: crate::model::Matrix,
) -> LayerTrace {
    let (n, d, f, t) = (s.n, c.d_model, c.d_ff, s.t());
    let mut nd = |h: Handle| matrix(n, d, got.take(h));
    let concat = nd(h.concat);
    let (attn_out, residual_1) = (nd(h.attn_out), nd(h.r1));
    let (output, residual_2) = (nd(h.ffn_out), nd(h.r2));
    let keys = matrix(t, d, got.take(h.keys));
    let values = matrix(t, d, got.take(h.values));
    let (scores, alpha) = (got.take(h.scores), got.take(h.alpha));
    // The queries are the first d columns of QKV (what `split_qkv` copies out).
    let qkv = matrix(n, 3 * d, got.take(h.qkv));
    let heads = heads_from(
        s,
        &qkv.cols_slice(0, d),
        &keys,
        &values,
        &scores,
        &alpha,
        &concat,
    );
    let ln_1 = normalized(got.take(h.ln1), &got.take(h.ln1_stats), n, d);
    let ln_2 = normalized(got.take(h.ln2), &got.take(h.ln2_stats), n, d);
    LayerTrace {
        input,
        block: BlockValues {
            ln_1,
            qkv,
            attention: heads,
            concat,
            attn_out,
            residual_1,
            ln_2,
            ffn: FfnValues {
                hidden: matrix(n, f, got.take(h.hidden)),
                activated: matrix(n, f, got.take(h.act)),
                output,
            },
            residual_2,
        },
    }
}

/// Reads every intermediate value of a traced step back as a [`Trace`].
pub(super) async fn read_trace(
    gpu: &Gpu,
    c: &Config,
    ids: &[u32],
    s: AttentionShape,
    bufs: &StepBuffers,
    layers: &[LayerBuffers],
    cache: &GpuCache,
) -> Result<Trace, GpuError> {
    let (n, d, v, rows) = (s.n, c.d_model, c.vocab_size, bufs.logit_rows);
    let mut r = Reads::default();
    let (e, p, x) = (
        r.ask(&bufs.e, n * d),
        r.ask(&bufs.p, n * d),
        r.ask(&bufs.x0, n * d),
    );
    let final_out = r.ask(&bufs.final_out, n * d);
    let final_stats = r.ask(&bufs.final_stats, 2 * n);
    let (logits, probs) = (r.ask(&bufs.logits, rows * v), r.ask(&bufs.probs, rows * v));
    let handles: Vec<LayerHandles> = layers
        .iter()
        .enumerate()
        .map(|(l, lb)| ask_layer(&mut r, c, s, lb, (&cache.keys[l], &cache.values[l])))
        .collect();
    let mut got = Got(gpu.read_many(&r.parts).await?);
    let input = matrix(n, d, got.take(x));
    let mut next_input = input.clone();
    let traced = handles
        .iter()
        .map(|h| {
            let layer = layer_trace(&mut got, h, c, s, next_input.clone());
            next_input = layer.block.residual_2.clone();
            layer
        })
        .collect();
    Ok(Trace {
        ids: ids.to_vec(),
        start: s.start,
        token_embeddings: matrix(n, d, got.take(e)),
        position_vectors: matrix(n, d, got.take(p)),
        input,
        layers: traced,
        final_norm: normalized(got.take(final_out), &got.take(final_stats), n, d),
        logits: matrix(rows, v, got.take(logits)),
        probs: matrix(rows, v, got.take(probs)),
    })
}
