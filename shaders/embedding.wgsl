// Embedding gather + position add — the model's input X = E[ids] + P.
//
//   X[r, c] = E[ids[r] − row0, c] + P[start + r, c]     for r in 0 .. n, c in 0 .. d
//
// With with_pos = 0 it writes E[ids] alone (the trace shows E and P separately).
//
// The token table may be split into chunks of rows (GPT-2's 50257 × 768 exceeds WebGPU's
// default 128 MiB binding); one dispatch per chunk writes the rows whose id falls in it.
//
// Buffers (f32 unless noted, row-major):
//   binding 0  ids    : [n] u32          token ids
//   binding 1  table  : [rows × d]       this chunk of the embedding table (ids row0 ..)
//   binding 2  pos    : [n_ctx × d]      position vectors (learned, or sinusoidal from the CPU)
//   binding 3  out    : [n × d]          X (write)
//   binding 4  params : n, d, start, row0, rows, with_pos
//
// One invocation per element of X, WG_ELEMENT (256) per workgroup, folded into y past the
// x limit.
// CPU reference: src/model/embedding.rs (token_embeddings, position_vectors, add)

struct Params {
    n: u32,
    d: u32,
    start: u32,
    row0: u32,
    rows: u32,
    with_pos: u32,
}

@group(0) @binding(0) var<storage, read> ids: array<u32>;
@group(0) @binding(1) var<storage, read> table: array<f32>;
@group(0) @binding(2) var<storage, read> pos: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<uniform> params: Params;

@compute @workgroup_size(WG_ELEMENT)
fn main(
    @builtin(global_invocation_id) gid: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
) {
    let i = gid.x + gid.y * groups.x * WG_ELEMENT;
    if (i >= params.n * params.d) {
        return;
    }
    let r = i / params.d;
    let c = i % params.d;
    let id = ids[r];
    if (id < params.row0 || id >= params.row0 + params.rows) {
        return;
    }
    var p = 0.0;
    if (params.with_pos != 0u) {
        p = pos[(params.start + r) * params.d + c];
    }
    out[i] = table[(id - params.row0) * params.d + c] + p;
}
