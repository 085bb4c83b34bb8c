//! Softmax on the GPU with `shaders/softmax.wgsl`: the attention weights (causal mask) and the
//! next-token distribution (temperature). CPU reference: [`crate::model::softmax`].

use super::context::{Gpu, GpuError};
use super::kernels::{Kernels, submit};
use super::params::SoftmaxParams;
use crate::model::Matrix;

/// The causal mask of attention: row `r` belongs to new token `r mod n` at position
/// `start + r mod n` and may see columns `0 ..= start + r mod n`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Causal {
    pub start: usize,
    pub n: usize,
}

/// Records `p = softmax(z / τ)` for `rows` rows of `len`, masked when `causal` is given.
#[allow(clippy::too_many_arguments)]
pub fn record_softmax(
    gpu: &Gpu,
    k: &Kernels,
    encoder: &mut wgpu::CommandEncoder,
    z: &wgpu::Buffer,
    (rows, len): (usize, usize),
    causal: Option<Causal>,
    temperature: f32,
    p: &wgpu::Buffer,
) {
    let (on, start, n) = causal.map_or((0, 0, 1), |c| (1, c.start as u32, c.n.max(1) as u32));
    gpu.record(
        encoder,
        &k.softmax,
        &[z, p],
        &SoftmaxParams {
            rows: rows as u32,
            len: len as u32,
            causal: on,
            start,
            n,
            temperature,
        },
        gpu.groups_for(rows, 1),
    );
}

/// Row softmax on the GPU for values from the CPU (tests). `z` `[rows × len]` → same shape.
pub async fn softmax_rows(
    gpu: &Gpu,
    k: &Kernels,
    z: &Matrix,
    temperature: f32,
    causal: Option<Causal>,
) -> Result<Matrix, GpuError> {
    if temperature.is_nan() || temperature <= 0.0 {
        return Err(GpuError::Compute(format!(
            "softmax needs a temperature above 0, got {temperature}"
        )));
    }
    let zb = gpu.upload("z", &z.data);
    let p = gpu.storage("p", z.data.len());
    submit(gpu, "softmax", |e| {
        record_softmax(gpu, k, e, &zb, (z.rows, z.cols), causal, temperature, &p)
    })
    .await?;
    Ok(Matrix {
        rows: z.rows,
        cols: z.cols,
        data: gpu.read(&p, z.data.len()).await?,
    })
}
