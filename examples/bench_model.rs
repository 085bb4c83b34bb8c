//! Native model benchmark, run by `scripts/bench.sh model`; prints JSON.
//!
//!     cargo run --release --example bench_model -- OUT_DIR
//!
//! For two shapes — the built-in size (d_model 128, 4 layers, 4 heads, vocabulary 2048) and
//! GPT-2 124M (d_model 768, 12 layers, 12 heads, vocabulary 50257) — with GPT-2's random
//! initialisation (seed 1): greedy decoding speed (8-token prompt, 64 new tokens, KV cache) and
//! the time of one traced forward pass over 64 tokens. The weights are written to OUT_DIR/<name>
//! so the peer (transformers) runs on the very same numbers.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;

    use lupe::model::checkpoint::StoreAs;
    use lupe::model::generate::{GenerateOptions, generate};
    use lupe::model::{Config, Gpt, LogitRows, Positions, save_dir};
    use lupe::sampling::Sampling;

    let out =
        std::path::PathBuf::from(std::env::args().nth(1).expect("usage: bench_model OUT_DIR"));
    let shapes = [
        (
            "builtin",
            Config {
                vocab_size: 2048,
                n_ctx: 128,
                d_model: 128,
                n_head: 4,
                n_layer: 4,
                d_ff: 512,
                layer_norm_eps: 1e-5,
                positions: Positions::Learned,
            },
        ),
        (
            "gpt2-124m",
            Config {
                vocab_size: 50257,
                n_ctx: 1024,
                d_model: 768,
                n_head: 12,
                n_layer: 12,
                d_ff: 3072,
                layer_norm_eps: 1e-5,
                positions: Positions::Learned,
            },
        ),
    ];
    let mut results = serde_json::Map::new();
    for (name, config) in shapes {
        let model = Gpt::random(config, 1).expect("valid config");
        save_dir(&model, &out.join(name), StoreAs::F32).expect("weights written");
        let prompt: Vec<u32> = (0..8).map(|i| i * 7 + 1).collect();
        let options = GenerateOptions {
            max_new_tokens: 64,
            sampling: Sampling::GREEDY,
            seed: 0,
            end_token: None,
        };
        // Warm up once, then take the better of three runs.
        generate(
            &model,
            &prompt,
            GenerateOptions {
                max_new_tokens: 4,
                ..options.clone()
            },
        )
        .unwrap();
        let mut best = f64::MAX;
        let mut tokens = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            tokens = generate(&model, &prompt, options.clone()).unwrap().tokens;
            best = best.min(t.elapsed().as_secs_f64());
        }
        let ids: Vec<u32> = (0..64).map(|i| (i * 31 + 5) % 2048).collect();
        let mut traced = f64::MAX;
        for _ in 0..5 {
            let t = Instant::now();
            std::hint::black_box(model.forward_traced(&ids, LogitRows::Last).unwrap());
            traced = traced.min(t.elapsed().as_secs_f64());
        }
        results.insert(
            name.to_string(),
            serde_json::json!({
                "tokens_per_s": 64.0 / best,
                "traced_forward_64_ms": traced * 1e3,
                "greedy_tokens": tokens,
                "threads": rayon::current_num_threads(),
            }),
        );
    }
    println!("{}", serde_json::Value::Object(results));
}

#[cfg(target_arch = "wasm32")]
fn main() {}
