// Attention context — each new token's weighted mix of the values it may see.
//
//   C[i, h·d_k + c] = Σ_{j ≤ start + i} α[h, i, j] · V[j, h·d_k + c]      i < n, c < d_k
//
// The heads' contexts land side by side in one [n × d] matrix: the concatenation that W_O
// then mixes.
//
// Buffers (f32, row-major):
//   binding 0  alpha  : [H × n × T]    attention weights from softmax.wgsl (0 where masked)
//   binding 1  v      : [n_ctx × d]    the value cache, rows 0 .. T valid
//   binding 2  out    : [n × d]        contexts of all heads (write)
//   binding 3  params : n, T, H, d_k, start
//
// One invocation per output element, WG_ELEMENT (256) per workgroup, folded into y past the
// x limit.
// CPU reference: src/model/attention.rs

struct Params {
    n: u32,
    t: u32,
    heads: u32,
    dk: u32,
    start: u32,
}

@group(0) @binding(0) var<storage, read> alpha: array<f32>;
@group(0) @binding(1) var<storage, read> v: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;

@compute @workgroup_size(WG_ELEMENT)
fn main(
    @builtin(global_invocation_id) gid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let idx = gid.x + gid.y * groups.x * WG_ELEMENT;
    let d = params.heads * params.dk;
    if (idx >= params.n * d) {
        return;
    }
    let i = idx / d;
    let col = idx % d;
    let h = col / params.dk;
    let row = (h * params.n + i) * params.t;
    let last = min(params.t, params.start + i + 1u);
    var acc = 0.0;
    for (var j = 0u; j < last; j = j + 1u) {
        acc = acc + alpha[row + j] * v[j * d + col];
    }
    out[idx] = acc;
}
