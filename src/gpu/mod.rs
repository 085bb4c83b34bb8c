//! WebGPU compute through wgpu: the same code natively (Vulkan, Metal, DX12) and in the browser
//! (WebGPU). Kernels are the WGSL files in `shaders/`, each checked against its CPU reference in
//! [`crate::model`].
//!
//! - [`context`]: adapter and device, buffers, read-back.
//! - [`shaders`]: the WGSL sources, compiled into the binary.
//! - [`residual`]: the residual-add kernel.
//! - [`probe`]: what the app does at start: find an adapter, run a trial kernel, and report the
//!   [`Backend`] that computes what the user sees.

pub mod context;
pub mod probe;
pub mod residual;
pub mod shaders;

pub use context::{AdapterSummary, Gpu, GpuError};
pub use probe::{Backend, probe};
