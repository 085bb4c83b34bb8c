// Matrix-vector multiply with bias — the linear layers while decoding one token.
//
//   y[offset + c] = Σₖ x[k] · W[c, k] + b[offset + c]      c < m, k < K
//
// W is stored [out × in]; a large W may come in chunks of rows (`offset` places a chunk).
//
// Buffers (f32):
//   binding 0  x      : [K]
//   binding 1  w      : [m × K]      this chunk of W
//   binding 2  bias   : [≥ offset + m] (ignored when has_bias = 0)
//   binding 3  y      : [≥ offset + m] (write)
//   binding 4  params : K, m, offset, has_bias
//
// One workgroup of 64 per output: the invocations read consecutive weights of that output's
// row (coalesced), then add their partial sums in workgroup memory. Workgroups fold into y past
// the adapter's x limit.
// CPU reference: src/model/matrix.rs (linear with one row)

struct Params {
    k: u32,
    m: u32,
    offset: u32,
    has_bias: u32,
}

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

const WG: u32 = 64u;
var<workgroup> partial: array<f32, 64>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) wid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) t: u32,
) {
    let c = wid.x + wid.y * groups.x;
    if (c >= params.m) {
        return;
    }
    let base = c * params.k;
    var s = 0.0;
    for (var k = t; k < params.k; k = k + WG) {
        s = s + x[k] * w[base + k];
    }
    partial[t] = s;
    var stride = WG / 2u;
    loop {
        if (stride == 0u) {
            break;
        }
        workgroupBarrier();
        if (t < stride) {
            partial[t] = partial[t] + partial[t + stride];
        }
        stride = stride / 2u;
    }
    if (t == 0u) {
        var b = 0.0;
        if (params.has_bias != 0u) {
            b = bias[params.offset + c];
        }
        y[params.offset + c] = partial[0] + b;
    }
}
