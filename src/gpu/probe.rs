//! What the app does at start: look for a GPU, prove it computes correctly with a trial kernel,
//! and decide which [`Backend`] computes what the user sees.

use serde::Serialize;

use super::context::{AdapterSummary, Gpu, GpuError};
use super::residual::residual_add;
use crate::model::residual::residual_add as residual_add_cpu;

/// Largest difference from the CPU reference that the trial run may show. Addition of the
/// trial's values is exact in f32 on any conforming GPU, so anything above rounding noise means
/// a broken driver.
pub const SELF_TEST_TOLERANCE: f32 = 1e-6;

/// Number of elements in the trial run: more than one workgroup, not a multiple of 256.
const SELF_TEST_LEN: usize = 1000;

/// The compute backend chosen at start.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Backend {
    /// WebGPU (in the browser) or a native GPU API, with the trial run's largest error.
    Gpu {
        adapter: AdapterSummary,
        self_test_max_abs_err: f32,
    },
    /// The CPU reference, and why the GPU is not used.
    Cpu { reason: GpuError },
}

/// Connects to a GPU and runs the trial kernel. Returns the backend and, when it is a GPU, the
/// open device for later work.
pub async fn probe() -> (Backend, Option<Gpu>) {
    let gpu = match Gpu::connect().await {
        Ok(gpu) => gpu,
        Err(reason) => return (Backend::Cpu { reason }, None),
    };
    match self_test(&gpu).await {
        Ok(err) => (
            Backend::Gpu {
                adapter: gpu.adapter.clone(),
                self_test_max_abs_err: err,
            },
            Some(gpu),
        ),
        Err(reason) => (Backend::Cpu { reason }, None),
    }
}

/// Runs residual add on the GPU and on the CPU over the same deterministic values and returns
/// the largest absolute difference, or an error when it exceeds [`SELF_TEST_TOLERANCE`].
pub async fn self_test(gpu: &Gpu) -> Result<f32, GpuError> {
    let x: Vec<f32> = (0..SELF_TEST_LEN)
        .map(|i| (i as f32 * 0.37).sin())
        .collect();
    let f_x: Vec<f32> = (0..SELF_TEST_LEN)
        .map(|i| (i as f32 * 0.11).cos() * 0.5)
        .collect();
    let expected = residual_add_cpu(&x, &f_x);
    let got = residual_add(gpu, &x, &f_x).await?;
    if got.len() != expected.len() || got.iter().any(|v| !v.is_finite()) {
        return Err(GpuError::SelfTest {
            max_abs_err: f32::INFINITY,
        });
    }
    let max_abs_err = expected
        .iter()
        .zip(&got)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0f32, f32::max);
    if max_abs_err > SELF_TEST_TOLERANCE {
        return Err(GpuError::SelfTest { max_abs_err });
    }
    Ok(max_abs_err)
}
