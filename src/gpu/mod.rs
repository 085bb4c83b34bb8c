//! WebGPU compute through wgpu: the same code natively (Vulkan, Metal, DX12) and in the browser
//! (WebGPU). Kernels are the WGSL files in `shaders/`, each checked against its CPU reference in
//! [`crate::model`].
//!
//! - [`context`]: adapter and device, buffers, dispatch, read-back.
//! - [`shaders`], [`kernels`]: the WGSL sources (with the prelude of workgroup sizes and the
//!   shared reductions) and their compiled pipelines; [`params`]: each kernel's uniform.
//! - [`embedding`], [`layernorm`], [`matmul`], [`attention`], [`softmax`], [`ffn`],
//!   [`residual`]: one home per operation, each recording its kernel and offering a
//!   CPU-in/CPU-out version for tests.
//! - [`model`]: the whole forward pass with a KV cache on the GPU, one recorded layer at a
//!   time; [`readback`]: a traced step's buffers back into the CPU's `Trace`, by named handles.
//! - [`profile`]: kernel times from timestamp queries, for the benchmark.
//! - [`probe`]: what the app does at start: find an adapter, run a trial kernel, and report the
//!   [`Backend`] that computes what the user sees.

pub mod attention;
pub mod context;
pub mod embedding;
pub mod ffn;
pub mod kernels;
pub mod layernorm;
pub mod matmul;
pub mod model;
pub mod params;
pub mod probe;
pub mod profile;
pub mod readback;
pub mod residual;
pub mod shaders;
pub mod softmax;

pub use context::{AdapterSummary, Gpu, GpuError};
pub use kernels::Kernels;
pub use model::{GpuCache, GpuModel};
pub use probe::{Backend, probe};
