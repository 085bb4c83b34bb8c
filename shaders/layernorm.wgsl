// LayerNorm, row by row — one workgroup per row.
//
//   μ = mean(x),  σ² = mean((x − μ)²)           (biased, as PyTorch)
//   y[c] = (x[c] − μ) / √(σ² + ε) · γ[c] + β[c]
//
// Buffers (f32, row-major):
//   binding 0  x      : [n × d]     input
//   binding 1  gamma  : [d]         scale γ
//   binding 2  beta   : [d]         shift β
//   binding 3  out    : [n × d]     y (write)
//   binding 4  stats  : [n × 2]     μ and σ² per row (write, for the visualizer)
//   binding 5  params : n, d, ε
//
// WG_ROW (64) invocations per row sum strided slices, then a tree reduction in workgroup
// memory (shaders/reduce.wgsl).
// CPU reference: src/model/layernorm.rs

struct Params {
    n: u32,
    d: u32,
    eps: f32,
}

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> gamma: array<f32>;
@group(0) @binding(2) var<storage, read> beta: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<storage, read_write> stats: array<f32>;
@group(0) @binding(5) var<uniform> params: Params;

@compute @workgroup_size(WG_ROW)
fn main(
    @builtin(workgroup_id) wid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) t: u32,
) {
    let row = wid.x + wid.y * groups.x;
    // Uniform control flow: every invocation of a workgroup takes the same branch.
    if (row >= params.n) {
        return;
    }
    let d = params.d;
    let base = row * d;
    var s = 0.0;
    for (var c = t; c < d; c = c + WG_ROW) {
        s = s + x[base + c];
    }
    partial[t] = s;
    reduce_sum(t);
    let mean = partial[0] / f32(d);
    workgroupBarrier();
    var q = 0.0;
    for (var c = t; c < d; c = c + WG_ROW) {
        let e = x[base + c] - mean;
        q = q + e * e;
    }
    partial[t] = q;
    reduce_sum(t);
    let variance = partial[0] / f32(d);
    let inv = 1.0 / sqrt(variance + params.eps);
    for (var c = t; c < d; c = c + WG_ROW) {
        out[base + c] = (x[base + c] - mean) * inv * gamma[c] + beta[c];
    }
    if (t == 0u) {
        stats[row * 2u] = mean;
        stats[row * 2u + 1u] = variance;
    }
}
