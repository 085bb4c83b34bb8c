//! Fuzzing the loaders: valid files (a small model's `model.safetensors`, `config.json`,
//! `tokenizer.json`, `vocab.json` + `merges.txt`, and training configs) mutated at random. The
//! properties: a loader returns `Ok` or an error, never panics, and never makes an allocation
//! larger than a bound computed from its input (a counting allocator in this test binary
//! measures the largest one).
//!
//! - `fuzz_*` (proptest, in the test command): a few hundred cases each, seconds in all.
//! - `long_fuzz` (ignored; `scripts/fuzz.sh [SECONDS]`): the same mutators for as long as asked;
//!   every failing input is written to `tests/fuzz/found/`, where
//! - `found_inputs_stay_fixed` replays them as regression tests.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use lupe::budget::Budget;
use lupe::model::checkpoint::{StoreAs, save_safetensors};
use lupe::model::{Config, Gpt, Positions};
use lupe::rng::Rng;
use lupe::session::{Loaded, TokenizerFiles};
use lupe::tokenizer::formats;
use lupe::training::config::{EmbedConfig, PretrainConfig, SftConfig};
use proptest::prelude::*;

/// The system allocator, recording the largest single allocation since the last reset.
struct Counting;

static LARGEST: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LARGEST.fetch_max(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LARGEST.fetch_max(new_size, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The allocation measurements of concurrent tests would mix: one case at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// The valid inputs: a small model's files and three training configs.
struct Seeds {
    config: String,
    weights: Vec<u8>,
    tokenizer: String,
    vocab: String,
    merges: String,
    pretrain: String,
    sft: String,
    embed: String,
}

fn seeds() -> Seeds {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models/base");
    let tokenizer_text = std::fs::read_to_string(dir.join("tokenizer.json")).unwrap();
    let tokenizer = formats::from_tokenizer_json(&tokenizer_text).unwrap();
    let (vocab, merges) = formats::to_gpt2_files(&tokenizer).unwrap();
    // A small model over the built-in vocabulary: seconds of fuzzing go into many cases.
    let config = Config {
        vocab_size: tokenizer.vocab_size(),
        n_ctx: 16,
        d_model: 8,
        n_head: 2,
        n_layer: 2,
        d_ff: 16,
        layer_norm_eps: 1e-5,
        positions: Positions::Learned,
    };
    let gpt = Gpt::random(config.clone(), 1).unwrap();
    let weights = save_safetensors(&config, &gpt.weights, StoreAs::F16).unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    Seeds {
        config: config.to_json(),
        weights,
        tokenizer: tokenizer_text,
        vocab,
        merges,
        pretrain: std::fs::read_to_string(root.join("training/base.json")).unwrap(),
        sft: std::fs::read_to_string(root.join("training/chat.json")).unwrap(),
        embed: std::fs::read_to_string(root.join("training/embed.json")).unwrap(),
    }
}

/// Numbers a hostile file might hold.
const EXTREMES: [&str; 10] = [
    "0",
    "-1",
    "1",
    "4294967296",
    "18446744073709551615",
    "99999999999999999999999",
    "1e308",
    "-1e308",
    "NaN",
    "1000000000",
];

/// Applies `edits` random edits: byte flips, cuts, insertions, deletions, duplicated slices,
/// numbers replaced by extreme ones, and JSON values replaced by another type.
fn mutate(base: &[u8], rng: &mut Rng, edits: usize) -> Vec<u8> {
    let mut v = base.to_vec();
    for _ in 0..edits {
        let n = v.len().max(1);
        let at = rng.below(n);
        match rng.below(7) {
            0 if !v.is_empty() => v[at] ^= 1 << rng.below(8),
            1 => v.truncate(at),
            2 => {
                let junk: Vec<u8> = (0..1 + rng.below(8))
                    .map(|_| rng.below(256) as u8)
                    .collect();
                v.splice(at..at, junk);
            }
            3 => {
                let end = (at + 1 + rng.below(64)).min(v.len());
                v.drain(at.min(end)..end);
            }
            4 => {
                let end = (at + 1 + rng.below(256)).min(v.len());
                let copy = v[at.min(end)..end].to_vec();
                let to = rng.below(v.len() + 1);
                v.splice(to..to, copy);
            }
            5 => {
                // The next run of digits becomes an extreme number.
                if let Some(s) = (at..v.len()).find(|&i| v[i].is_ascii_digit()) {
                    let e = (s..v.len())
                        .find(|&i| !v[i].is_ascii_digit())
                        .unwrap_or(v.len());
                    let x = EXTREMES[rng.below(EXTREMES.len())].as_bytes().to_vec();
                    v.splice(s..e, x);
                }
            }
            _ => {
                // The value after the next ':' becomes another type.
                if let Some(s) = (at..v.len()).find(|&i| v[i] == b':') {
                    let e = (s + 1..v.len())
                        .find(|&i| matches!(v[i], b',' | b'}' | b']'))
                        .unwrap_or(v.len());
                    let x: &[u8] =
                        [&b"\"x\""[..], b"[]", b"null", b"{}", b"true", b"[1,2]"][rng.below(6)];
                    v.splice(s + 1..e, x.iter().copied());
                }
            }
        }
    }
    v
}

/// `model.safetensors` with its JSON header mutated (and the length prefix fixed or not), or
/// with its bytes mutated.
fn mutate_safetensors(base: &[u8], rng: &mut Rng, edits: usize) -> Vec<u8> {
    if rng.below(4) == 0 {
        return mutate(base, rng, edits);
    }
    let n = u64::from_le_bytes(base[..8].try_into().unwrap()) as usize;
    let header = mutate(&base[8..8 + n], rng, edits);
    let len = if rng.below(8) == 0 {
        rng.next_u64() >> rng.below(64)
    } else {
        header.len() as u64
    };
    let mut out = len.to_le_bytes().to_vec();
    out.extend(header);
    out.extend(&base[8 + n..]);
    out
}

/// The loaders under test, by the input mutated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    Weights,
    ModelConfig,
    TokenizerJson,
    Gpt2Files,
    TrainingConfig,
}

impl Target {
    const ALL: [Target; 5] = [
        Target::Weights,
        Target::ModelConfig,
        Target::TokenizerJson,
        Target::Gpt2Files,
        Target::TrainingConfig,
    ];

    fn name(self) -> &'static str {
        match self {
            Target::Weights => "weights",
            Target::ModelConfig => "config",
            Target::TokenizerJson => "tokenizer",
            Target::Gpt2Files => "gpt2-files",
            Target::TrainingConfig => "training",
        }
    }

    /// A mutated input for this target.
    fn input(self, s: &Seeds, rng: &mut Rng, edits: usize) -> Vec<u8> {
        match self {
            Target::Weights => mutate_safetensors(&s.weights, rng, edits),
            Target::ModelConfig => mutate(s.config.as_bytes(), rng, edits),
            Target::TokenizerJson => mutate(s.tokenizer.as_bytes(), rng, edits),
            Target::Gpt2Files => {
                // vocab.json, a NUL, merges.txt: one of the two mutated.
                let (v, m) = if rng.below(2) == 0 {
                    (
                        mutate(s.vocab.as_bytes(), rng, edits),
                        s.merges.as_bytes().to_vec(),
                    )
                } else {
                    (
                        s.vocab.as_bytes().to_vec(),
                        mutate(s.merges.as_bytes(), rng, edits),
                    )
                };
                [v, vec![0], m].concat()
            }
            Target::TrainingConfig => {
                let base = [&s.pretrain, &s.sft, &s.embed][rng.below(3)];
                mutate(base.as_bytes(), rng, edits)
            }
        }
    }

    /// Runs the loader on `input` (the other files valid); whether it accepted the input.
    fn load(self, s: &Seeds, input: &[u8]) -> bool {
        let text = String::from_utf8_lossy(input);
        let json = TokenizerFiles::Json(&s.tokenizer);
        let result = match self {
            Target::Weights => Loaded::from_parts(&s.config, input, json, None).map(|_| ()),
            Target::ModelConfig => Loaded::from_parts(&text, &s.weights, json, None).map(|_| ()),
            Target::TokenizerJson => {
                Loaded::from_parts(&s.config, &s.weights, TokenizerFiles::Json(&text), None)
                    .map(|_| ())
            }
            Target::Gpt2Files => {
                let split = input.iter().position(|&b| b == 0).unwrap_or(input.len());
                let vocab = String::from_utf8_lossy(&input[..split]);
                let merges = String::from_utf8_lossy(input.get(split + 1..).unwrap_or_default());
                let files = TokenizerFiles::Gpt2 {
                    vocab: &vocab,
                    merges: &merges,
                };
                Loaded::from_parts(&s.config, &s.weights, files, None).map(|_| ())
            }
            Target::TrainingConfig => training_config(&text),
        };
        result.is_ok()
    }
}

