// Workgroup reductions for the row kernels (softmax, LayerNorm): one workgroup of WG_ROW
// invocations per row. Each invocation leaves its partial value in `partial[t]`, calls a
// reduction, and reads the result from `partial[0]`; every invocation of the workgroup must
// call it (uniform control flow). A tree: WG_ROW/2 pairs, then half as many, … — log₂ WG_ROW
// steps, each after a barrier.

var<workgroup> partial: array<f32, WG_ROW>;

// Σ partial over the workgroup, left in partial[0].
fn reduce_sum(t: u32) {
    var stride = WG_ROW / 2u;
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
    workgroupBarrier();
}

// max partial over the workgroup, left in partial[0].
fn reduce_max(t: u32) {
    var stride = WG_ROW / 2u;
    loop {
        if (stride == 0u) {
            break;
        }
        workgroupBarrier();
        if (t < stride) {
            partial[t] = max(partial[t], partial[t + stride]);
        }
        stride = stride / 2u;
    }
    workgroupBarrier();
}
