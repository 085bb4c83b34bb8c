//! Training configuration files (JSON) for `lupe train` and `lupe sft`. Unknown keys are an
//! error, so a typo never silently falls back to a default. Paths are relative to the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::trainer::{Settings, training_bytes};
use crate::budget::{Budget, Bytes};
use crate::model::{Config, Positions};
use crate::tokenizer::train::MAX_VOCAB;

/// How to store the final weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Store {
    F32,
    #[default]
    F16,
}

/// Model sizes for a fresh model.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModelSizes {
    pub d_model: usize,
    pub n_layer: usize,
    pub n_head: usize,
    pub d_ff: usize,
    pub n_ctx: usize,
    #[serde(default)]
    pub sinusoidal_positions: bool,
}

/// Where pretraining text comes from.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CorpusConfig {
    /// Use the built-in corpus (sources "sentences", "stories", "web").
    #[serde(default)]
    pub builtin: bool,
    /// More UTF-8 text files, each its own source named after the file.
    #[serde(default)]
    pub files: Vec<PathBuf>,
    /// Mixture weight per source name (missing names get 1).
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
}

/// `lupe train`: a tokenizer and a model from scratch.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PretrainConfig {
    pub out: PathBuf,
    pub seed: u64,
    pub corpus: CorpusConfig,
    pub vocab_size: usize,
    pub model: ModelSizes,
    pub seq_len: usize,
    pub train: Settings,
    /// Share of each source's blocks held out for validation.
    #[serde(default = "default_val")]
    pub validation: f64,
    #[serde(default)]
    pub store: Store,
    /// Save a checkpoint to resume from every this many steps (0 = never).
    #[serde(default)]
    pub checkpoint_every: usize,
}

fn one() -> f64 {
    1.0
}

/// `lupe sft`: fine-tune a model on dialogs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SftConfig {
    pub out: PathBuf,
    /// The model (with its tokenizer) to start from.
    pub init: PathBuf,
    pub seed: u64,
    /// How often each built-in dialog appears (oversampling).
    pub repeats: usize,
    /// Share of pretraining text mixed in to keep the language (the seed text's 10 %).
    #[serde(default)]
    pub pretraining_share: f64,
    /// Retrieval dialogs (context → answer, see [`crate::corpus::rag`]) to add, and their share.
    #[serde(default)]
    pub rag_dialogs: usize,
    #[serde(default)]
    pub rag_share: f64,
    /// Loss weight of a retrieval dialog's context and question tokens (its answer's weigh 1):
    /// the context's values are random, so at 1 they add much noise to the signal of reading.
    #[serde(default = "one")]
    pub rag_context_weight: f64,
    /// Most sentences besides the answering one in a retrieval dialog's context (2 to
    /// [`crate::corpus::rag::MOST_OTHERS`]; 5 by default).
    #[serde(default = "most_others")]
    pub rag_most_others: usize,
    /// Chance that each of those sentences is of the asked fact's kind (0.5 by default).
    #[serde(default = "half")]
    pub rag_same_kind: f64,
    /// Chance that such a sentence is also in the answering sentence's form (0 by default).
    #[serde(default)]
    pub rag_same_form: f64,
    /// Chance that a retrieval question asks by a name or number for the item (0 by default).
    #[serde(default)]
    pub rag_by_value: f64,
    /// Chance that a retrieval context also states the asked item in a twin kind (0 by default).
    #[serde(default)]
    pub rag_twin: f64,
    /// Copy drills (a random run of tokens, then the same run: see [`crate::corpus::copy`]) to
    /// add, and their share.
    #[serde(default)]
    pub copy_drills: usize,
    #[serde(default)]
    pub copy_share: f64,
    /// Most random tokens between a drill's run and its copy.
    #[serde(default = "copy_gap")]
    pub copy_gap: usize,
    /// Whether every second drill is a recall drill (true by default); false gives plain runs
    /// only, with which the copying pattern formed sooner (see [`crate::corpus::copy`]).
    #[serde(default = "yes")]
    pub copy_recall: bool,
    pub seq_len: usize,
    pub train: Settings,
    #[serde(default = "default_val")]
    pub validation: f64,
    #[serde(default)]
    pub store: Store,
    #[serde(default)]
    pub checkpoint_every: usize,
}

fn yes() -> bool {
    true
}

fn most_others() -> usize {
    crate::corpus::rag::Mix::default().most_others
}

fn half() -> f64 {
    crate::corpus::rag::Mix::default().same_kind
}

fn copy_gap() -> usize {
    crate::corpus::copy::GAP_TOKENS
}

fn default_val() -> f64 {
    0.02
}

