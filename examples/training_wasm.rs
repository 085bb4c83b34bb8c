//! The trainer compiled to wasm for the Node benchmark (`scripts/bench.sh training`):
//!
//!     cargo build --release --target wasm32-unknown-unknown --example training_wasm
//!     wasm-bindgen --target nodejs --out-dir target/bench/wasm \
//!         target/wasm32-unknown-unknown/release/examples/training_wasm.wasm

#[cfg(target_arch = "wasm32")]
mod exports {
    use lupe::model::{Config, Gpt, Positions};
    use lupe::rng::Rng;
    use lupe::training::data::{Batcher, Source};
    use lupe::training::trainer::{Settings, Trainer};
    use wasm_bindgen::prelude::*;

    /// The built-in model's shape on random tokens, batches of 16 × 128 (as the native bench).
    #[wasm_bindgen]
    pub struct BenchTrainer(Trainer);

    #[wasm_bindgen]
    impl BenchTrainer {
        #[wasm_bindgen(constructor)]
        pub fn new() -> BenchTrainer {
            let config = Config {
                vocab_size: 2048,
                n_ctx: 256,
                d_model: 128,
                n_head: 4,
                n_layer: 4,
                d_ff: 512,
                layer_norm_eps: 1e-5,
                positions: Positions::Learned,
            };
            let mut rng = Rng::new(1);
            let tokens: Vec<u32> = (0..200_000).map(|_| rng.below(2048) as u32).collect();
            let source = Source {
                name: "random".into(),
                mask: vec![1.0; tokens.len()],
                tokens,
                weight: 1.0,
            };
            let batcher = Batcher::new(vec![source], 128, 0.0, 1).unwrap();
            let settings = Settings {
                steps: 1000,
                batch_size: 16,
                lr: 1e-3,
                min_lr: 1e-4,
                warmup: 2,
                weight_decay: 0.1,
                grad_clip: 1.0,
                eval_every: 0,
            };
            BenchTrainer(Trainer::new(Gpt::random(config, 1).unwrap(), batcher, settings).unwrap())
        }

        /// One optimiser step; returns the training loss.
        pub fn step(&mut self) -> f32 {
            self.0.step().unwrap().train_loss
        }
    }
}

fn main() {}
