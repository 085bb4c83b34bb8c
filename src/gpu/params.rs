//! Each kernel's uniform `Params`, as a `#[repr(C)]` struct with the same fields in the same
//! order as the `struct Params` of its WGSL file (four-byte fields, so no padding on either
//! side). `tests/shaders.rs` compares the names and offsets with what naga reads from the WGSL,
//! so a field added on one side only is a failing test, not garbage on the GPU.

/// A kernel's uniform block: plain old data and its field names, in order.
pub trait Params: bytemuck::Pod {
    const FIELDS: &'static [&'static str];
}

macro_rules! params {
    ($(#[$doc:meta])* $name:ident { $($field:ident: $ty:ty),* $(,)? }) => {
        $(#[$doc])*
        #[repr(C)]
        #[derive(Debug, Clone, Copy, PartialEq, bytemuck::Pod, bytemuck::Zeroable)]
        pub struct $name {
            $(pub $field: $ty),*
        }
        impl Params for $name {
            const FIELDS: &'static [&'static str] = &[$(stringify!($field)),*];
        }
    };
}

params!(
    /// `shaders/embedding.wgsl`: n tokens at positions `start ..`, width d; this chunk of the
    /// table holds rows `row0 .. row0 + rows`; positions added when `with_pos` is 1.
    EmbeddingParams { n: u32, d: u32, start: u32, row0: u32, rows: u32, with_pos: u32 }
);
params!(
    /// `shaders/layernorm.wgsl`: n rows of d, ε.
    LayerNormParams { n: u32, d: u32, eps: f32 }
);
params!(
    /// `shaders/matmul.wgsl`: X `[n × k]`, this chunk of W `[m × k]`, Y's row stride and the
    /// chunk's first column; the bias is added when `has_bias` is 1.
    MatmulParams { n: u32, k: u32, m: u32, stride: u32, offset: u32, has_bias: u32 }
);
params!(
    /// `shaders/matvec.wgsl`: x `[k]`, this chunk of W `[m × k]` at column `offset`.
    MatvecParams { k: u32, m: u32, offset: u32, has_bias: u32 }
);
params!(
    /// `shaders/split_qkv.wgsl`: n new tokens of width d, cached from position `start`.
    SplitQkvParams { n: u32, d: u32, start: u32 }
);
params!(
    /// `shaders/attention_scores.wgsl`: n queries, t keys, heads of width dk.
    AttentionScoresParams { n: u32, t: u32, heads: u32, dk: u32 }
);
params!(
    /// `shaders/softmax.wgsl`: rows of len; with `causal` 1, row r sees columns
    /// `0 ..= start + r mod n`; temperature τ.
    SoftmaxParams { rows: u32, len: u32, causal: u32, start: u32, n: u32, temperature: f32 }
);
params!(
    /// `shaders/attention_context.wgsl`: n queries from position `start`, t values, heads of
    /// width dk.
    AttentionContextParams { n: u32, t: u32, heads: u32, dk: u32, start: u32 }
);
params!(
    /// `shaders/gelu.wgsl` and `shaders/residual_add.wgsl`: n elements.
    CountParams { n: u32 }
);