/// `lupe train-embedder`: an embedding model for retrieval, started from a model folder (see
/// [`crate::embedder`]). `train.batch_size` counts question–passage pairs.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmbedConfig {
    pub out: PathBuf,
    /// The model (with its tokenizer) whose body the embedder starts from, or an embedder
    /// folder (with `projection.safetensors`) to train further.
    pub init: PathBuf,
    pub seed: u64,
    /// Length of the embedding vectors: the projection head's rows, at most the model's width.
    pub dim: usize,
    /// τ of the contrastive loss: smaller sharpens it towards the hardest negatives.
    pub temperature: f32,
    /// Share of pairs that ask in the other language than the passage.
    #[serde(default)]
    pub cross_language: f64,
    /// Batches held out to measure the loss while training.
    #[serde(default = "default_val_batches")]
    pub validation_batches: usize,
    pub train: Settings,
    #[serde(default)]
    pub store: Store,
}

fn default_val_batches() -> usize {
    4
}

impl EmbedConfig {
    /// Checks the settings before anything is loaded.
    pub fn validate(&self) -> Result<(), String> {
        self.train.validate()?;
        if self.train.batch_size < 2 {
            return Err(
                "batch_size must be at least 2: the other pairs of a batch are the negatives"
                    .into(),
            );
        }
        if !(1..=4096).contains(&self.dim) {
            return Err(format!("dim must be 1 to 4096, got {}", self.dim));
        }
        if !(self.temperature.is_finite() && (0.001..=10.0).contains(&self.temperature)) {
            return Err(format!(
                "temperature must be 0.001 to 10, got {}",
                self.temperature
            ));
        }
        share("cross_language", self.cross_language)?;
        if self.validation_batches > 100 {
            return Err(format!(
                "validation_batches must be at most 100, got {}",
                self.validation_batches
            ));
        }
        Ok(())
    }
}

/// The most dialogs' repeats and retrieval dialogs an SFT run may ask for.
pub const MAX_REPEATS: usize = 1000;
pub const MAX_RAG_DIALOGS: usize = 200_000;
/// What one dialog takes in memory as tokens and mask, at most (bytes).
const DIALOG_BYTES: usize = 2048;
/// Built-in dialogs per repeat, at most (see [`crate::corpus::dialogs`]).
const DIALOGS_PER_REPEAT: usize = 400;

impl ModelSizes {
    /// The model's config for a vocabulary of `vocab` tokens.
    pub fn config(&self, vocab: usize) -> Config {
        Config {
            vocab_size: vocab,
            n_ctx: self.n_ctx,
            d_model: self.d_model,
            n_head: self.n_head,
            n_layer: self.n_layer,
            d_ff: self.d_ff,
            layer_norm_eps: 1e-5,
            positions: if self.sinusoidal_positions {
                Positions::Sinusoidal
            } else {
                Positions::Learned
            },
        }
    }
}

/// Shares of a data mixture: finite, from 0 to 1.
fn share(name: &str, v: f64) -> Result<(), String> {
    if v.is_finite() && (0.0..1.0).contains(&v) {
        Ok(())
    } else {
        Err(format!("{name} must be at least 0 and below 1, got {v}"))
    }
}

/// The checks both commands share: the sequence fits the context, the validation share, the
/// training settings, and the memory a step needs.
fn check_run(
    model: &Config,
    seq_len: usize,
    validation: f64,
    train: &Settings,
    extra: Bytes,
    budget: &Budget,
) -> Result<(), String> {
    model.validate().map_err(|e| e.to_string())?;
    if seq_len < 2 {
        return Err(format!("seq_len must be at least 2, got {seq_len}"));
    }
    if seq_len > model.n_ctx {
        return Err(format!(
            "seq_len {seq_len} is longer than the model's context of {} tokens",
            model.n_ctx
        ));
    }
    if !(validation.is_finite() && (0.0..0.5).contains(&validation)) {
        return Err(format!(
            "validation must be at least 0 and below 0.5, got {validation}"
        ));
    }
    train.validate()?;
    budget.check(
        training_bytes(model, train.batch_size, seq_len).plus(extra),
        "training with these settings",
    )
}

impl PretrainConfig {
    /// Checks every setting before any text is generated or any weight allocated.
    pub fn validate(&self, budget: &Budget) -> Result<(), String> {
        if !(260..=MAX_VOCAB).contains(&self.vocab_size) {
            return Err(format!(
                "vocab_size must be 260 to {MAX_VOCAB} (256 bytes, the special tokens and at least a few merges), got {}",
                self.vocab_size
            ));
        }
        for (name, w) in &self.corpus.weights {
            if !(w.is_finite() && *w >= 0.0) {
                return Err(format!(
                    "the weight of source {name:?} must be 0 or more, got {w}"
                ));
            }
        }
        let model = self.model.config(self.vocab_size);
        check_run(
            &model,
            self.seq_len,
            self.validation,
            &self.train,
            Bytes::ZERO,
            budget,
        )
    }
}

