//! LayerNorm on the GPU with `shaders/layernorm.wgsl`. CPU reference:
//! [`crate::model::layernorm::layer_norm`].

use super::context::{Gpu, GpuError};
use super::kernels::{Kernels, submit};
use super::params::LayerNormParams;
use crate::model::Matrix;
use crate::model::layernorm::Normalized;

/// Records `out = (x − μ)/√(σ² + ε)·γ + β` for `n` rows of `d`, and `stats` `[n × 2]` = (μ, σ²).
#[allow(clippy::too_many_arguments)]
pub fn record_layer_norm(
    gpu: &Gpu,
    k: &Kernels,
    encoder: &mut wgpu::CommandEncoder,
    x: &wgpu::Buffer,
    (n, d): (usize, usize),
    gamma: &wgpu::Buffer,
    beta: &wgpu::Buffer,
    eps: f32,
    out: &wgpu::Buffer,
    stats: &wgpu::Buffer,
) {
    gpu.record(
        encoder,
        &k.layer_norm,
        &[x, gamma, beta, out, stats],
        &LayerNormParams {
            n: n as u32,
            d: d as u32,
            eps,
        },
        gpu.groups_for(n, 1),
    );
}

/// Turns the kernel's outputs into the trace type: `y` `[n × d]` and `stats` `[n × 2]`.
pub fn normalized(y: Vec<f32>, stats: &[f32], n: usize, d: usize) -> Normalized {
    Normalized {
        output: Matrix {
            rows: n,
            cols: d,
            data: y,
        },
        mean: stats.iter().step_by(2).copied().collect(),
        var: stats.iter().skip(1).step_by(2).copied().collect(),
    }
}

/// LayerNorm on the GPU for values from the CPU (tests). Shapes: `x` `[n × d]`, `gamma`,
/// `beta` `[d]`.
pub async fn layer_norm(
    gpu: &Gpu,
    k: &Kernels,
    x: &Matrix,
    gamma: &[f32],
    beta: &[f32],
    eps: f32,
) -> Result<Normalized, GpuError> {
    let (n, d) = (x.rows, x.cols);
    let xb = gpu.upload("x", &x.data);
    let (g, b) = (gpu.upload("gamma", gamma), gpu.upload("beta", beta));
    let (out, stats) = (gpu.storage("y", n * d), gpu.storage("stats", n * 2));
    submit(gpu, "layernorm", |e| {
        record_layer_norm(gpu, k, e, &xb, (n, d), &g, &b, eps, &out, &stats)
    })
    .await?;
    let parts = gpu.read_many(&[(&out, n * d), (&stats, n * 2)]).await?;
    let [y, stats]: [Vec<f32>; 2] = parts
        .try_into()
        .map_err(|_| GpuError::Compute("layernorm: two buffers asked, others read".into()))?;
    Ok(normalized(y, &stats, n, d))
}
