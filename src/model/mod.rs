//! The CPU reference model: plain Rust, one file per operation, each function's doc comment
//! giving its formula and tensor shapes. It is the truth that the WGSL kernels in `shaders/`
//! are tested against.

pub mod residual;