impl SftConfig {
    /// How crowded the retrieval dialogs' contexts are.
    pub fn mix(&self) -> crate::corpus::rag::Mix {
        crate::corpus::rag::Mix {
            most_others: self.rag_most_others,
            same_kind: self.rag_same_kind,
            same_form: self.rag_same_form,
            by_value: self.rag_by_value,
            twin: self.rag_twin,
        }
    }

    /// Checks every setting against the model it starts from, before any dialog is made.
    pub fn validate(&self, budget: &Budget, model: &Config) -> Result<(), String> {
        if !(1..=MAX_REPEATS).contains(&self.repeats) {
            return Err(format!(
                "repeats must be 1 to {MAX_REPEATS}, got {}",
                self.repeats
            ));
        }
        if self.rag_dialogs > MAX_RAG_DIALOGS {
            return Err(format!(
                "rag_dialogs must be at most {MAX_RAG_DIALOGS}, got {}",
                self.rag_dialogs
            ));
        }
        if self.copy_drills > MAX_RAG_DIALOGS {
            return Err(format!(
                "copy_drills must be at most {MAX_RAG_DIALOGS}, got {}",
                self.copy_drills
            ));
        }
        if self.copy_drills > 0
            && self.copy_gap + 2 * crate::corpus::copy::RUN_TOKENS.1 > self.seq_len
        {
            return Err(format!(
                "copy_gap must leave room for two runs of {} tokens in seq_len {}, got {}",
                crate::corpus::copy::RUN_TOKENS.1,
                self.seq_len,
                self.copy_gap
            ));
        }
        if !(2..=crate::corpus::rag::MOST_OTHERS).contains(&self.rag_most_others) {
            return Err(format!(
                "rag_most_others must be 2 to {}, got {}",
                crate::corpus::rag::MOST_OTHERS,
                self.rag_most_others
            ));
        }
        for (name, v) in [
            ("rag_same_kind", self.rag_same_kind),
            ("rag_same_form", self.rag_same_form),
            ("rag_by_value", self.rag_by_value),
            ("rag_twin", self.rag_twin),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(format!("{name} must be between 0 and 1, got {v}"));
            }
        }
        share("pretraining_share", self.pretraining_share)?;
        share("rag_share", self.rag_share)?;
        share("copy_share", self.copy_share)?;
        if !(0.0..=1.0).contains(&self.rag_context_weight) {
            return Err(format!(
                "rag_context_weight must be between 0 and 1, got {}",
                self.rag_context_weight
            ));
        }
        share(
            "pretraining_share + rag_share + copy_share",
            self.pretraining_share + self.rag_share + self.copy_share,
        )?;
        let dialogs = Bytes::product(&[self.repeats, DIALOGS_PER_REPEAT])
            .plus(Bytes::of(self.rag_dialogs, 1))
            .plus(Bytes::of(self.copy_drills, 1))
            .times(DIALOG_BYTES);
        check_run(
            model,
            self.seq_len,
            self.validation,
            &self.train,
            dialogs,
            budget,
        )
    }
}

/// Reads a config file; relative paths inside are taken from the file's folder.
pub fn read<T: for<'de> Deserialize<'de>>(
    path: &Path,
    fix_paths: impl FnOnce(&mut T, &Path),
) -> Result<T, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut config: T =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    fix_paths(&mut config, path.parent().unwrap_or(Path::new(".")));
    Ok(config)
}

/// `base/x` for a relative `x`.
pub fn under(base: &Path, p: &Path) -> PathBuf {
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        base.join(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_named() {
        let text = r#"{"out": "x", "seed": 1, "corpus": {"builtin": true}, "vocab_size": 300,
            "model": {"d_model": 8, "n_layer": 1, "n_head": 1, "d_ff": 8, "n_ctx": 8},
            "seq_len": 8, "train": {"steps": 1, "batch_size": 1, "lr": 0.001, "learning_rate": 1}}"#;
        let e = serde_json::from_str::<PretrainConfig>(text)
            .unwrap_err()
            .to_string();
        assert!(e.contains("unknown field `learning_rate`"), "{e}");
        let ok = text.replace(r#", "learning_rate": 1"#, "");
        let c: PretrainConfig = serde_json::from_str(&ok).unwrap();
        assert_eq!(c.store, Store::F16);
        assert_eq!(c.train.weight_decay, 0.1);
    }
}
