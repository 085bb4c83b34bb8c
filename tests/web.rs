//! Tests that run in headless Chromium (wasm-bindgen-test-runner, WebGPU on SwiftShader):
//! the kernels against the CPU reference in the browser's own WebGPU, and the shared logic
//! compiled to wasm.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

use lupe::chapters::Chapter;
use lupe::gpu::{Backend, Gpu, probe, residual::residual_add};
use lupe::model::residual::residual_add as residual_add_cpu;
use lupe::route;

wasm_bindgen_test_configure!(run_in_browser);

async fn gpu() -> Gpu {
    Gpu::connect().await.unwrap_or_else(|e| {
        panic!("no WebGPU adapter in the test browser ({e}); start Chromium with --enable-unsafe-webgpu")
    })
}

#[wasm_bindgen_test]
async fn residual_add_matches_the_cpu_in_the_browser() {
    let gpu = gpu().await;
    for n in [1usize, 257, 1000] {
        let x: Vec<f32> = (0..n).map(|i| i as f32 * 0.25 - 3.0).collect();
        let f_x: Vec<f32> = (0..n).map(|i| (i as f32 * 0.1).sin()).collect();
        let got = residual_add(&gpu, &x, &f_x).await.expect("kernel runs");
        assert_eq!(got, residual_add_cpu(&x, &f_x), "n = {n}");
    }
}

#[wasm_bindgen_test]
async fn probe_reports_webgpu() {
    match probe().await.0 {
        Backend::Gpu {
            adapter,
            self_test_max_abs_err,
        } => {
            assert_eq!(adapter.backend, "BrowserWebGpu");
            assert_eq!(self_test_max_abs_err, 0.0);
        }
        Backend::Cpu { reason } => panic!("expected WebGPU, got CPU: {reason}"),
    }
}

#[wasm_bindgen_test]
fn routes_parse_the_same_in_wasm() {
    let p = route::parse("#/attention?lang=de");
    assert_eq!(p.state.chapter, Chapter::Attention);
    assert_eq!(
        route::decode_component(&route::encode_component("König 👑")),
        "König 👑"
    );
}

// ---- Every kernel and the whole forward pass against the CPU reference, in the browser -------

mod gpu_checks;

#[wasm_bindgen_test]
async fn matmul_and_matvec_match_the_cpu_on_odd_shapes_and_chunks() {
    gpu_checks::matmul_and_matvec_match_the_cpu_on_odd_shapes_and_chunks(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn embedding_layernorm_gelu_and_softmax_match_the_cpu() {
    gpu_checks::embedding_layernorm_gelu_and_softmax_match_the_cpu(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn attention_matches_the_cpu_with_and_without_a_cache() {
    gpu_checks::attention_matches_the_cpu_with_and_without_a_cache(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn the_whole_forward_pass_matches_the_cpu_trace() {
    gpu_checks::the_whole_forward_pass_matches_the_cpu_trace(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn generation_on_the_gpu_gives_the_cpu_tokens_for_a_seed() {
    gpu_checks::generation_on_the_gpu_gives_the_cpu_tokens_for_a_seed(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn bad_input_is_an_error_not_a_panic() {
    gpu_checks::bad_input_is_an_error_not_a_panic(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn a_lost_device_is_an_error_not_a_panic() {
    gpu_checks::a_lost_device_is_an_error_not_a_panic(&gpu().await).await;
}

#[wasm_bindgen_test]
async fn a_profile_times_every_kernel_of_a_forward_pass() {
    gpu_checks::a_profile_times_every_kernel_of_a_forward_pass(&gpu().await).await;
}
