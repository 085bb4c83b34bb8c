//! The model compiled to wasm for the Node benchmark (`scripts/bench.sh model`), timed from
//! JavaScript:
//!
//!     cargo build --release --target wasm32-unknown-unknown --example model_wasm
//!     wasm-bindgen --target nodejs --out-dir target/bench/wasm \
//!         target/wasm32-unknown-unknown/release/examples/model_wasm.wasm

#[cfg(target_arch = "wasm32")]
mod exports {
    use lupe::model::generate::{GenerateOptions, generate};
    use lupe::model::{Config, Gpt, LogitRows};
    use lupe::sampling::Sampling;
    use wasm_bindgen::prelude::*;

    /// A model with GPT-2's random initialisation (the same numbers as natively for a seed).
    #[wasm_bindgen]
    pub struct BenchModel(Gpt);

    #[wasm_bindgen]
    impl BenchModel {
        #[wasm_bindgen(constructor)]
        pub fn new(config_json: &str, seed: u64) -> Result<BenchModel, JsError> {
            let config =
                Config::from_json(config_json).map_err(|e| JsError::new(&e.to_string()))?;
            Gpt::random(config, seed)
                .map(BenchModel)
                .map_err(|e| JsError::new(&e.to_string()))
        }

        /// One traced forward pass; returns the number of traced layers.
        pub fn traced_forward(&self, ids: &[u32]) -> Result<usize, JsError> {
            let t = self
                .0
                .forward_traced(ids, LogitRows::Last)
                .map_err(|e| JsError::new(&e.to_string()))?;
            Ok(t.layers.len())
        }

        /// Greedy generation; returns the new tokens.
        pub fn generate(&self, prompt: &[u32], max_new_tokens: usize) -> Result<Vec<u32>, JsError> {
            let options = GenerateOptions {
                max_new_tokens,
                sampling: Sampling::GREEDY,
                seed: 0,
                end_token: None,
            };
            generate(&self.0, prompt, options)
                .map(|g| g.tokens)
                .map_err(|e| JsError::new(&e.to_string()))
        }
    }
}

fn main() {}
