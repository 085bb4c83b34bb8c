//! Self-attention on the GPU: split Q/K/V and append to the KV cache
//! (`shaders/split_qkv.wgsl`), scores per head (`attention_scores.wgsl`), the causal softmax
//! (`softmax.wgsl`), and the contexts side by side (`attention_context.wgsl`). CPU reference:
//! [`crate::model::attention::attention`].

use super::context::{Gpu, GpuError};
use super::kernels::{Kernels, submit};
use super::params::{AttentionContextParams, AttentionScoresParams, SplitQkvParams};
use super::shaders::WG_ELEMENT;
use super::softmax::{Causal, record_softmax};
use crate::model::Matrix;
use crate::model::attention::HeadValues;

/// The buffers one attention step writes, kept for the trace.
pub struct AttentionBuffers {
    /// Queries of the new tokens `[n × d]`.
    pub q: wgpu::Buffer,
    /// Raw scores `[H × n × T]`.
    pub scores: wgpu::Buffer,
    /// Weights α `[H × n × T]`, 0 where masked.
    pub alpha: wgpu::Buffer,
    /// Contexts of all heads side by side `[n × d]`.
    pub concat: wgpu::Buffer,
}

/// Shapes of one attention step: `n` new tokens after `start` cached ones, `H` heads of `d_k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttentionShape {
    pub n: usize,
    pub start: usize,
    pub heads: usize,
    pub dk: usize,
}

impl AttentionShape {
    pub fn d(&self) -> usize {
        self.heads * self.dk
    }
    /// `T = start + n`, the tokens each new one may look back on.
    pub fn t(&self) -> usize {
        self.start + self.n
    }
}

/// Records attention for `qkv` `[n × 3d]` against the caches `[n_ctx × d]` (rows `start ..
/// start + n` are written here): `concat = α·V` with `α = softmax(mask(Q·Kᵀ/√d_k))` per head.
pub fn record_attention(
    gpu: &Gpu,
    k: &Kernels,
    encoder: &mut wgpu::CommandEncoder,
    qkv: &wgpu::Buffer,
    (k_cache, v_cache): (&wgpu::Buffer, &wgpu::Buffer),
    s: AttentionShape,
) -> AttentionBuffers {
    let (n, d, t) = (s.n, s.d(), s.t());
    let out = AttentionBuffers {
        q: gpu.storage("q", n * d),
        scores: gpu.storage("scores", s.heads * n * t),
        alpha: gpu.storage("alpha", s.heads * n * t),
        concat: gpu.storage("concat", n * d),
    };
    gpu.record(
        encoder,
        &k.split_qkv,
        &[qkv, &out.q, k_cache, v_cache],
        &SplitQkvParams {
            n: n as u32,
            d: d as u32,
            start: s.start as u32,
        },
        gpu.groups_for(n * d, WG_ELEMENT),
    );
    gpu.record(
        encoder,
        &k.attention_scores,
        &[&out.q, k_cache, &out.scores],
        &AttentionScoresParams {
            n: n as u32,
            t: t as u32,
            heads: s.heads as u32,
            dk: s.dk as u32,
        },
        gpu.groups_for(s.heads * n * t, WG_ELEMENT),
    );
    record_softmax(
        gpu,
        k,
        encoder,
        &out.scores,
        (s.heads * n, t),
        Some(Causal { start: s.start, n }),
        1.0,
        &out.alpha,
    );
    gpu.record(
        encoder,
        &k.attention_context,
        &[&out.alpha, v_cache, &out.concat],
        &AttentionContextParams {
            n: n as u32,
            t: t as u32,
            heads: s.heads as u32,
            dk: s.dk as u32,
            start: s.start as u32,
        },
        gpu.groups_for(n * d, WG_ELEMENT),
    );
    out
}

/// Each head's values in the trace type, from what the kernels wrote: queries `[n × d]`, the
/// caches' first `T` rows `[T × d]`, scores and α `[H × n × T]`, contexts `[n × d]`. The
/// masked scores are the raw ones with −∞ where a token would look ahead.
pub fn heads_from(
    s: AttentionShape,
    q: &Matrix,
    keys: &Matrix,
    values: &Matrix,
    scores: &[f32],
    alpha: &[f32],
    concat: &Matrix,
) -> Vec<HeadValues> {
    let (n, t, dk) = (s.n, s.t(), s.dk);
    (0..s.heads)
        .map(|h| {
            let block = |all: &[f32]| Matrix {
                rows: n,
                cols: t,
                data: all[h * n * t..(h + 1) * n * t].to_vec(),
            };
            let raw = block(scores);
            let mut masked = raw.clone();
            for i in 0..n {
                for v in &mut masked.row_mut(i)[s.start + i + 1..] {
                    *v = f32::NEG_INFINITY;
                }
            }
            let off = h * dk;
            HeadValues {
                q: q.cols_slice(off, off + dk),
                k: keys.cols_slice(off, off + dk),
                v: values.cols_slice(off, off + dk),
                scores: raw,
                masked_scores: masked,
                weights: block(alpha),
                context: concat.cols_slice(off, off + dk),
            }
        })
        .collect()
}

/// Attention on the GPU for values from the CPU (tests): `qkv` `[n × 3d]` of the new tokens,
/// `past_keys`, `past_values` `[start × d]` already cached. Returns the contexts `[n × d]` and
/// every head's values.
pub async fn attention(
    gpu: &Gpu,
    k: &Kernels,
    qkv: &Matrix,
    past_keys: &Matrix,
    past_values: &Matrix,
    heads: usize,
) -> Result<(Matrix, Vec<HeadValues>), GpuError> {
    let d = qkv.cols / 3;
    if qkv.cols != 3 * d || heads == 0 || !d.is_multiple_of(heads) || past_keys.cols != d {
        return Err(GpuError::Compute(
            "attention: qkv must be [n × 3d], the caches [start × d], d divisible by the heads"
                .into(),
        ));
    }
    let s = AttentionShape {
        n: qkv.rows,
        start: past_keys.rows,
        heads,
        dk: d / heads,
    };
    let t = s.t();
    let qkvb = gpu.upload("qkv", &qkv.data);
    let cache = |past: &Matrix| {
        let mut all = past.data.clone();
        all.resize(t * d, 0.0);
        gpu.upload("cache", &all)
    };
    let (kc, vc) = (cache(past_keys), cache(past_values));
    let mut bufs = None;
    submit(gpu, "attention", |e| {
        bufs = Some(record_attention(gpu, k, e, &qkvb, (&kc, &vc), s));
    })
    .await?;
    let b = bufs.expect("recorded");
    let parts = gpu
        .read_many(&[
            (&b.q, s.n * d),
            (&kc, t * d),
            (&vc, t * d),
            (&b.scores, heads * s.n * t),
            (&b.alpha, heads * s.n * t),
            (&b.concat, s.n * d),
        ])
        .await?;
    let m = |rows: usize, data: &Vec<f32>| Matrix {
        rows,
        cols: d,
        data: data.clone(),
    };
    let concat = m(s.n, &parts[5]);
    let heads = heads_from(
        s,
        &m(s.n, &parts[0]),
        &m(t, &parts[1]),
        &m(t, &parts[2]),
        &parts[3],
        &parts[4],
        &concat,
    );
    Ok((concat, heads))
}
