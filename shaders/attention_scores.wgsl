// Attention scores per head — how well each query matches each key.
//
//   S[h, i, j] = Σ_c Q[i, h·d_k + c] · K[j, h·d_k + c] / √d_k
//                                          h < H, i < n (new tokens), j < T = start + n
//
// Every (i, j) is scored, also the future ones (j > start + i); the causal mask is applied by
// softmax.wgsl, so the visualizer can show the raw scores and the mask separately.
//
// Buffers (f32, row-major):
//   binding 0  q      : [n × d]         queries of the new tokens (d = H·d_k)
//   binding 1  k      : [n_ctx × d]     the key cache, rows 0 .. T valid
//   binding 2  s      : [H × n × T]     scores (write)
//   binding 3  params : n, T, H, d_k
//
// One invocation per score, WG_ELEMENT (256) per workgroup, folded into y past the x
// limit.
// CPU reference: src/model/attention.rs

struct Params {
    n: u32,
    t: u32,
    heads: u32,
    dk: u32,
}

@group(0) @binding(0) var<storage, read> q: array<f32>;
@group(0) @binding(1) var<storage, read> k: array<f32>;
@group(0) @binding(2) var<storage, read_write> s: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;

@compute @workgroup_size(WG_ELEMENT)
fn main(
    @builtin(global_invocation_id) gid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let idx = gid.x + gid.y * groups.x * WG_ELEMENT;
    let n = params.n;
    let t = params.t;
    if (idx >= params.heads * n * t) {
        return;
    }
    let h = idx / (n * t);
    let i = (idx / t) % n;
    let j = idx % t;
    let d = params.heads * params.dk;
    let qo = i * d + h * params.dk;
    let ko = j * d + h * params.dk;
    var acc = 0.0;
    for (var c = 0u; c < params.dk; c = c + 1u) {
        acc = acc + q[qo + c] * k[ko + c];
    }
    s[idx] = acc / sqrt(f32(params.dk));
}
