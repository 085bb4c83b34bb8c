// Matrix multiply with bias — every linear layer (Q/K/V, W_O, FFN, LM head), tiled in
// workgroup memory.
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
// Each 16 × 16 workgroup computes a 16 × 16 tile of Y, walking K in steps of 16 with one tile
// of X and one of W in workgroup memory (each value loaded once per tile instead of 16 times).
// Edges: loads past n, m or K read 0, stores past them are skipped, so any shape works.
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

const TILE: u32 = 16u;
var<workgroup> xs: array<array<f32, 16>, 16>;
var<workgroup> ws: array<array<f32, 16>, 16>;

@compute @workgroup_size(16, 16)
fn main(
    @builtin(workgroup_id) wid: vec3<u32>,
    @builtin(local_invocation_id) lid: vec3<u32>,
) {
    // Workgroup x walks columns of Y (rows of W), y walks rows of Y.
    let r = wid.y * TILE + lid.y;
    let c = wid.x * TILE + lid.x;
    let wrow = wid.x * TILE + lid.y;
    var acc = 0.0;
    let tiles = (params.k + TILE - 1u) / TILE;
    for (var t = 0u; t < tiles; t = t + 1u) {
        let kk = t * TILE + lid.x;
        // xs[i][j] = X[row i of the tile, k j]; ws[i][j] = W[row i of the tile, k j].
        xs[lid.y][lid.x] = select(0.0, x[r * params.k + kk], r < params.n && kk < params.k);
        ws[lid.y][lid.x] = select(0.0, w[wrow * params.k + kk], wrow < params.m && kk < params.k);
        workgroupBarrier();
        for (var j = 0u; j < TILE; j = j + 1u) {
            acc = acc + xs[lid.y][j] * ws[lid.x][j];
        }
        workgroupBarrier();
    }
    if (r < params.n && c < params.m) {
        var b = 0.0;
        if (params.has_bias != 0u) {
            b = bias[params.offset + c];
        }
        y[r * params.stride + params.offset + c] = acc + b;
    }
}
