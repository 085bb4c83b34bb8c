//! `lupe train` (tokenizer and model from scratch) and `lupe sft` (fine-tuning on dialogs).

use std::path::{Path, PathBuf};
use std::time::Instant;

use serde_json::json;

use crate::budget::Budget;
use crate::chat;
use crate::corpus::{self, Sizes, dialogs};
use crate::model::checkpoint::StoreAs;
use crate::model::{Gpt, load_dir, save_dir};
use crate::tokenizer::{Tokenizer, formats};
use crate::training::config::{PretrainConfig, SftConfig, Store, read, under};
use crate::training::data::{Batcher, Source, append_whole};
use crate::training::files::{load_checkpoint, save_checkpoint};
use crate::training::pipeline::{PretrainData, encode_source, pretraining_data};
use crate::training::trainer::{Settings, Trainer};

/// Named sources, each a list of documents.
type Documents = Vec<(String, Vec<String>)>;

/// Documents of each pretraining source, by name, and the web cleaning report.
fn pretraining_documents(
    config: &PretrainConfig,
) -> Result<(Documents, Option<corpus::web::Report>), String> {
    let mut sources = Vec::new();
    let mut report = None;
    if config.corpus.builtin {
        let c = corpus::generate(config.seed, Sizes::BUILTIN);
        report = Some(c.cleaning.clone());
        sources.extend(c.sources().map(|(name, docs)| (name.to_string(), docs)));
    }
    for f in &config.corpus.files {
        let bytes = std::fs::read(f).map_err(|e| format!("cannot read {}: {e}", f.display()))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            format!(
                "{} is not valid UTF-8 (invalid byte at offset {})",
                f.display(),
                e.utf8_error().valid_up_to()
            )
        })?;
        let name = f
            .file_stem()
            .map_or("file".into(), |s| s.to_string_lossy().into_owned());
        sources.push((name, vec![text]));
    }
    if sources.is_empty() {
        return Err("the corpus is empty: set \"builtin\": true or list \"files\"".into());
    }
    Ok((sources, report))
}

pub fn pretrain(config_path: &Path, resume: bool) -> Result<(), String> {
    let config: PretrainConfig = read(config_path, |c: &mut PretrainConfig, base| {
        c.out = under(base, &c.out);
        c.corpus.files.iter_mut().for_each(|f| *f = under(base, f));
    })?;
    config.validate(&Budget::machine())?;
    let start = Instant::now();
    let (documents, cleaning) = pretraining_documents(&config)?;
    eprintln!("[train] tokenizer: learning {} tokens …", config.vocab_size);
    let PretrainData {
        tokenizer,
        merges,
        batcher,
        ..
    } = pretraining_data(
        &documents,
        config.vocab_size,
        |name| config.corpus.weights.get(name).copied().unwrap_or(1.0),
        config.seq_len,
        config.validation,
        config.seed,
    )?;
    let model_config = config.model.config(tokenizer.vocab_size());
    let model = Gpt::random(model_config, config.seed).map_err(|e| e.to_string())?;
    let data_info: Vec<_> = batcher
        .sources()
        .iter()
        .map(|s| json!({"name": s.name, "tokens": s.tokens.len(), "weight": s.weight}))
        .collect();
    let meta = json!({
        "kind": "pretraining",
        "seed": config.seed,
        "sources": data_info,
        "cleaning": cleaning,
        "tokenizer": {"vocab_size": tokenizer.vocab_size(), "merges": merges.len()},
        "seq_len": config.seq_len,
        "settings": config.train,
    });
    run(Run {
        model,
        batcher,
        settings: config.train.clone(),
        out: config.out,
        tokenizer: &tokenizer,
        store: config.store,
        checkpoint_every: config.checkpoint_every,
        resume,
        meta,
        start,
    })
}

/// The retrieval dialogs ([`corpus::rag::training_dialogs`]) as a training source. Each dialog
/// lies whole in one training sequence, so that no answer loses its context. The answer's tokens
/// weigh 1 in the loss, the context's and the question's `rag_context_weight`: the context's
/// values are random, so predicting them teaches that a value can be read but not recalled,
/// and at full weight that noise drowns the answer's signal.
fn retrieval_source(config: &SftConfig, tokenizer: &Tokenizer) -> Source {
    let mut tokens = Vec::new();
    let mut mask = Vec::new();
    let pad = tokenizer.special_id(chat::END).unwrap_or(0);
    for d in corpus::rag::training_dialogs(config.seed, config.rag_dialogs, config.mix()) {
        let (ids, roles) = chat::encode(tokenizer, &d);
        let m: Vec<f32> = roles
            .iter()
            .map(|r| match r {
                Some(chat::Role::Assistant) => 1.0,
                Some(_) => config.rag_context_weight as f32,
                None => 0.0,
            })
            .collect();
        append_whole(&mut tokens, &mut mask, (&ids, &m), config.seq_len, pad);
    }
    Source {
        name: "retrieval".into(),
        tokens,
        mask,
        weight: config.rag_share,
    }
}

