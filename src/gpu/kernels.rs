//! Every compute pipeline, built once per device from the WGSL in [`super::shaders`].

use super::context::{Gpu, GpuError, Kernel};
use super::shaders;

/// The compiled kernels of the forward pass.
pub struct Kernels {
    pub embedding: Kernel,
    pub layer_norm: Kernel,
    pub matmul: Kernel,
    pub matvec: Kernel,
    pub split_qkv: Kernel,
    pub attention_scores: Kernel,
    pub softmax: Kernel,
    pub attention_context: Kernel,
    pub gelu: Kernel,
    pub residual_add: Kernel,
}

impl Kernels {
    /// Compiles all kernels; a shader the device rejects comes back as an error naming it.
    pub async fn new(gpu: &Gpu) -> Result<Kernels, GpuError> {
        Ok(Kernels {
            embedding: gpu
                .pipeline("embedding", &shaders::EMBEDDING.source())
                .await?,
            layer_norm: gpu
                .pipeline("layernorm", &shaders::LAYER_NORM.source())
                .await?,
            matmul: gpu.pipeline("matmul", &shaders::MATMUL.source()).await?,
            matvec: gpu.pipeline("matvec", &shaders::MATVEC.source()).await?,
            split_qkv: gpu
                .pipeline("split_qkv", &shaders::SPLIT_QKV.source())
                .await?,
            attention_scores: gpu
                .pipeline("attention_scores", &shaders::ATTENTION_SCORES.source())
                .await?,
            softmax: gpu.pipeline("softmax", &shaders::SOFTMAX.source()).await?,
            attention_context: gpu
                .pipeline("attention_context", &shaders::ATTENTION_CONTEXT.source())
                .await?,
            gelu: gpu.pipeline("gelu", &shaders::GELU.source()).await?,
            residual_add: gpu
                .pipeline("residual_add", &shaders::RESIDUAL_ADD.source())
                .await?,
        })
    }
}

/// Runs `record` into a fresh encoder, submits it, and turns validation and out-of-memory
/// errors into [`GpuError::Compute`] naming `what`.
pub async fn submit(
    gpu: &Gpu,
    what: &str,
    record: impl FnOnce(&mut wgpu::CommandEncoder),
) -> Result<(), GpuError> {
    if gpu.is_lost() {
        return Err(GpuError::Compute(format!(
            "{what}: the GPU device was lost"
        )));
    }
    let memory = gpu.device.push_error_scope(wgpu::ErrorFilter::OutOfMemory);
    let validation = gpu.device.push_error_scope(wgpu::ErrorFilter::Validation);
    let mut encoder = gpu.device.create_command_encoder(&Default::default());
    record(&mut encoder);
    gpu.queue.submit([encoder.finish()]);
    let invalid = validation.pop().await;
    let oom = memory.pop().await;
    match (invalid, oom) {
        (None, None) => Ok(()),
        (Some(e), _) | (None, Some(e)) => Err(GpuError::Compute(format!("{what}: {e}"))),
    }
}
