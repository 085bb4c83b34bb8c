//! Native peer of the training-lab benchmark (`scripts/bench.sh lab`): the lab's default
//! pretraining run (built-in corpus, 2 layers, d 64, batch 8 × 48) for 300 steps; prints
//! `{"tokens_per_s": …}`. Run with RAYON_NUM_THREADS=1 to match the single-threaded worker.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use lupe::lab::pretrain::{PretrainSettings, prepare};
    let (mut run, _) = prepare(&PretrainSettings::default()).expect("the default run prepares");
    let steps = 300;
    let start = std::time::Instant::now();
    for _ in 0..steps {
        run.trainer.step().expect("the default run trains");
    }
    let seconds = start.elapsed().as_secs_f64();
    let tokens = (steps * 8 * 48) as f64;
    println!(
        "{}",
        serde_json::json!({ "tokens_per_s": tokens / seconds, "threads": rayon::current_num_threads() })
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
