//! The feed-forward network on the GPU: `W₁` (matmul), GELU (`shaders/gelu.wgsl`), `W₂`
//! (matmul). CPU reference: [`crate::model::ffn`].

use super::context::{Gpu, GpuError};
use super::kernels::{Kernels, submit};
use super::params::CountParams;
use super::shaders::WG_ELEMENT;

/// Records `out[i] = gelu(x[i])` for `n` values.
pub fn record_gelu(
    gpu: &Gpu,
    k: &Kernels,
    encoder: &mut wgpu::CommandEncoder,
    x: &wgpu::Buffer,
    n: usize,
    out: &wgpu::Buffer,
) {
    gpu.record(
        encoder,
        &k.gelu,
        &[x, out],
        &CountParams { n: n as u32 },
        gpu.groups_for(n, WG_ELEMENT),
    );
}

/// GELU on the GPU for values from the CPU (tests). Shape: `[n]` → `[n]`.
pub async fn gelu(gpu: &Gpu, k: &Kernels, x: &[f32]) -> Result<Vec<f32>, GpuError> {
    let xb = gpu.upload("x", x);
    let out = gpu.storage("gelu", x.len());
    submit(gpu, "gelu", |e| record_gelu(gpu, k, e, &xb, x.len(), &out)).await?;
    gpu.read(&out, x.len()).await
}
