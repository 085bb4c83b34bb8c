//! The model's input on the GPU, `X = E[ids] + P` with `shaders/embedding.wgsl`. CPU reference:
//! [`crate::model::embedding`].

use super::context::{Gpu, GpuError};
use super::kernels::{Kernels, submit};
use super::matmul::GpuMatrix;
use super::params::EmbeddingParams;
use super::shaders::WG_ELEMENT;
use crate::model::Matrix;

/// Records `X[r] = E[ids[r]] + P[start + r]` for `n` ids into `out` `[n × d]` (or `E[ids[r]]`
/// alone when `with_pos` is false), one dispatch per chunk of the table. `pos` holds
/// `[n_ctx × d]` position vectors.
#[allow(clippy::too_many_arguments)]
pub fn record_embedding(
    gpu: &Gpu,
    k: &Kernels,
    encoder: &mut wgpu::CommandEncoder,
    ids: &wgpu::Buffer,
    n: usize,
    table: &GpuMatrix,
    pos: &wgpu::Buffer,
    start: usize,
    with_pos: bool,
    out: &wgpu::Buffer,
) {
    let d = table.cols;
    let mut row0 = 0usize;
    for (chunk, rows) in &table.chunks {
        let params = EmbeddingParams {
            n: n as u32,
            d: d as u32,
            start: start as u32,
            row0: row0 as u32,
            rows: *rows as u32,
            with_pos: u32::from(with_pos),
        };
        gpu.record(
            encoder,
            &k.embedding,
            &[ids, chunk, pos, out],
            &params,
            gpu.groups_for(n * d, WG_ELEMENT),
        );
        row0 += rows;
    }
}

/// `E[ids] + P[start ..]` on the GPU for tables from the CPU (tests). Shapes: `table` `[V × d]`,
/// `pos` `[n_ctx × d]` → `[n × d]`. Ids must be `< V` (the model checks them before).
pub async fn embed(
    gpu: &Gpu,
    k: &Kernels,
    table: &Matrix,
    pos: &Matrix,
    ids: &[u32],
    start: usize,
    rows_per_chunk: usize,
) -> Result<Matrix, GpuError> {
    let n = ids.len();
    let t = GpuMatrix::upload_in_chunks(gpu, "table", table, rows_per_chunk);
    let p = gpu.upload("pos", &pos.data);
    let idb = gpu.upload_u32("ids", ids);
    let out = gpu.storage("x", n * table.cols);
    submit(gpu, "embedding", |e| {
        record_embedding(gpu, k, e, &idb, n, &t, &p, start, true, &out)
    })
    .await?;
    Ok(Matrix {
        rows: n,
        cols: table.cols,
        data: gpu.read(&out, n * table.cols).await?,
    })
}