/// A training config read and checked (what `lupe train`, `lupe train-embedder` and `lupe sft`
/// do before any work).
fn training_config(text: &str) -> Result<(), String> {
    let budget = Budget::test(1 << 31);
    if let Ok(c) = serde_json::from_str::<PretrainConfig>(text) {
        return c.validate(&budget);
    }
    if let Ok(c) = serde_json::from_str::<EmbedConfig>(text) {
        return c.validate();
    }
    let c = serde_json::from_str::<SftConfig>(text).map_err(|e| e.to_string())?;
    let model = Config::from_json(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models/chat/config.json"),
        )
        .unwrap(),
    )
    .unwrap();
    c.validate(&budget, &model)
}

/// The largest single allocation a loader may make for an input of `len` bytes: the f32
/// weights of a file (twice its size for F16, four times for BF16 and growth), the tokenizer's
/// tables, and a floor for fixed structures.
fn bound(len: usize) -> usize {
    (64 * len).max(16 << 20)
}

/// Runs one case: whether the input was accepted, or `Err` with a description if the loader
/// panicked or allocated too much.
fn case(t: Target, s: &Seeds, input: &[u8]) -> Result<bool, String> {
    let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    LARGEST.store(0, Ordering::Relaxed);
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| t.load(s, input)));
    let largest = LARGEST.load(Ordering::Relaxed);
    let limit = bound(input.len().max(s.weights.len()));
    match outcome {
        Err(p) => Err(format!(
            "{}: panicked: {}",
            t.name(),
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
        Ok(_) if largest > limit => Err(format!(
            "{}: allocated {largest} bytes at once, more than {limit}",
            t.name()
        )),
        Ok(accepted) => Ok(accepted),
    }
}

fn found_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/found")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn fuzz_loaders(target in 0..Target::ALL.len(), seed in any::<u64>(), edits in 1..6usize) {
        let s = seeds_once();
        let t = Target::ALL[target];
        let input = t.input(s, &mut Rng::new(seed), edits);
        if let Err(e) = case(t, s, &input) {
            prop_assert!(false, "{e} (seed {seed}, {edits} edits)");
        }
    }
}

