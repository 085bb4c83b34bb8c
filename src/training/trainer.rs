//! The training loop: batch → forward → backward → clip → AdamW, with validation, a loss log,
//! a stop with an explanation when the loss diverges (the weights stay at their last good
//! values), and checkpoints to resume from. Deterministic for a seed.

use serde::{Deserialize, Serialize};

use super::TrainError;
use super::backward::backward;
use super::data::{Batcher, BatcherState};
use super::forward::{Batch, forward};
use super::optimizer::{AdamW, Schedule, clip_grad_norm};
use crate::budget::Bytes;
use crate::model::Gpt;
use crate::model::weights::Weights;

/// How to train.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Settings {
    /// Number of optimiser steps.
    pub steps: usize,
    /// Sequences per batch.
    pub batch_size: usize,
    /// Peak learning rate, reached after `warmup` steps, and the rate at the end.
    pub lr: f32,
    #[serde(default)]
    pub min_lr: f32,
    #[serde(default)]
    pub warmup: usize,
    #[serde(default = "default_weight_decay")]
    pub weight_decay: f32,
    /// Largest global gradient norm (larger gradients are scaled down).
    #[serde(default = "default_grad_clip")]
    pub grad_clip: f32,
    /// Validate every this many steps (and at the end); 0 = only at the end.
    #[serde(default)]
    pub eval_every: usize,
}

impl Settings {
    /// Checks every setting, naming what is wrong and why.
    pub fn validate(&self) -> Result<(), String> {
        let finite = |v: f32| v.is_finite();
        let rules: [(bool, String); 7] = [
            (self.steps >= 1, "steps must be at least 1".into()),
            (
                (1..=MAX_BATCH).contains(&self.batch_size),
                format!(
                    "batch_size must be 1 to {MAX_BATCH}, got {}",
                    self.batch_size
                ),
            ),
            (
                finite(self.lr) && self.lr > 0.0,
                format!(
                    "lr (the learning rate) must be a positive number, got {}",
                    self.lr
                ),
            ),
            (
                finite(self.min_lr) && self.min_lr >= 0.0 && self.min_lr <= self.lr,
                format!(
                    "min_lr must be between 0 and lr ({}), got {}",
                    self.lr, self.min_lr
                ),
            ),
            (
                self.warmup <= self.steps,
                format!(
                    "warmup ({}) cannot be longer than the run ({} steps)",
                    self.warmup, self.steps
                ),
            ),
            (
                finite(self.weight_decay) && (0.0..=1.0).contains(&self.weight_decay),
                format!(
                    "weight_decay must be between 0 and 1 (it shrinks the weights by lr·weight_decay each step), got {}",
                    self.weight_decay
                ),
            ),
            (
                finite(self.grad_clip) && self.grad_clip > 0.0,
                format!(
                    "grad_clip must be a positive number (the largest gradient norm; 0 or less would stop or reverse learning), got {}",
                    self.grad_clip
                ),
            ),
        ];
        match rules.into_iter().find(|(ok, _)| !ok) {
            Some((_, why)) => Err(why),
            None => Ok(()),
        }
    }
}

/// The largest batch a run may use.
pub const MAX_BATCH: usize = 4096;

/// Bytes one training step of `config` with `batch` sequences of `seq` tokens needs: the
/// parameters four times (weights, gradients, AdamW's two moments) and the activations kept for
/// the backward pass, about `batch·seq·(16·d + 2·d_ff + 3·h·seq)` numbers per layer plus the
/// logits and their gradient, `2·batch·seq·V`.
pub fn training_bytes(config: &crate::model::Config, batch: usize, seq: usize) -> Bytes {
    let (d, f, h) = (config.d_model, config.d_ff, config.n_head);
    let per_layer = Bytes::product(&[16, d])
        .plus(Bytes::product(&[2, f]))
        .plus(Bytes::product(&[3, h, seq]));
    let tokens = Bytes::product(&[batch, seq]);
    let activations = Bytes(
        per_layer
            .0
            .zip(tokens.0)
            .and_then(|(l, t)| l.checked_mul(t))
            .and_then(|a| a.checked_mul(config.n_layer as u64)),
    );
    let logits = Bytes::product(&[2, batch, seq, config.vocab_size]);
    config
        .parameters()
        .times(4)
        .plus(activations)
        .plus(logits)
        .times(4)
}

fn default_weight_decay() -> f32 {
    0.1
}

fn default_grad_clip() -> f32 {
    1.0
}

/// One line of the training log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogEntry {
    pub step: usize,
    pub lr: f32,
    pub train_loss: f32,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub val_loss: Option<f32>,
    pub grad_norm: f32,
    pub tokens: u64,
}

/// Everything needed to continue a run exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Checkpoint {
    pub weights: Weights,
    pub optimizer: AdamW,
    pub state: RunState,
}

/// The small part of a checkpoint: where the run stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunState {
    pub step: usize,
    pub tokens: u64,
    pub batcher: BatcherState,
    pub log: Vec<LogEntry>,
}

/// A training run in progress.
pub struct Trainer {
    pub model: Gpt,
    pub settings: Settings,
    batcher: Batcher,
    optimizer: AdamW,
    grads: Weights,
    validation: Vec<Batch>,
    step: usize,
    tokens: u64,
    log: Vec<LogEntry>,
}

