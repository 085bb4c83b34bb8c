//! Training: the gradient of the loss by a hand-written backward pass, AdamW, and the loop that
//! feeds batches, records the loss and saves checkpoints.
//!
//! | file | what |
//! |---|---|
//! | [`data`] | token streams → fixed-length blocks, shuffling, data mixture, validation split |
//! | [`forward`] | a batch through the model, keeping activations; the masked cross-entropy |
//! | [`backward`] | the gradients, step by step in reverse |
//! | [`optimizer`] | AdamW, learning-rate schedule, gradient clipping |
//! | [`pipeline`] | documents → tokenizer → token sources → batcher, for `lupe train` and the lab |
//! | [`trainer`] | the loop: steps, validation, divergence, checkpoints |
//! | [`config`] | the JSON files of `lupe train` and `lupe sft` |
//! | `files` | checkpoints on disk (native) |

pub mod backward;
pub mod config;
pub mod data;
#[cfg(not(target_arch = "wasm32"))]
pub mod files;
pub mod forward;
pub mod optimizer;
pub mod pipeline;
pub mod trainer;

use std::fmt;

/// A problem with training data or settings, or a run that diverged, described for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrainError {
    pub message: String,
}

impl TrainError {
    pub fn new(message: impl Into<String>) -> TrainError {
        TrainError {
            message: message.into(),
        }
    }
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TrainError {}
