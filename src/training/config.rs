//! Training configuration files (JSON) for `lupe train` and `lupe sft`. Unknown keys are an
//! error, so a typo never silently falls back to a default. Paths are relative to the file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::trainer::Settings;

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
    pub seq_len: usize,
    pub train: Settings,
    #[serde(default = "default_val")]
    pub validation: f64,
    #[serde(default)]
    pub store: Store,
    #[serde(default)]
    pub checkpoint_every: usize,
}

fn default_val() -> f64 {
    0.02
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
