// Matrix multiply with bias — every linear layer (Q/K/V, W_O, FFN, LM head) over several
// tokens, tiled in workgroup memory.
//
//   Y[r, offset + c] = Σₖ X[r, k] · W[c, k] + b[offset + c]     r < n, c < m, k < K
//
// W is stored [out × in] (each output's weights contiguous, as src/model/matrix.rs keeps them),
// so Y = X·Wᵀ + b. A large W may come in chunks of rows; `offset` places a chunk's columns.
//
// Buffers (f32, row-major):
//   binding 0  x      : [n × K]
//   binding 1  w      : [m × K]        this chunk of W
//   binding 2  bias   : [≥ offset + m] (ignored when has_bias = 0)
//   binding 3  y      : [n × stride]   (write, columns offset .. offset + m)
//   binding 4  params : n, K, m, stride, offset, has_bias
//
// Each 16 × 16 workgroup computes a 64 × 64 tile of Y, every invocation a 4 × 4 block of it in
// registers. K is walked in steps of 16: the workgroup loads a 64 × 16 slice of X and one of W
// into workgroup memory (4 values each per invocation), waits, and every invocation does
// 4 × 4 × 16 multiply-adds from there — each loaded value is used 64 times, and there are only
// two barriers per 4,096 multiply-adds of the workgroup. Edges: loads past n, m or K read 0,
// stores past them are skipped, so any shape works.
// CPU reference: src/model/matrix.rs (linear)

struct Params {
    n: u32,
    k: u32,
    m: u32,
    stride: u32,
    offset: u32,
    has_bias: u32,
}

@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> w: array<f32>;
@group(0) @binding(2) var<storage, read> bias: array<f32>;
@group(0) @binding(3) var<storage, read_write> y: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

const TILE: u32 = MATMUL_TILE;   // rows and columns of Y per workgroup (64)
const TK: u32 = 16u;     // step along K
const PER: u32 = 4u;     // rows and columns of Y per invocation
// xs[i][j] = X[tile row i, k j]; ws[i][j] = W[tile column i, k j].
var<workgroup> xs: array<array<f32, 16>, 64>;
var<workgroup> ws: array<array<f32, 16>, 64>;

@compute @workgroup_size(MATMUL_TILE / 4u, MATMUL_TILE / 4u)
fn main(
    @builtin(workgroup_id) wid: vec3<u32>,
    @builtin(local_invocation_id) lid: vec3<u32>,
    @builtin(local_invocation_index) t: u32,
) {
    // Workgroup x walks columns of Y (rows of W), y walks rows of Y.
    let row0 = wid.y * TILE;
    let col0 = wid.x * TILE;
    // acc_i = the invocation's Y row (4·lid.y + i), its 4 columns 4·lid.x … 4·lid.x + 3.
    var acc0 = vec4<f32>(0.0);
    var acc1 = vec4<f32>(0.0);
    var acc2 = vec4<f32>(0.0);
    var acc3 = vec4<f32>(0.0);
    let steps = (params.k + TK - 1u) / TK;
    for (var s = 0u; s < steps; s = s + 1u) {
        // 256 invocations load 64 × 16 values of each: invocation t takes k column t % 16 of
        // the rows t / 16, t / 16 + 16, t / 16 + 32, t / 16 + 48.
        let kk = s * TK + t % TK;
        for (var q = 0u; q < PER; q = q + 1u) {
            let i = t / TK + q * 16u;
            let r = row0 + i;
            let c = col0 + i;
            xs[i][t % TK] = select(0.0, x[r * params.k + kk], r < params.n && kk < params.k);
            ws[i][t % TK] = select(0.0, w[c * params.k + kk], c < params.m && kk < params.k);
        }
        workgroupBarrier();
        let yr = lid.y * PER;
        let wc = lid.x * PER;
        for (var j = 0u; j < TK; j = j + 1u) {
            let b = vec4<f32>(ws[wc][j], ws[wc + 1u][j], ws[wc + 2u][j], ws[wc + 3u][j]);
            acc0 = acc0 + xs[yr][j] * b;
            acc1 = acc1 + xs[yr + 1u][j] * b;
            acc2 = acc2 + xs[yr + 2u][j] * b;
            acc3 = acc3 + xs[yr + 3u][j] * b;
        }
        workgroupBarrier();
    }
    let rows = array<vec4<f32>, 4>(acc0, acc1, acc2, acc3);
    for (var i = 0u; i < PER; i = i + 1u) {
        let r = row0 + lid.y * PER + i;
        for (var j = 0u; j < PER; j = j + 1u) {
            let c = col0 + lid.x * PER + j;
            if (r < params.n && c < params.m) {
                var b = 0.0;
                if (params.has_bias != 0u) {
                    b = bias[params.offset + c];
                }
                y[r * params.stride + params.offset + c] = rows[i][j] + b;
            }
        }
    }
}
