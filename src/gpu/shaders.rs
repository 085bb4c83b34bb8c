//! The WGSL sources from `shaders/`, compiled into the binary so that native tests and the web
//! build run exactly the same kernels. Each file's header states its formula and buffers.
//!
//! The GPU compiles [`Shader::source`]: a prelude of the workgroup sizes below (the same
//! constants size the dispatches in Rust), the reductions of `shaders/reduce.wgsl` for the row
//! kernels, then the kernel. Each kernel's `Params` uniform has a `#[repr(C)]` twin in Rust
//! ([`super::params`]); a test checks that the two agree field by field.

/// Invocations per workgroup of the element-wise kernels (one output value each).
pub const WG_ELEMENT: u32 = 256;
/// Invocations per workgroup of the row kernels, softmax and LayerNorm (one row each,
/// reduced in workgroup memory). A power of two, for the tree reductions.
pub const WG_ROW: u32 = 64;
/// Outputs per workgroup of the matrix-vector kernel, and invocations per output.
pub const MATVEC_ROWS: u32 = 16;
pub const MATVEC_LANES: u32 = 4;
/// Rows and columns of Y per workgroup of the tiled matrix multiply (each of its
/// (TILE/4)² invocations computes 4 × 4 of them).
pub const MATMUL_TILE: u32 = 64;

/// One kernel's WGSL: its file, its text, and whether it calls the reductions.
#[derive(Debug, Clone, Copy)]
pub struct Shader {
    pub file: &'static str,
    pub body: &'static str,
    pub reduces: bool,
}

/// `shaders/reduce.wgsl`: sum and max over a workgroup, for the row kernels.
pub const REDUCE: &str = include_str!("../../shaders/reduce.wgsl");

impl Shader {
    /// The source the GPU compiles: the constants, the reductions where used, the kernel.
    pub fn source(&self) -> String {
        let prelude = format!(
            "// Prelude from src/gpu/shaders.rs.\n\
             const WG_ELEMENT: u32 = {WG_ELEMENT}u;\n\
             const WG_ROW: u32 = {WG_ROW}u;\n\
             const MATVEC_ROWS: u32 = {MATVEC_ROWS}u;\n\
             const MATVEC_LANES: u32 = {MATVEC_LANES}u;\n\
             const MATMUL_TILE: u32 = {MATMUL_TILE}u;\n\n"
        );
        let reduce = if self.reduces { REDUCE } else { "" };
        format!("{prelude}{reduce}\n{}", self.body)
    }
}

macro_rules! shader {
    ($name:ident, $file:literal, $reduces:literal, $doc:literal) => {
        #[doc = $doc]
        pub const $name: Shader = Shader {
            file: $file,
            body: include_str!(concat!("../../shaders/", $file)),
            reduces: $reduces,
        };
    };
}

shader!(EMBEDDING, "embedding.wgsl", false, "`X = E[ids] + P`.");
shader!(
    LAYER_NORM,
    "layernorm.wgsl",
    true,
    "`y = (x − μ)/√(σ² + ε)·γ + β` per row."
);
shader!(
    MATMUL,
    "matmul.wgsl",
    false,
    "`Y = X·Wᵀ + b`, tiled in workgroup memory."
);
shader!(MATVEC, "matvec.wgsl", false, "`y = W·x + b` for one token.");
shader!(
    SPLIT_QKV,
    "split_qkv.wgsl",
    false,
    "Q, and K and V appended to the cache."
);
shader!(
    ATTENTION_SCORES,
    "attention_scores.wgsl",
    false,
    "`S = Q·Kᵀ/√d_k` per head."
);
shader!(
    SOFTMAX,
    "softmax.wgsl",
    true,
    "Row softmax with temperature and optional causal mask."
);
shader!(
    ATTENTION_CONTEXT,
    "attention_context.wgsl",
    false,
    "`C = α·V` per head, heads side by side."
);
shader!(GELU, "gelu.wgsl", false, "GPT-2's tanh GELU.");
shader!(
    RESIDUAL_ADD,
    "residual_add.wgsl",
    false,
    "`out[i] = x[i] + f_x[i]`."
);

/// Every kernel, for validation tests.
pub const ALL: &[Shader] = &[
    EMBEDDING,
    LAYER_NORM,
    MATMUL,
    MATVEC,
    SPLIT_QKV,
    ATTENTION_SCORES,
    SOFTMAX,
    ATTENTION_CONTEXT,
    GELU,
    RESIDUAL_ADD,
];
