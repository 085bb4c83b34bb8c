//! The CPU reference model: a GPT-2-style transformer in plain Rust, one file per operation,
//! each function's doc comment giving its formula and tensor shapes. It is the truth that the
//! WGSL kernels in `shaders/` and the trainer are tested against, and it is tested against
//! Hugging Face transformers' `GPT2LMHeadModel` (fixtures in `tests/model/`).
//!
//! | file | what |
//! |---|---|
//! | [`config`] | sizes, `config.json` |
//! | [`matrix`] | the matrix type, dense layers (`x·Wᵀ + b`); its fast paths in `matrix::fast` |
//! | [`embedding`] | token embeddings, learned and sinusoidal positions, `X = E + P` |
//! | [`layernorm`] | LayerNorm |
//! | [`attention`] | causal multi-head self-attention |
//! | [`softmax`] | softmax (attention weights, next-token probabilities) |
//! | [`ffn`] | feed-forward network with GELU |
//! | [`residual`] | the residual connection |
//! | [`block`] | one pre-LN transformer block, for inference, the trace and training; a layer's values (`LayerValues`) |
//! | [`weights`] | the parameter table (name, shape, layout, part, decay), initialisation |
//! | [`checkpoint`] | `model.safetensors` reading and writing |
//! | [`gpt`] | the forward pass with a KV cache |
//! | [`trace`] | every intermediate value of a pass |
//! | [`generate`] | the autoregressive loop |
//! | [`anatomy`] | the parts and their parameter counts; published sizes to compare |

pub mod anatomy;
pub mod attention;
pub mod block;
pub mod checkpoint;
pub mod config;
pub mod embedding;
pub mod ffn;
pub mod generate;
pub mod gpt;
pub mod layernorm;
pub mod matrix;
pub mod residual;
pub mod softmax;
pub mod trace;
pub mod weights;

use std::fmt;

pub use config::{Config, Positions};
pub use gpt::{Gpt, KvCache, LogitRows, Pass};
pub use matrix::Matrix;
pub use trace::Trace;

/// A problem with a model file, its sizes or its input, described for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError {
    pub message: String,
}

impl ModelError {
    pub fn new(message: impl Into<String>) -> ModelError {
        ModelError {
            message: message.into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ModelError {}

/// Loads `config.json` and `model.safetensors` from a folder.
#[cfg(not(target_arch = "wasm32"))]
pub fn load_dir(dir: &std::path::Path) -> Result<Gpt, ModelError> {
    let read = |name: &str| {
        let p = dir.join(name);
        std::fs::read(&p).map_err(|e| ModelError::new(format!("cannot read {}: {e}", p.display())))
    };
    let config_text = String::from_utf8(read("config.json")?)
        .map_err(|_| ModelError::new("config.json is not UTF-8 text"))?;
    let config = Config::from_json(&config_text)?;
    config.check_budget(&crate::budget::Budget::machine())?;
    let weights = checkpoint::load_safetensors(&config, &read("model.safetensors")?)?;
    Ok(Gpt { config, weights })
}

/// Writes `config.json` and `model.safetensors` into a folder (created if needed).
#[cfg(not(target_arch = "wasm32"))]
pub fn save_dir(
    gpt: &Gpt,
    dir: &std::path::Path,
    store: checkpoint::StoreAs,
) -> Result<(), ModelError> {
    let io = |e: std::io::Error| ModelError::new(format!("cannot write to {}: {e}", dir.display()));
    std::fs::create_dir_all(dir).map_err(io)?;
    std::fs::write(dir.join("config.json"), gpt.config.to_json()).map_err(io)?;
    let bytes = checkpoint::save_safetensors(&gpt.config, &gpt.weights, store)?;
    std::fs::write(dir.join("model.safetensors"), bytes).map_err(io)
}
