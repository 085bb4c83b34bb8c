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
// A workgroup computes MATVEC_ROWS (16) outputs, MATVEC_LANES (4) invocations per output: lane l of an output sums
// the weights k ≡ l (mod 4) of its row (neighbouring lanes read neighbouring weights), then the
// four partial sums meet in workgroup memory after a single barrier. Workgroups fold into y
// past the adapter's x limit.
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

var<workgroup> partial: array<f32, MATVEC_ROWS * MATVEC_LANES>;

@compute @workgroup_size(MATVEC_ROWS * MATVEC_LANES)
fn main(
    @builtin(workgroup_id) wid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) t: u32,
) {
    let c = (wid.x + wid.y * groups.x) * MATVEC_ROWS + t / MATVEC_LANES;
    let lane = t % MATVEC_LANES;
    var s = 0.0;
    if (c < params.m) {
        let base = c * params.k;
        for (var k = lane; k < params.k; k = k + MATVEC_LANES) {
            s = s + x[k] * w[base + k];
        }
    }
    partial[t] = s;
    workgroupBarrier();
    if (lane == 0u && c < params.m) {
        var b = 0.0;
        if (params.has_bias != 0u) {
            b = bias[params.offset + c];
        }
        for (var l = 0u; l < MATVEC_LANES; l = l + 1u) {
            b = b + partial[t + l];
        }
        y[params.offset + c] = b;
    }
}