impl Trainer {
    pub fn new(model: Gpt, batcher: Batcher, settings: Settings) -> Result<Trainer, TrainError> {
        if batcher.seq_len() > model.config.n_ctx {
            return Err(TrainError::new(format!(
                "the sequence length {} is longer than the model's context of {} tokens",
                batcher.seq_len(),
                model.config.n_ctx
            )));
        }
        settings.validate().map_err(TrainError::new)?;
        let validation = batcher.validation(settings.batch_size);
        let grads = Weights::zeros(&model.config);
        let optimizer = AdamW::new(&model.weights, settings.weight_decay);
        Ok(Trainer {
            model,
            settings,
            batcher,
            optimizer,
            grads,
            validation,
            step: 0,
            tokens: 0,
            log: Vec::new(),
        })
    }

    /// Continues a run from a checkpoint (same data and settings).
    pub fn resume(
        model: Gpt,
        batcher: Batcher,
        settings: Settings,
        checkpoint: Checkpoint,
    ) -> Result<Trainer, TrainError> {
        let mut t = Trainer::new(model, batcher, settings)?;
        checkpoint
            .weights
            .check(&t.model.config)
            .map_err(|e| TrainError::new(e.to_string()))?;
        t.model.weights = checkpoint.weights;
        t.optimizer = checkpoint.optimizer;
        t.batcher.restore(&checkpoint.state.batcher)?;
        t.step = checkpoint.state.step;
        t.tokens = checkpoint.state.tokens;
        t.log = checkpoint.state.log;
        Ok(t)
    }

    pub fn step_count(&self) -> usize {
        self.step
    }

    pub fn done(&self) -> bool {
        self.step >= self.settings.steps
    }

    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    pub fn batcher(&self) -> &Batcher {
        &self.batcher
    }

    /// Changes the data mixture from the next batch on (see [`Batcher::set_weights`]).
    pub fn set_mixture(&mut self, weights: &[f64]) -> Result<(), TrainError> {
        self.batcher.set_weights(weights)
    }

    fn schedule(&self) -> Schedule {
        let s = &self.settings;
        Schedule {
            max_lr: s.lr,
            min_lr: s.min_lr,
            warmup: s.warmup,
            total: s.steps,
        }
    }

    /// One optimiser step. If the loss or the gradients stop being finite, the step is undone
    /// and an error explains it; the weights stay at their last good values.
    pub fn step(&mut self) -> Result<&LogEntry, TrainError> {
        let lr = self.schedule().lr(self.step);
        let batch = self.batcher.next_batch(self.settings.batch_size);
        let (loss, acts) =
            forward(&self.model, &batch).map_err(|e| TrainError::new(e.to_string()))?;
        self.grads
            .params_mut()
            .into_iter()
            .for_each(|g| g.fill(0.0));
        backward(&self.model, &batch, &acts, &mut self.grads);
        drop(acts);
        let norm = clip_grad_norm(&mut self.grads, self.settings.grad_clip);
        if !loss.is_finite() || !norm.is_finite() {
            return Err(self.diverged(lr));
        }
        let before = self.model.weights.clone();
        let optimizer_before = self.optimizer.clone();
        self.optimizer
            .update(&mut self.model.weights, &self.grads, lr);
        if self
            .model
            .weights
            .params()
            .iter()
            .any(|(p, _)| p.iter().any(|v| !v.is_finite()))
        {
            self.model.weights = before;
            self.optimizer = optimizer_before;
            return Err(self.diverged(lr));
        }
        self.step += 1;
        self.tokens += (batch.batch * batch.seq_len) as u64;
        let every = self.settings.eval_every;
        let val_loss = (self.done() || (every > 0 && self.step.is_multiple_of(every)))
            .then(|| self.validate())
            .flatten();
        self.log.push(LogEntry {
            step: self.step,
            lr,
            train_loss: loss,
            val_loss,
            grad_norm: norm,
            tokens: self.tokens,
        });
        Ok(self.log.last().expect("just pushed"))
    }

    fn diverged(&self, lr: f32) -> TrainError {
        TrainError::new(format!(
            "the loss stopped being a number at step {} (learning rate {lr:.2e}); training stopped and \
             the weights were kept at their last good values. Try a learning rate about 10 times smaller.",
            self.step + 1
        ))
    }

    /// Mean loss over the held-out blocks, `None` if there are none.
    pub fn validate(&self) -> Option<f32> {
        let mut total = 0.0f64;
        let mut counted = 0.0f64;
        for batch in &self.validation {
            let (loss, acts) = forward(&self.model, batch).ok()?;
            total += loss as f64 * acts.counted as f64;
            counted += acts.counted as f64;
        }
        (counted > 0.0).then(|| (total / counted) as f32)
    }

    /// Everything needed to continue this run.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            weights: self.model.weights.clone(),
            optimizer: self.optimizer.clone(),
            state: RunState {
                step: self.step,
                tokens: self.tokens,
                batcher: self.batcher.state(),
                log: self.log.clone(),
            },
        }
    }
}
