//! The autoregressive loop: predict the next token, choose one, append it, repeat — until the
//! end token, the limit of new tokens, or the end of the context window.

use std::ops::Deref;

use serde::Serialize;

use super::ModelError;
use super::gpt::{Gpt, KvCache, LogitRows};
use crate::rng::Rng;
use crate::sampling::{SampleReport, Sampling, sample};

/// Why generation stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StopReason {
    /// The model chose the end token (it is included in the output).
    EndToken,
    /// `max_new_tokens` were generated.
    MaxNewTokens,
    /// The context window is full: the model cannot read another token. Lupe stops here rather
    /// than sliding the window, so every prediction sees the whole text.
    ContextFull,
}

/// Settings of a generation run.
#[derive(Debug, Clone, PartialEq)]
pub struct GenerateOptions {
    pub max_new_tokens: usize,
    pub sampling: Sampling,
    pub seed: u64,
    /// The end token (e.g. `<|endoftext|>`), if the model has one.
    pub end_token: Option<u32>,
}

/// A generation run that advances one token at a time (for the step-by-step view). `M` is any
/// handle to the model: `&Gpt`, or an `Rc<Gpt>` for a run that outlives a borrow.
pub struct Generator<M: Deref<Target = Gpt>> {
    model: M,
    cache: KvCache,
    rng: Rng,
    options: GenerateOptions,
    /// Logits for the next position `[V]`.
    next_logits: Vec<f32>,
    generated: Vec<u32>,
    stopped: Option<StopReason>,
}

impl<M: Deref<Target = Gpt>> Generator<M> {
    /// Reads the prompt (at least one token, shorter than the context).
    pub fn new(
        model: M,
        prompt: &[u32],
        options: GenerateOptions,
    ) -> Result<Generator<M>, ModelError> {
        options.sampling.validate().map_err(ModelError::new)?;
        let mut cache = model.cache();
        let logits = model.step(&mut cache, prompt, LogitRows::Last, None)?;
        Ok(Generator {
            model,
            cache,
            rng: Rng::new(options.seed),
            stopped: (options.max_new_tokens == 0).then_some(StopReason::MaxNewTokens),
            options,
            next_logits: logits.data,
            generated: Vec::new(),
        })
    }

    /// Chooses the next token and feeds it back; `None` once stopped.
    pub fn next_token(&mut self) -> Result<Option<SampleReport>, ModelError> {
        if self.stopped.is_some() {
            return Ok(None);
        }
        let report = sample(&self.next_logits, &self.options.sampling, &mut self.rng)
            .map_err(ModelError::new)?;
        let token = report.token;
        self.generated.push(token);
        if Some(token) == self.options.end_token {
            self.stopped = Some(StopReason::EndToken);
        } else if self.generated.len() >= self.options.max_new_tokens {
            self.stopped = Some(StopReason::MaxNewTokens);
        } else if self.cache.len() >= self.model.config.n_ctx {
            self.stopped = Some(StopReason::ContextFull);
        } else {
            let logits = self
                .model
                .step(&mut self.cache, &[token], LogitRows::Last, None)?;
            self.next_logits = logits.data;
        }
        Ok(Some(report))
    }

    /// The tokens generated so far.
    pub fn generated(&self) -> &[u32] {
        &self.generated
    }

    /// Why it stopped, once it has.
    pub fn stopped(&self) -> Option<StopReason> {
        self.stopped
    }

    /// Logits for the next position `[V]`.
    pub fn next_logits(&self) -> &[f32] {
        &self.next_logits
    }
}

/// A finished generation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Generation {
    pub tokens: Vec<u32>,
    pub stop: StopReason,
}

/// Generates after `prompt` until a stop condition.
pub fn generate(
    model: &Gpt,
    prompt: &[u32],
    options: GenerateOptions,
) -> Result<Generation, ModelError> {
    let mut g = Generator::new(model, prompt, options)?;
    while g.next_token()?.is_some() {}
    Ok(Generation {
        tokens: g.generated,
        stop: g.stopped.unwrap_or(StopReason::MaxNewTokens),
    })
}
