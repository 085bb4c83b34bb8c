//! GPU kernels against the CPU reference, natively (Mesa lavapipe in the test command).
//! A missing adapter is a failure here, not a skip: the test command installs one.
#![cfg(not(target_arch = "wasm32"))]

use lupe::gpu::{Backend, Gpu, probe, residual::residual_add};
use lupe::model::residual::residual_add as residual_add_cpu;

fn gpu() -> Gpu {
    pollster::block_on(Gpu::connect()).unwrap_or_else(|e| {
        panic!(
            "no GPU adapter ({e}). The test command installs Mesa's software Vulkan driver \
             (Debian: mesa-vulkan-drivers); run ./scripts/test.sh"
        )
    })
}

#[test]
fn residual_add_matches_the_cpu_on_odd_sizes() {
    let gpu = gpu();
    for n in [0usize, 1, 255, 256, 257, 1000] {
        let x: Vec<f32> = (0..n).map(|i| i as f32 * 0.5 - 7.0).collect();
        let f_x: Vec<f32> = (0..n).map(|i| (i as f32).sqrt()).collect();
        let got = pollster::block_on(residual_add(&gpu, &x, &f_x)).expect("kernel runs");
        assert_eq!(got, residual_add_cpu(&x, &f_x), "n = {n}");
    }
}

#[test]
fn residual_add_rejects_mismatched_lengths() {
    let gpu = gpu();
    let err = pollster::block_on(residual_add(&gpu, &[1.0, 2.0], &[1.0])).unwrap_err();
    assert!(err.to_string().contains("equal lengths"), "{err}");
}

#[test]
fn probe_picks_the_gpu_and_reports_the_trial_error() {
    let (backend, gpu) = pollster::block_on(probe());
    match backend {
        Backend::Gpu {
            adapter,
            self_test_max_abs_err,
        } => {
            assert!(!adapter.name.is_empty());
            assert_eq!(self_test_max_abs_err, 0.0);
            assert!(gpu.is_some());
        }
        Backend::Cpu { reason } => panic!("expected a GPU backend, got CPU: {reason}"),
    }
}

// ---- Every kernel and the whole forward pass against the CPU reference ----------------------

mod gpu_checks;

#[test]
fn matmul_and_matvec_match_the_cpu_on_odd_shapes_and_chunks() {
    pollster::block_on(
        gpu_checks::matmul_and_matvec_match_the_cpu_on_odd_shapes_and_chunks(&gpu()),
    );
}

#[test]
fn embedding_layernorm_gelu_and_softmax_match_the_cpu() {
    pollster::block_on(gpu_checks::embedding_layernorm_gelu_and_softmax_match_the_cpu(&gpu()));
}

#[test]
fn attention_matches_the_cpu_with_and_without_a_cache() {
    pollster::block_on(gpu_checks::attention_matches_the_cpu_with_and_without_a_cache(&gpu()));
}

#[test]
fn the_whole_forward_pass_matches_the_cpu_trace() {
    pollster::block_on(gpu_checks::the_whole_forward_pass_matches_the_cpu_trace(
        &gpu(),
    ));
}

#[test]
fn generation_on_the_gpu_gives_the_cpu_tokens_for_a_seed() {
    pollster::block_on(gpu_checks::generation_on_the_gpu_gives_the_cpu_tokens_for_a_seed(&gpu()));
}

#[test]
fn bad_input_is_an_error_not_a_panic() {
    pollster::block_on(gpu_checks::bad_input_is_an_error_not_a_panic(&gpu()));
}

#[test]
fn a_lost_device_is_an_error_not_a_panic() {
    pollster::block_on(gpu_checks::a_lost_device_is_an_error_not_a_panic(&gpu()));
}

#[test]
fn a_profile_times_every_kernel_of_a_forward_pass() {
    pollster::block_on(gpu_checks::a_profile_times_every_kernel_of_a_forward_pass(
        &gpu(),
    ));
}
