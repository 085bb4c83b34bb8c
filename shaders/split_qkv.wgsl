// Split the fused Q/K/V projection and append keys and values to the KV cache.
//
//   q[r, c]              = qkv[r, c]
//   k_cache[start + r, c] = qkv[r, d + c]
//   v_cache[start + r, c] = qkv[r, 2d + c]          r < n, c < d
//
// Buffers (f32, row-major):
//   binding 0  qkv     : [n × 3d]       X·W_qkvᵀ + b (from matmul.wgsl)
//   binding 1  q       : [n × d]        (write)
//   binding 2  k_cache : [n_ctx × d]    keys of all tokens so far (write rows start ..)
//   binding 3  v_cache : [n_ctx × d]    values (write rows start ..)
//   binding 4  params  : n, d, start
//
// One invocation per element of q, WG_ELEMENT (256) per workgroup.
// CPU reference: src/model/gpt.rs (Pass::run_layer: the cache append)

struct Params {
    n: u32,
    d: u32,
    start: u32,
}

@group(0) @binding(0) var<storage, read> qkv: array<f32>;
@group(0) @binding(1) var<storage, read_write> q: array<f32>;
@group(0) @binding(2) var<storage, read_write> k_cache: array<f32>;
@group(0) @binding(3) var<storage, read_write> v_cache: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

@compute @workgroup_size(WG_ELEMENT)
fn main(
    @builtin(global_invocation_id) gid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let i = gid.x + gid.y * groups.x * WG_ELEMENT;
    let d = params.d;
    if (i >= params.n * d) {
        return;
    }
    let r = i / d;
    let c = i % d;
    q[i] = qkv[r * 3u * d + c];
    let at = (params.start + r) * d + c;
    k_cache[at] = qkv[r * 3u * d + d + c];
    v_cache[at] = qkv[r * 3u * d + 2u * d + c];
}