/// The copy drills ([`corpus::copy`]) as a training source, over every token of the tokenizer
/// that is not a special one; each drill lies whole in one training sequence.
fn copy_source(config: &SftConfig, tokenizer: &Tokenizer) -> Source {
    let ids: Vec<u32> = (0..tokenizer.vocab_size() as u32)
        .filter(|&id| !tokenizer.is_special(id))
        .collect();
    let (mut tokens, mut mask) = (Vec::new(), Vec::new());
    let pad = tokenizer.special_id(chat::END).unwrap_or(0);
    for (t, m) in corpus::copy::drills(
        config.seed,
        config.copy_drills,
        &ids,
        config.copy_gap,
        config.copy_recall,
    ) {
        append_whole(&mut tokens, &mut mask, (&t, &m), config.seq_len, pad);
    }
    Source {
        name: "copy drills".into(),
        tokens,
        mask,
        weight: config.copy_share,
    }
}

pub fn sft(config_path: &Path, resume: bool) -> Result<(), String> {
    let config: SftConfig = read(config_path, |c: &mut SftConfig, base| {
        c.out = under(base, &c.out);
        c.init = under(base, &c.init);
    })?;
    let start = Instant::now();
    let model = load_dir(&config.init).map_err(|e| format!("{}: {e}", config.init.display()))?;
    let tokenizer = formats::load(&config.init).map_err(|e| e.to_string())?;
    crate::session::check_tokenizer(&tokenizer, &model.config)
        .map_err(|e| format!("{}: {e}", config.init.display()))?;
    config.validate(&Budget::machine(), &model.config)?;
    for s in chat::SPECIALS {
        if tokenizer.special_id(s).is_none() {
            return Err(format!(
                "the tokenizer in {} lacks the role marker {s}",
                config.init.display()
            ));
        }
    }
    let mut tokens = Vec::new();
    let mut mask = Vec::new();
    let dialogs = dialogs::dialogs(config.seed, config.repeats);
    for d in &dialogs {
        let (ids, roles) = chat::encode(&tokenizer, d);
        tokens.extend(ids);
        mask.extend(chat::loss_mask(&roles));
    }
    let counted = mask.iter().filter(|&&m| m > 0.0).count();
    let mut sources = vec![Source {
        name: "dialogs".into(),
        tokens,
        mask,
        weight: 1.0 - config.pretraining_share - config.rag_share - config.copy_share,
    }];
    if config.rag_dialogs > 0 {
        sources.push(retrieval_source(&config, &tokenizer));
    }
    if config.copy_drills > 0 {
        sources.push(copy_source(&config, &tokenizer));
    }
    if config.pretraining_share > 0.0 {
        let c = corpus::generate(
            config.seed,
            Sizes {
                paragraphs: 2000,
                stories: 500,
                web_pages: 0,
            },
        );
        let docs: Vec<String> = c.sentences.into_iter().chain(c.stories).collect();
        sources.push(encode_source(
            &tokenizer,
            "pretraining",
            &docs,
            config.pretraining_share,
        ));
    }
    let data_info: Vec<_> = sources
        .iter()
        .map(|s| json!({"name": s.name, "tokens": s.tokens.len(), "weight": s.weight}))
        .collect();
    let batcher = Batcher::new(sources, config.seq_len, config.validation, config.seed)
        .map_err(|e| e.to_string())?;
    let meta = json!({
        "kind": "sft",
        "init": config.init.display().to_string(),
        "seed": config.seed,
        "dialogs": dialogs.len(),
        "counted_tokens": counted,
        "loss_roles": chat::Role::ALL
            .into_iter()
            .filter(|r| r.counts_in_loss())
            .collect::<Vec<_>>(),
        "sources": data_info,
        "retrieval_loss_roles": ["system", "user", "assistant"],
        "rag_context_weight": config.rag_context_weight,
        "rag_most_others": config.rag_most_others,
        "rag_same_kind": config.rag_same_kind,
        "rag_same_form": config.rag_same_form,
        "rag_by_value": config.rag_by_value,
        "rag_twin": config.rag_twin,
        "retrieval_dialogs_whole": true,
        "earlier_runs": earlier_runs(&config.init),
        "seq_len": config.seq_len,
        "settings": config.train,
    });
    run(Run {
        model,
        batcher,
        settings: config.train.clone(),
        out: config.out,
        tokenizer: &tokenizer,
        store: config.store,
        checkpoint_every: config.checkpoint_every,
        resume,
        meta,
        start,
    })
}

