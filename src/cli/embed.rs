//! `lupe train-embedder` (the embedding model for retrieval) and `lupe search` (the retrieval
//! chapter's searches on the command line).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::json;

use crate::embedder::data::{Pair, batch};
use crate::embedder::train::{Measured, Trainer};
use crate::embedder::{Embedder, save_dir};
use crate::model::checkpoint::StoreAs;
use crate::model::load_dir;
use crate::rng::Rng;
use crate::tokenizer::{Tokenizer, formats};
use crate::training::config::{EmbedConfig, Store, read, under};
use crate::training::optimizer::Schedule;

/// `x` to 5 significant digits, so that the per-step log stays small.
fn short(x: f32) -> f64 {
    format!("{x:.4e}").parse().unwrap_or(0.0)
}

/// The mean loss and accuracy over held-out batches.
fn validate(
    trainer: &Trainer,
    tokenizer: &Tokenizer,
    held_out: &[Vec<Pair>],
) -> Result<Measured, String> {
    let mut sum = Measured {
        loss: 0.0,
        accuracy: 0.0,
    };
    for b in held_out {
        let m = trainer.measure(tokenizer, b).map_err(|e| e.to_string())?;
        sum.loss += m.loss / held_out.len() as f32;
        sum.accuracy += m.accuracy / held_out.len() as f32;
    }
    Ok(sum)
}

/// Whether `init` holds a trained embedder (its `projection.safetensors`) to train on.
fn continues(config: &EmbedConfig) -> bool {
    config.init.join("projection.safetensors").exists()
}

/// The embedder training starts from: a trained embedder, when `init` holds one (with `dim`
/// rows, see [`continues`]), to train it on; else a fresh head of `dim` rows on the model in
/// `init`.
fn initial_embedder(config: &EmbedConfig) -> Result<Embedder, String> {
    if continues(config) {
        let e = crate::embedder::load_dir(&config.init).map_err(|e| e.to_string())?;
        if e.projection.rows != config.dim {
            return Err(format!(
                "dim {} differs from the {} rows of the embedder in {}",
                config.dim,
                e.projection.rows,
                config.init.display()
            ));
        }
        return Ok(e);
    }
    let gpt = load_dir(&config.init).map_err(|e| e.to_string())?;
    if config.dim > gpt.config.d_model {
        return Err(format!(
            "dim {} is larger than the model's width {}",
            config.dim, gpt.config.d_model
        ));
    }
    Ok(Embedder::from_base(gpt, config.dim))
}

pub fn train_embedder(config_path: &Path) -> Result<(), String> {
    let config: EmbedConfig = read(config_path, |c: &mut EmbedConfig, base| {
        c.out = under(base, &c.out);
        c.init = under(base, &c.init);
    })?;
    config.validate()?;
    let start = Instant::now();
    let tokenizer = formats::load(&config.init).map_err(|e| e.to_string())?;
    let start_from = initial_embedder(&config)?;
    crate::session::check_tokenizer(&tokenizer, &start_from.gpt.config)?;
    let s = &config.train;
    let mut trainer = Trainer::new(start_from, config.temperature, s.weight_decay);
    let mut val_rng = Rng::new(config.seed ^ 0x5A1D);
    let held_out: Vec<Vec<Pair>> = (0..config.validation_batches)
        .map(|_| batch(&mut val_rng, s.batch_size, config.cross_language))
        .collect();
    let schedule = Schedule {
        max_lr: s.lr,
        min_lr: s.min_lr,
        warmup: s.warmup,
        total: s.steps,
    };
    let mut rng = Rng::new(config.seed);
    let mut steps = Vec::with_capacity(s.steps);
    let mut last_val = None;
    for step in 0..s.steps {
        let pairs = batch(&mut rng, s.batch_size, config.cross_language);
        let lr = schedule.lr(step);
        let m = trainer
            .step(&tokenizer, &pairs, lr, s.grad_clip)
            .map_err(|e| e.to_string())?;
        let mut row = json!({"step": step + 1, "loss": short(m.loss), "accuracy": short(m.accuracy), "lr": short(lr)});
        let last = step + 1 == s.steps;
        if !held_out.is_empty() && (last || (s.eval_every > 0 && (step + 1) % s.eval_every == 0)) {
            let v = validate(&trainer, &tokenizer, &held_out)?;
            row["val_loss"] = json!(short(v.loss));
            row["val_accuracy"] = json!(short(v.accuracy));
            last_val = Some(v);
            eprintln!(
                "[embed] step {}/{}  loss {:.3}  val {:.3}  in-batch accuracy {:.0} %  {:.0} s",
                step + 1,
                s.steps,
                m.loss,
                v.loss,
                v.accuracy * 100.0,
                start.elapsed().as_secs_f32()
            );
        }
        steps.push(row);
    }
    let continued = continues(&config);
    let init = config
        .init
        .file_name()
        .map(|n| n.to_string_lossy().into_owned());
    let log = json!({
        "kind": "embedder",
        "init": init,
        "continued": continued,
        "seed": config.seed,
        "dim": config.dim,
        "temperature": config.temperature,
        "cross_language": config.cross_language,
        "pooling": "mean of the final LayerNorm's output over the text's tokens",
        "data": "question–passage pairs from the knowledge base's kinds with random values (src/embedder/data.rs)",
        "settings": s,
        "final_val_loss": last_val.map(|v| v.loss),
        "final_val_accuracy": last_val.map(|v| v.accuracy),
        "seconds": start.elapsed().as_secs_f64().round(),
                "steps": steps,
    });
    write_outputs(&config, &trainer.embedder, &tokenizer, &log)?;
    println!(
        "{}",
        json!({"out": config.out, "steps": s.steps, "final_val_loss": log["final_val_loss"], "seconds": log["seconds"]})
    );
    Ok(())
}

