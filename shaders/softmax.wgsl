// Softmax row by row, with temperature and an optional causal mask — the attention weights α
// and the next-token distribution.
//
//   p[r, j] = exp((z[r, j] − max) / τ) / Σ_{j' allowed} exp((z[r, j'] − max) / τ)
//   allowed: every j, or with the causal mask j ≤ start + (r mod n); others get p = 0
//
// Buffers (f32, row-major):
//   binding 0  z      : [rows × len]   scores or logits
//   binding 1  p      : [rows × len]   probabilities (write)
//   binding 2  params : rows, len, causal (0/1), start, n, τ
//
// One workgroup of WG_ROW (64) per row: max, then the sum of exponentials, each a tree
// reduction in workgroup memory (shaders/reduce.wgsl); subtracting the maximum keeps exp
// from overflowing.
// CPU reference: src/model/softmax.rs

struct Params {
    rows: u32,
    len: u32,
    causal: u32,
    start: u32,
    n: u32,
    temperature: f32,
}

@group(0) @binding(0) var<storage, read> z: array<f32>;
@group(0) @binding(1) var<storage, read_write> p: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

@compute @workgroup_size(WG_ROW)
fn main(
    @builtin(workgroup_id) wid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) t: u32,
) {
    let row = wid.x + wid.y * groups.x;
    if (row >= params.rows) {
        return;
    }
    let base = row * params.len;
    var allowed = params.len;
    if (params.causal != 0u) {
        allowed = min(params.len, params.start + row % params.n + 1u);
    }
    let tau = params.temperature;
    // The largest allowed value (−3.4e38 stands in for −∞ when nothing is larger).
    var m = -3.4e38;
    for (var j = t; j < allowed; j = j + WG_ROW) {
        m = max(m, z[base + j]);
    }
    partial[t] = m;
    reduce_max(t);
    let top = partial[0];
    workgroupBarrier();
    var s = 0.0;
    for (var j = t; j < allowed; j = j + WG_ROW) {
        s = s + exp((z[base + j] - top) / tau);
    }
    partial[t] = s;
    reduce_sum(t);
    let inv = 1.0 / partial[0];
    for (var j = t; j < params.len; j = j + WG_ROW) {
        if (j < allowed) {
            p[base + j] = exp((z[base + j] - top) / tau) * inv;
        } else {
            p[base + j] = 0.0;
        }
    }
}
