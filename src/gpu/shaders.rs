//! The WGSL sources from `shaders/`, compiled into the binary so that native tests and the web
//! build run exactly the same kernels. Each file's header states its formula and buffers.

/// `shaders/embedding.wgsl`: `X = E[ids] + P`.
pub const EMBEDDING: &str = include_str!("../../shaders/embedding.wgsl");
/// `shaders/layernorm.wgsl`: `y = (x − μ)/√(σ² + ε)·γ + β` per row.
pub const LAYER_NORM: &str = include_str!("../../shaders/layernorm.wgsl");
/// `shaders/matmul.wgsl`: `Y = X·Wᵀ + b`, tiled in workgroup memory.
pub const MATMUL: &str = include_str!("../../shaders/matmul.wgsl");
/// `shaders/matvec.wgsl`: `y = W·x + b` for one token.
pub const MATVEC: &str = include_str!("../../shaders/matvec.wgsl");
/// `shaders/split_qkv.wgsl`: Q, and K and V appended to the cache.
pub const SPLIT_QKV: &str = include_str!("../../shaders/split_qkv.wgsl");
/// `shaders/attention_scores.wgsl`: `S = Q·Kᵀ/√d_k` per head.
pub const ATTENTION_SCORES: &str = include_str!("../../shaders/attention_scores.wgsl");
/// `shaders/softmax.wgsl`: row softmax with temperature and optional causal mask.
pub const SOFTMAX: &str = include_str!("../../shaders/softmax.wgsl");
/// `shaders/attention_context.wgsl`: `C = α·V` per head, heads side by side.
pub const ATTENTION_CONTEXT: &str = include_str!("../../shaders/attention_context.wgsl");
/// `shaders/gelu.wgsl`: GPT-2's tanh GELU.
pub const GELU: &str = include_str!("../../shaders/gelu.wgsl");
/// `shaders/residual_add.wgsl`: `out[i] = x[i] + f_x[i]`.
pub const RESIDUAL_ADD: &str = include_str!("../../shaders/residual_add.wgsl");

/// Every shader with its file name, for validation tests.
pub const ALL: &[(&str, &str)] = &[
    ("embedding.wgsl", EMBEDDING),
    ("layernorm.wgsl", LAYER_NORM),
    ("matmul.wgsl", MATMUL),
    ("matvec.wgsl", MATVEC),
    ("split_qkv.wgsl", SPLIT_QKV),
    ("attention_scores.wgsl", ATTENTION_SCORES),
    ("softmax.wgsl", SOFTMAX),
    ("attention_context.wgsl", ATTENTION_CONTEXT),
    ("gelu.wgsl", GELU),
    ("residual_add.wgsl", RESIDUAL_ADD),
];