fn seeds_once() -> &'static Seeds {
    static SEEDS: std::sync::OnceLock<Seeds> = std::sync::OnceLock::new();
    SEEDS.get_or_init(seeds)
}

/// Every input a long run found, replayed: each was a failure once and must stay fixed.
#[test]
fn found_inputs_stay_fixed() {
    let s = seeds_once();
    let Ok(entries) = std::fs::read_dir(found_dir()) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let Some(t) = Target::ALL
            .into_iter()
            .find(|t| name.starts_with(&format!("{}-", t.name())))
        else {
            continue;
        };
        let input = std::fs::read(e.path()).unwrap();
        if let Err(why) = case(t, s, &input) {
            panic!("{name}: {why}");
        }
    }
}

/// The long run: `FUZZ_SECONDS` seconds (default 60) of random cases over every target. The
/// input of each case is first written to `target/fuzz-current-<target>.bin`, so that a case
/// that kills the process (an allocation the system refuses) is kept too (`scripts/fuzz.sh`
/// moves it into `tests/fuzz/found/`).
#[test]
#[ignore]
fn long_fuzz() {
    let seconds: u64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60);
    let s = seeds_once();
    let start = std::time::Instant::now();
    let mut rng = Rng::new(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64,
    );
    let current = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/fuzz-current.bin");
    let (mut cases, mut failures, mut accepted) = (0u64, 0u64, 0u64);
    while start.elapsed().as_secs() < seconds {
        let t = Target::ALL[rng.below(Target::ALL.len())];
        let edits = 1 + rng.below(6);
        let input = t.input(s, &mut rng, edits);
        let _ = std::fs::write(&current, [t.name().as_bytes(), b"\n", &input].concat());
        cases += 1;
        let outcome = case(t, s, &input);
        accepted += u64::from(outcome == Ok(true));
        if let Err(why) = outcome {
            failures += 1;
            std::fs::create_dir_all(found_dir()).unwrap();
            let file = found_dir().join(format!("{}-{:016x}.bin", t.name(), rng.next_u64()));
            std::fs::write(&file, &input).unwrap();
            eprintln!("[fuzz] {why} → {}", file.display());
        }
    }
    let _ = std::fs::remove_file(&current);
    println!(
        "[fuzz] {cases} cases in {} s: {accepted} accepted, {} refused with a message, {failures} failures",
        start.elapsed().as_secs(),
        cases - accepted - failures
    );
    assert_eq!(failures, 0, "see tests/fuzz/found/");
}
