//! The GPU path compiled to wasm for the browser benchmark (`scripts/bench.sh gpu`), driven
//! from JavaScript in headless Chromium:
//!
//!     cargo build --release --target wasm32-unknown-unknown --example gpu_wasm
//!     wasm-bindgen --target web --out-dir target/bench/gpu-web \
//!         target/wasm32-unknown-unknown/release/examples/gpu_wasm.wasm
//!
//! One model at a time lives in the page: `load` builds it with random weights for a config,
//! uploads it to the GPU and keeps the CPU copy for the peer figures of the same run.

#[cfg(target_arch = "wasm32")]
mod exports {
    use lupe::gpu::{Gpu, GpuModel};
    use lupe::model::generate::{GenerateOptions, generate};
    use lupe::model::{Config, Gpt, LogitRows};
    use lupe::sampling::Sampling;
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;

    struct Loaded {
        gpu: Gpu,
        cpu: Gpt,
        model: GpuModel,
    }

    thread_local! {
        static LOADED: RefCell<Option<Rc<Loaded>>> = const { RefCell::new(None) };
    }

    fn loaded() -> Result<Rc<Loaded>, JsError> {
        LOADED
            .with(|l| l.borrow().clone())
            .ok_or_else(|| JsError::new("no model loaded"))
    }

    fn js(e: impl std::fmt::Display) -> JsError {
        JsError::new(&e.to_string())
    }

    fn greedy(n: usize) -> GenerateOptions {
        GenerateOptions {
            max_new_tokens: n,
            sampling: Sampling::GREEDY,
            seed: 0,
            end_token: None,
        }
    }

    /// Builds a model with GPT-2's random initialisation for `config_json` and uploads it;
    /// returns the adapter as JSON (name, backend, whether it times kernels).
    #[wasm_bindgen]
    pub async fn load(config_json: String, seed: u64) -> Result<String, JsError> {
        LOADED.with(|l| l.borrow_mut().take());
        let config = Config::from_json(&config_json).map_err(js)?;
        let cpu = Gpt::random(config, seed).map_err(js)?;
        let gpu = Gpu::connect().await.map_err(js)?;
        let model = GpuModel::upload(&gpu, &cpu).await.map_err(js)?;
        let adapter = serde_json::json!({
            "name": gpu.adapter.name,
            "backend": gpu.adapter.backend,
            "timestamps": gpu.has_timestamps(),
        })
        .to_string();
        LOADED.with(|l| *l.borrow_mut() = Some(Rc::new(Loaded { gpu, cpu, model })));
        Ok(adapter)
    }

    /// Greedy generation of `n` tokens on the GPU (KV cache in GPU buffers).
    #[wasm_bindgen]
    pub async fn gpu_generate(prompt: Vec<u32>, n: usize) -> Result<Vec<u32>, JsError> {
        let l = loaded()?;
        let g = l
            .model
            .generate(&l.gpu, &prompt, greedy(n))
            .await
            .map_err(js)?;
        Ok(g.tokens)
    }

    /// The same generation with the CPU model in wasm.
    #[wasm_bindgen]
    pub fn cpu_generate(prompt: Vec<u32>, n: usize) -> Result<Vec<u32>, JsError> {
        let l = loaded()?;
        Ok(generate(&l.cpu, &prompt, greedy(n)).map_err(js)?.tokens)
    }

    /// An untraced forward pass on the GPU with logits for every position `[n × V]`; returns
    /// the last row (for comparing with the peer runtime's).
    #[wasm_bindgen]
    pub async fn gpu_forward(ids: Vec<u32>) -> Result<Vec<f32>, JsError> {
        let l = loaded()?;
        let logits = l
            .model
            .forward(&l.gpu, &ids, LogitRows::All)
            .await
            .map_err(js)?;
        let v = logits.cols;
        Ok(logits.data[logits.data.len() - v..].to_vec())
    }

    /// The same forward pass on the CPU; returns the last row.
    #[wasm_bindgen]
    pub fn cpu_forward(ids: Vec<u32>) -> Result<Vec<f32>, JsError> {
        let l = loaded()?;
        let logits = l.cpu.forward(&ids, LogitRows::All).map_err(js)?;
        let v = logits.cols;
        Ok(logits.data[logits.data.len() - v..].to_vec())
    }

    /// A traced forward pass on the GPU, read back into the CPU's trace type; returns the
    /// number of traced layers.
    #[wasm_bindgen]
    pub async fn gpu_traced(ids: Vec<u32>) -> Result<usize, JsError> {
        let l = loaded()?;
        Ok(l.model
            .forward_traced(&l.gpu, &ids)
            .await
            .map_err(js)?
            .layers
            .len())
    }

    /// The same traced forward pass on the CPU.
    #[wasm_bindgen]
    pub fn cpu_traced(ids: Vec<u32>) -> Result<usize, JsError> {
        let l = loaded()?;
        let t = l.cpu.forward_traced(&ids, LogitRows::Last).map_err(js)?;
        Ok(t.layers.len())
    }

    /// GPU time per kernel of one untraced forward pass over `ids`, from timestamp queries:
    /// JSON `{"steps": 1, "untimed", "kernels": [{"name", "dispatches", "total_ms"}]}`.
    #[wasm_bindgen]
    pub async fn profile_forward(ids: Vec<u32>) -> Result<String, JsError> {
        let l = loaded()?;
        l.gpu
            .start_profile(lupe::gpu::profile::MAX_PASSES)
            .map_err(js)?;
        l.model
            .forward(&l.gpu, &ids, LogitRows::All)
            .await
            .map_err(js)?;
        let (kernels, untimed) = l.gpu.finish_profile().await.map_err(js)?;
        Ok(serde_json::json!({ "steps": 1, "untimed": untimed, "kernels": kernels }).to_string())
    }

    /// GPU time per kernel over `steps` decoding steps after `prompt`, from timestamp queries:
    /// JSON `{"steps", "untimed", "kernels": [{"name", "dispatches", "total_ms"}]}`.
    #[wasm_bindgen]
    pub async fn profile_decoding(prompt: Vec<u32>, steps: usize) -> Result<String, JsError> {
        let l = loaded()?;
        let (gpu, model) = (&l.gpu, &l.model);
        let mut cache = model.cache(gpu);
        let (mut logits, _) = model
            .step(gpu, &mut cache, &prompt, LogitRows::Last, false)
            .await
            .map_err(js)?;
        gpu.start_profile(lupe::gpu::profile::MAX_PASSES)
            .map_err(js)?;
        let mut rng = lupe::rng::Rng::new(0);
        for _ in 0..steps {
            let next = lupe::sampling::sample(&logits.data, &Sampling::GREEDY, &mut rng)
                .map_err(js)?
                .token;
            logits = model
                .step(gpu, &mut cache, &[next], LogitRows::Last, false)
                .await
                .map_err(js)?
                .0;
        }
        let (kernels, untimed) = gpu.finish_profile().await.map_err(js)?;
        Ok(
            serde_json::json!({ "steps": steps, "untimed": untimed, "kernels": kernels })
                .to_string(),
        )
    }
}

fn main() {}