/// The SFT runs that made the model in `init`, oldest first, read from its training log: a run
/// that continues another (`rag_more.json` on `rag.json`'s output) keeps the record of each
/// (start, seed, settings, time, final validation loss). Empty when `init` holds no SFT log,
/// or one that does not parse or is over 16 MiB.
fn earlier_runs(init: &Path) -> Vec<serde_json::Value> {
    let path = init.join("training_log.json");
    let small = std::fs::metadata(&path).is_ok_and(|m| m.len() <= 16 << 20);
    let log: Option<serde_json::Value> = small
        .then(|| std::fs::read_to_string(&path).ok())
        .flatten()
        .and_then(|t| serde_json::from_str(&t).ok());
    let Some(log) = log.filter(|l| l["kind"] == "sft") else {
        return Vec::new();
    };
    let mut runs = log["earlier_runs"].as_array().cloned().unwrap_or_default();
    runs.push(json!({
        "init": log["init"],
        "seed": log["seed"],
        "settings": log["settings"],
        "rag_context_weight": log["rag_context_weight"],
        "rag_most_others": log["rag_most_others"],
        "rag_same_kind": log["rag_same_kind"],
        "rag_same_form": log["rag_same_form"],
        "rag_by_value": log["rag_by_value"],
        "rag_twin": log["rag_twin"],
        "seconds": log["seconds"],
        "final_val_loss": log["final_val_loss"],
    }));
    runs
}

struct Run<'a> {
    model: Gpt,
    batcher: Batcher,
    settings: Settings,
    out: PathBuf,
    tokenizer: &'a Tokenizer,
    store: Store,
    checkpoint_every: usize,
    resume: bool,
    meta: serde_json::Value,
    start: Instant,
}

/// The loop shared by both commands: progress on standard error, checkpoints, the final model.
fn run(r: Run<'_>) -> Result<(), String> {
    let checkpoint_dir = r.out.join("checkpoint");
    let config = r.model.config.clone();
    let mut trainer = if r.resume && checkpoint_dir.join("state.json").is_file() {
        let (_, cp) =
            load_checkpoint(&checkpoint_dir, r.settings.weight_decay).map_err(|e| e.to_string())?;
        eprintln!("[train] resuming at step {}", cp.state.step);
        Trainer::resume(r.model, r.batcher, r.settings.clone(), cp).map_err(|e| e.to_string())?
    } else {
        Trainer::new(r.model, r.batcher, r.settings.clone()).map_err(|e| e.to_string())?
    };
    eprintln!(
        "[train] {} parameters, {} steps of {} × {} tokens",
        trainer.model.weights.parameter_count(),
        r.settings.steps,
        r.settings.batch_size,
        trainer.batcher().seq_len()
    );
    let loop_start = Instant::now();
    let first_step = trainer.step_count();
    let mut last_print = Instant::now();
    while !trainer.done() {
        let entry = trainer.step().map_err(|e| {
            let saved = checkpoint_dir.join("state.json").is_file();
            format!(
                "{e} {}",
                if saved {
                    format!(
                        "The last good checkpoint is in {}; `--resume` continues from it.",
                        checkpoint_dir.display()
                    )
                } else {
                    "No checkpoint had been saved yet.".to_string()
                }
            )
        })?;
        let (step, loss, val, lr) = (entry.step, entry.train_loss, entry.val_loss, entry.lr);
        if last_print.elapsed().as_secs_f64() > 10.0 || val.is_some() || trainer.done() {
            let done = (step - first_step) as f64;
            let per_step = loop_start.elapsed().as_secs_f64() / done.max(1.0);
            let tokens_s = (r.settings.batch_size * trainer.batcher().seq_len()) as f64 / per_step;
            let eta = per_step * (r.settings.steps - step) as f64 / 60.0;
            let val = val.map_or(String::new(), |v| format!("  val {v:.3}"));
            eprintln!(
                "[train] step {step}/{}  loss {loss:.3}{val}  lr {lr:.1e}  {:.1}k tokens/s  {eta:.1} min left",
                r.settings.steps,
                tokens_s / 1000.0
            );
            last_print = Instant::now();
        }
        if r.checkpoint_every > 0 && step % r.checkpoint_every == 0 {
            save_checkpoint(&checkpoint_dir, &config, &trainer.checkpoint())
                .map_err(|e| e.to_string())?;
        }
    }
    let store = match r.store {
        Store::F32 => StoreAs::F32,
        Store::F16 => StoreAs::F16,
    };
    save_dir(&trainer.model, &r.out, store).map_err(|e| e.to_string())?;
    let write = |name: &str, text: String| {
        std::fs::write(r.out.join(name), text).map_err(|e| format!("cannot write {name}: {e}"))
    };
    write("tokenizer.json", formats::to_tokenizer_json(r.tokenizer))?;
    let final_val = trainer.log().last().and_then(|e| e.val_loss);
    let seconds = r.start.elapsed().as_secs_f64();
    let mut log = r.meta;
    log["parameters"] = json!(trainer.model.weights.parameter_count());
    log["seconds"] = json!(seconds.round());
    log["final_val_loss"] = json!(final_val);
    log["log"] = json!(trainer.log());
    write(
        "training_log.json",
        serde_json::to_string(&log).map_err(|e| e.to_string())?,
    )?;
    if checkpoint_dir.is_dir() {
        let _ = std::fs::remove_dir_all(&checkpoint_dir);
    }
    super::print_json(&json!({
        "out": r.out.display().to_string(),
        "steps": trainer.step_count(),
        "final_train_loss": trainer.log().last().map(|e| e.train_loss),
        "final_val_loss": final_val,
        "seconds": seconds.round(),
    }))
}
