//! The residual-add kernel (`shaders/residual_add.wgsl`); CPU reference:
//! [`crate::model::residual::residual_add`].

use super::context::{Gpu, GpuError, Kernel};
use super::kernels::submit;
use super::params::CountParams;
use super::shaders;
use super::shaders::WG_ELEMENT;

/// Records `out[i] = x[i] + f_x[i]` for `n` values with the residual-add pipeline.
pub fn record_residual_add(
    gpu: &Gpu,
    kernel: &Kernel,
    encoder: &mut wgpu::CommandEncoder,
    (x, f_x): (&wgpu::Buffer, &wgpu::Buffer),
    n: usize,
    out: &wgpu::Buffer,
) {
    gpu.record(
        encoder,
        kernel,
        &[x, f_x, out],
        &CountParams { n: n as u32 },
        gpu.groups_for(n, WG_ELEMENT),
    );
}

/// `out[i] = x[i] + f_x[i]` on the GPU. Shapes: `x`, `f_x`: `[T × d_model]` flattened, equal
/// lengths; returns the same shape. Builds its own pipeline (the start-up probe's trial).
pub async fn residual_add(gpu: &Gpu, x: &[f32], f_x: &[f32]) -> Result<Vec<f32>, GpuError> {
    if x.len() != f_x.len() {
        return Err(GpuError::Compute(format!(
            "residual add needs equal lengths, got {} and {}",
            x.len(),
            f_x.len()
        )));
    }
    let n = x.len();
    u32::try_from(n)
        .map_err(|_| GpuError::Compute(format!("{n} elements exceed a 32-bit index")))?;
    let pipeline = gpu
        .pipeline("residual_add", &shaders::RESIDUAL_ADD.source())
        .await?;
    let (xb, fb, out) = (
        gpu.upload("x", x),
        gpu.upload("f_x", f_x),
        gpu.output("out", n),
    );
    submit(gpu, "residual_add", |e| {
        record_residual_add(gpu, &pipeline, e, (&xb, &fb), n, &out)
    })
    .await?;
    gpu.read(&out, n).await
}
