//! Linear layers on the GPU: `Y = X·Wᵀ + b` with `shaders/matmul.wgsl` (tiled) or, for one
//! token, `shaders/matvec.wgsl`. CPU reference: [`crate::model::matrix::linear`].

use super::context::{Gpu, GpuError};
use super::kernels::{Kernels, submit};
use super::params::{MatmulParams, MatvecParams};
use super::shaders::{MATMUL_TILE, MATVEC_ROWS};
use crate::model::Matrix;

/// A weight matrix `[rows × cols]` on the GPU, split into chunks of whole rows when it is larger
/// than one buffer may be (GPT-2's token table on WebGPU's default limits).
pub struct GpuMatrix {
    /// Each chunk's buffer and its number of rows, in order.
    pub chunks: Vec<(wgpu::Buffer, usize)>,
    pub rows: usize,
    pub cols: usize,
}

impl GpuMatrix {
    /// Uploads `m`, in as few chunks as the adapter's limits allow.
    pub fn upload(gpu: &Gpu, label: &str, m: &Matrix) -> Result<GpuMatrix, GpuError> {
        let per_chunk = gpu.max_binding_floats() / m.cols.max(1);
        if per_chunk == 0 {
            return Err(GpuError::Compute(format!(
                "{label}: one row of {} values exceeds the adapter's buffer limit",
                m.cols
            )));
        }
        Ok(GpuMatrix::upload_in_chunks(gpu, label, m, per_chunk))
    }

    /// Uploads `m` in chunks of at most `rows_per_chunk` rows.
    pub fn upload_in_chunks(
        gpu: &Gpu,
        label: &str,
        m: &Matrix,
        rows_per_chunk: usize,
    ) -> GpuMatrix {
        let step = rows_per_chunk.max(1);
        let chunks = (0..m.rows.max(1))
            .step_by(step)
            .map(|r0| {
                let r1 = (r0 + step).min(m.rows);
                (
                    gpu.upload(label, &m.data[r0 * m.cols..r1 * m.cols]),
                    r1 - r0,
                )
            })
            .collect();
        GpuMatrix {
            chunks,
            rows: m.rows,
            cols: m.cols,
        }
    }
}

/// Records `Y[n × w.rows] = X[n × w.cols]·Wᵀ + b` (matvec when `n == 1`), chunk by chunk.
/// `bias` of length `w.rows`, or `None`.
#[allow(clippy::too_many_arguments)]
pub fn record_linear(
    gpu: &Gpu,
    k: &Kernels,
    encoder: &mut wgpu::CommandEncoder,
    x: &wgpu::Buffer,
    n: usize,
    w: &GpuMatrix,
    bias: Option<&wgpu::Buffer>,
    y: &wgpu::Buffer,
) {
    let dummy;
    let b = match bias {
        Some(b) => b,
        None => {
            dummy = gpu.storage("no bias", 1);
            &dummy
        }
    };
    let has_bias = u32::from(bias.is_some());
    let mut offset = 0usize;
    for (chunk, m) in &w.chunks {
        if n == 1 {
            let params = MatvecParams {
                k: w.cols as u32,
                m: *m as u32,
                offset: offset as u32,
                has_bias,
            };
            gpu.record(
                encoder,
                &k.matvec,
                &[x, chunk, b, y],
                &params,
                gpu.groups_for(*m, MATVEC_ROWS),
            );
        } else {
            let params = MatmulParams {
                n: n as u32,
                k: w.cols as u32,
                m: *m as u32,
                stride: w.rows as u32,
                offset: offset as u32,
                has_bias,
            };
            let tile = MATMUL_TILE as usize;
            let groups = (m.div_ceil(tile) as u32, n.div_ceil(tile) as u32);
            gpu.record(encoder, &k.matmul, &[x, chunk, b, y], &params, groups);
        }
        offset += m;
    }
}

/// `x·Wᵀ + b` on the GPU for matrices from the CPU (tests and benchmarks). `rows_per_chunk`
/// splits W to exercise the chunked path. Shapes: `x` `[n × in]`, `w` `[out × in]`, `b`
/// `[out]` → `[n × out]`.
pub async fn linear(
    gpu: &Gpu,
    k: &Kernels,
    x: &Matrix,
    w: &Matrix,
    b: Option<&[f32]>,
    rows_per_chunk: Option<usize>,
) -> Result<Matrix, GpuError> {
    if x.cols != w.cols {
        return Err(GpuError::Compute(format!(
            "linear: x has {} columns, W has {} inputs",
            x.cols, w.cols
        )));
    }
    let wm = match rows_per_chunk {
        Some(r) => GpuMatrix::upload_in_chunks(gpu, "w", w, r),
        None => GpuMatrix::upload(gpu, "w", w)?,
    };
    let xb = gpu.upload("x", &x.data);
    let bb = b.map(|b| gpu.upload("b", b));
    let y = gpu.storage("y", x.rows * w.rows);
    submit(gpu, "linear", |e| {
        record_linear(gpu, k, e, &xb, x.rows, &wm, bb.as_ref(), &y)
    })
    .await?;
    let data = gpu.read(&y, x.rows * w.rows).await?;
    Ok(Matrix {
        rows: x.rows,
        cols: w.rows,
        data,
    })
}
