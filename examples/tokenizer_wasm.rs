//! The tokenizer compiled to wasm for the Node benchmark (`scripts/bench.sh tokenizer`), which
//! runs it beside js-tiktoken in the same JS engine:
//!
//!     cargo build --release --target wasm32-unknown-unknown --example tokenizer_wasm
//!     wasm-bindgen --target nodejs --out-dir target/bench/wasm \
//!         target/wasm32-unknown-unknown/release/examples/tokenizer_wasm.wasm

#[cfg(target_arch = "wasm32")]
mod exports {
    use wasm_bindgen::prelude::*;

    /// GPT-2's tokenizer, loaded from vocab.json and merges.txt.
    #[wasm_bindgen]
    pub struct BenchTokenizer(lupe::tokenizer::Tokenizer);

    #[wasm_bindgen]
    impl BenchTokenizer {
        #[wasm_bindgen(constructor)]
        pub fn new(vocab_json: &str, merges_txt: &str) -> Result<BenchTokenizer, JsError> {
            lupe::tokenizer::formats::from_gpt2_files(vocab_json, merges_txt)
                .map(BenchTokenizer)
                .map_err(|e| JsError::new(&e.to_string()))
        }

        /// Encodes `text` and returns the ids.
        pub fn encode(&self, text: &str) -> Vec<u32> {
            self.0.encode(text)
        }
    }
}

fn main() {}
