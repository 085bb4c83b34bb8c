// Residual add — the residual connection of a transformer layer.
//
//   out[i] = x[i] + f_x[i]        for i in 0 .. n,   n = T × d_model
//
// Buffers (f32, row-major, flattened):
//   binding 0  x    : [T × d_model]   input of the sub-layer (read)
//   binding 1  f_x  : [T × d_model]   output of the sub-layer (read)
//   binding 2  out  : [T × d_model]   result (write)
//   binding 3  params.n : number of elements
//
// One invocation per element, WG_ELEMENT (256) per workgroup. The host dispatches
// ceil(n / WG_ELEMENT) workgroups, folded into x and y when that exceeds the adapter's
// per-dimension limit; invocations past n return at once.
// CPU reference: src/model/residual.rs

struct Params {
    n: u32,
}

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> f_x: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
@group(0) @binding(3) var<uniform> params: Params;

@compute @workgroup_size(WG_ELEMENT)
fn main(
    @builtin(global_invocation_id) gid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let i = gid.x + gid.y * groups.x * WG_ELEMENT;
    if (i >= params.n) {
        return;
    }
    out[i] = x[i] + f_x[i];
}
