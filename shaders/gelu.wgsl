// GELU, GPT-2's tanh approximation — the FFN's activation.
//
//   gelu(x) = ½·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))
//
// tanh(u) is computed as 1 − 2/(e^{2u} + 1), and as ±1 for |u| > 15 (where e^{2u} would
// overflow), exactly as the CPU reference does.
//
// Buffers (f32):
//   binding 0  x      : [n]    pre-activations H = X·W₁ᵀ + b₁, flattened [T × d_ff]
//   binding 1  out    : [n]    GELU(H) (write)
//   binding 2  params : n
//
// One invocation per element, WG_ELEMENT (256) per workgroup, folded into y past the x
// limit.
// CPU reference: src/model/ffn.rs (gelu)

struct Params {
    n: u32,
}

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
@group(0) @binding(2) var<uniform> params: Params;

const GELU_C: f32 = 0.7978846;

@compute @workgroup_size(WG_ELEMENT)
fn main(
    @builtin(global_invocation_id) gid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let i = gid.x + gid.y * groups.x * WG_ELEMENT;
    if (i >= params.n) {
        return;
    }
    let v = x[i];
    let u = GELU_C * (v + 0.044715 * v * v * v);
    var th = sign(u);
    if (abs(u) <= 15.0) {
        th = 1.0 - 2.0 / (exp(2.0 * u) + 1.0);
    }
    out[i] = 0.5 * v * (1.0 + th);
}
