//! Native tokenizer benchmark, run by `scripts/bench.sh tokenizer`; prints JSON.
//!
//!     cargo run --release --example bench_tokenizer -- GPT2_DIR MIXED_1MB MIXED_10MB SYNTHETIC_1MB
//!
//! Figures: GPT-2 encoding throughput on ~1 MB of mixed text (median of 7 runs), 10 MB of it,
//! one 1 MB "word" (a run of one letter), 1 MB of synthetic prose with ~79k distinct words, and
//! training on that prose to a 4,096-token vocabulary.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use std::time::Instant;

    use lupe::tokenizer::formats;
    use lupe::tokenizer::train::{Mode, train};

    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, mixed, mixed10, synthetic] = &args[..] else {
        eprintln!("usage: bench_tokenizer GPT2_DIR MIXED_1MB MIXED_10MB SYNTHETIC_1MB");
        std::process::exit(2);
    };
    let t0 = Instant::now();
    let tok = formats::load(std::path::Path::new(dir)).expect("GPT-2 files");
    let load_ms = t0.elapsed().as_secs_f64() * 1e3;
    let text = std::fs::read_to_string(mixed).expect("mixed text");
    let text10 = std::fs::read_to_string(mixed10).expect("mixed text, 10 MB");
    let prose = std::fs::read_to_string(synthetic).expect("synthetic text");
    let mb = text.len() as f64 / 1e6;

    let mut secs: Vec<f64> = (0..7)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(tok.encode(&text));
            t.elapsed().as_secs_f64()
        })
        .collect();
    secs.sort_by(f64::total_cmp);
    let tokens = tok.encode(&text).len();

    let t = Instant::now();
    std::hint::black_box(tok.encode(&text10));
    let ten_mb_s = t.elapsed().as_secs_f64();

    let word = "a".repeat(1 << 20);
    let t = Instant::now();
    std::hint::black_box(tok.encode(&word));
    let word_s = t.elapsed().as_secs_f64();

    let t = Instant::now();
    std::hint::black_box(tok.encode(&prose));
    let prose_mb_per_s = prose.len() as f64 / 1e6 / t.elapsed().as_secs_f64();

    let t = Instant::now();
    let (trained, _) = train(Mode::ByteLevel, &[&prose], 4096, &["<|endoftext|>"]).expect("trains");
    let train_s = t.elapsed().as_secs_f64();

    println!(
        "{}",
        serde_json::json!({
            "bytes": text.len(),
            "tokens": tokens,
            "load_ms": load_ms,
            "encode_mb_per_s": mb / secs[secs.len() / 2],
            "encode_10mb_s": ten_mb_s,
            "encode_10mb_mb_per_s": text10.len() as f64 / 1e6 / ten_mb_s,
            "one_mb_word_s": word_s,
            "synthetic_mb_per_s": prose_mb_per_s,
            "train_1mb_4096_s": train_s,
            "trained_vocab": trained.vocab_size(),
        })
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
