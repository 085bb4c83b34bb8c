//! Native training-speed benchmark, run by `scripts/bench.sh training`; prints JSON.
//!
//!     cargo run --release --example bench_training -- [STEPS]
//!
//! The built-in model's shape (d_model 128, 4 layers, 4 heads, vocabulary 2048) on batches of
//! 16 × 128 random tokens: forward, backward and AdamW, tokens per second.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use lupe::model::{Config, Gpt, Positions};
    use lupe::rng::Rng;
    use lupe::training::data::{Batcher, Source};
    use lupe::training::trainer::{Settings, Trainer};

    let steps: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(20);
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
        steps: steps + 2,
        batch_size: 16,
        lr: 1e-3,
        min_lr: 1e-4,
        warmup: 2,
        weight_decay: 0.1,
        grad_clip: 1.0,
        eval_every: 0,
    };
    let mut t = Trainer::new(Gpt::random(config, 1).unwrap(), batcher, settings).unwrap();
    t.step().unwrap();
    let start = std::time::Instant::now();
    for _ in 0..steps {
        t.step().unwrap();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({
            "tokens_per_s": (steps * 16 * 128) as f64 / secs,
            "ms_per_step": secs * 1e3 / steps as f64,
            "batch": 16, "seq_len": 128, "threads": rayon::current_num_threads(),
        })
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