/// Writes the embedder, its tokenizer and the training log into the config's `out`.
fn write_outputs(
    config: &EmbedConfig,
    e: &Embedder,
    tokenizer: &Tokenizer,
    log: &serde_json::Value,
) -> Result<(), String> {
    let store = match config.store {
        Store::F32 => StoreAs::F32,
        Store::F16 => StoreAs::F16,
    };
    save_dir(e, &config.out, store).map_err(|e| e.to_string())?;
    let write = |name: &str, text: String| {
        std::fs::write(config.out.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("tokenizer.json", formats::to_tokenizer_json(tokenizer))?;
    write("training_log.json", log.to_string())
}

/// The folder's embedder and tokenizer.
fn load_embedder(dir: &Path) -> Result<(Embedder, Tokenizer), String> {
    let e = crate::embedder::load_dir(dir).map_err(|e| e.to_string())?;
    let t = formats::load(dir).map_err(|e| e.to_string())?;
    crate::session::check_tokenizer(&t, &e.gpt.config)?;
    Ok((e, t))
}

/// `lupe search`: the chapter's search on the command line. Prints the `k` best chunks as JSON
/// `[{"chunk", "score", "source"}]`; the score is the cosine (vector), BM25 or RRF (hybrid).
pub fn search(args: &SearchArgs) -> Result<(), String> {
    let (embedder, tokenizer) = load_embedder(&args.embedder)?;
    let mut docs: Vec<(String, String)> = Vec::new();
    if args.builtin {
        for lang in crate::i18n::Lang::ALL {
            docs.extend(crate::corpus::knowledge::documents(lang));
        }
    }
    for f in &args.knowledge {
        docs.push((f.display().to_string(), read_text(f)?));
    }
    if docs.is_empty() {
        return Err("the knowledge base is empty: give --knowledge FILE or --builtin".into());
    }
    if args.query.trim().is_empty() {
        return Err("the query is empty".into());
    }
    let method = crate::rag::search::Method::from_code(&args.method).ok_or_else(|| {
        format!(
            "unknown method {:?}: use vector, bm25 or hybrid",
            args.method
        )
    })?;
    let chunks: Vec<_> = docs
        .iter()
        .flat_map(|(name, text)| {
            crate::rag::chunk::chunk(name, text, args.chunk_words, args.overlap_words)
        })
        .collect();
    if chunks.is_empty() {
        return Err("the knowledge base holds no words".into());
    }
    let index = crate::rag::search::Index::build(&embedder, &tokenizer, chunks);
    let (q, cut) = embedder
        .embed(&tokenizer, &args.query)
        .map_or((None, false), |(v, c)| (Some(v), c));
    if cut {
        eprintln!(
            "lupe: the query is longer than the search model's {} tokens; vector search uses its first ones",
            embedder.gpt.config.n_ctx
        );
    }
    let hits = index.search(
        &args.query,
        q.as_deref(),
        args.k.max(1),
        crate::rag::hybrid::RRF_K,
    );
    let out: Vec<_> = hits
        .of(method)
        .iter()
        .map(|&(i, s)| json!({"chunk": index.chunks[i].text, "score": s, "source": index.chunks[i].source}))
        .collect();
    println!("{}", serde_json::Value::Array(out));
    Ok(())
}

/// A knowledge file: UTF-8 text without NUL bytes, at most [`MAX_KNOWLEDGE_BYTES`].
fn read_text(path: &Path) -> Result<String, String> {
    let size = std::fs::metadata(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        .len();
    if size > MAX_KNOWLEDGE_BYTES {
        return Err(format!(
            "{} has {size} bytes; a knowledge file may have at most {MAX_KNOWLEDGE_BYTES}",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!(
            "{} is not UTF-8 text (invalid byte at offset {})",
            path.display(),
            e.utf8_error().valid_up_to()
        )
    })?;
    if text.contains('\0') {
        return Err(format!(
            "{} holds NUL bytes: it is not a text file",
            path.display()
        ));
    }
    Ok(text)
}

/// Knowledge files above this size are refused (the page cuts own texts at 200 KB).
const MAX_KNOWLEDGE_BYTES: u64 = 20_000_000;

/// The arguments of `lupe search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// The embedding model's folder, e.g. www/models/embed.
    #[arg(long, value_name = "DIR")]
    pub embedder: PathBuf,
    /// A plain UTF-8 text file to search (repeatable).
    #[arg(long, value_name = "FILE")]
    pub knowledge: Vec<PathBuf>,
    /// Add the bundled knowledge base (school handbook and town guide, both languages).
    #[arg(long)]
    pub builtin: bool,
    #[arg(long, value_name = "TEXT")]
    pub query: String,
    /// How many chunks to list.
    #[arg(short, default_value_t = 3)]
    pub k: usize,
    /// vector, bm25 or hybrid.
    #[arg(long, default_value = "hybrid")]
    pub method: String,
    /// Chunks of whole sentences with at most this many words.
    #[arg(long, default_value_t = crate::rag::CHUNK_WORDS)]
    pub chunk_words: usize,
    /// Words of whole sentences each chunk repeats from the previous one.
    #[arg(long, default_value_t = crate::rag::OVERLAP_WORDS)]
    pub overlap_words: usize,
}
