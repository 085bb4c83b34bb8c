//! The residual-add kernel (`shaders/residual_add.wgsl`); CPU reference:
//! [`crate::model::residual::residual_add`].

use super::context::{Gpu, GpuError};
use super::shaders;

/// `out[i] = x[i] + f_x[i]` on the GPU. Shapes: `x`, `f_x`: `[T × d_model]` flattened, equal
/// lengths; returns the same shape.
pub async fn residual_add(gpu: &Gpu, x: &[f32], f_x: &[f32]) -> Result<Vec<f32>, GpuError> {
    if x.len() != f_x.len() {
        return Err(GpuError::Compute(format!(
            "residual add needs equal lengths, got {} and {}",
            x.len(),
            f_x.len()
        )));
    }
    let n = x.len();
    let n_u32 = u32::try_from(n)
        .map_err(|_| GpuError::Compute(format!("{n} elements exceed a 32-bit index")))?;
    let pipeline = gpu.pipeline("residual_add", shaders::RESIDUAL_ADD).await?;
    let scope = gpu.device.push_error_scope(wgpu::ErrorFilter::Validation);
    let x_buf = gpu.upload("x", x);
    let fx_buf = gpu.upload("f_x", f_x);
    let out_buf = gpu.output("out", n);
    let params = gpu.uniform("params", &[n_u32, 0, 0, 0]);
    let bind_group = gpu.device.create_bind_group(&wgpu::BindGroupDescriptor {
        label: Some("residual_add"),
        layout: &pipeline.get_bind_group_layout(0),
        entries: &[
            wgpu::BindGroupEntry {
                binding: 0,
                resource: x_buf.as_entire_binding(),
            },
            wgpu::BindGroupEntry {
                binding: 1,
                resource: fx_buf.as_entire_binding(),
            },
            wgpu::BindGroupEntry {
                binding: 2,
                resource: out_buf.as_entire_binding(),
            },
            wgpu::BindGroupEntry {
                binding: 3,
                resource: params.as_entire_binding(),
            },
        ],
    });
    let mut encoder = gpu.device.create_command_encoder(&Default::default());
    {
        let mut pass = encoder.begin_compute_pass(&Default::default());
        pass.set_pipeline(&pipeline);
        pass.set_bind_group(0, &bind_group, &[]);
        let (gx, gy) = gpu.groups_for(n, 256);
        pass.dispatch_workgroups(gx, gy, 1);
    }
    gpu.queue.submit([encoder.finish()]);
    if let Some(e) = scope.pop().await {
        return Err(GpuError::Compute(format!("residual_add: {e}")));
    }
    gpu.read(&out_buf, n).await
}
