//! The autoregressive loop: predict the next token, choose one, append it, repeat — until the
//! end token, the limit of new tokens, or the end of the context window.

use std::ops::Deref;

use serde::Serialize;

use super::ModelError;
use super::gpt::{Gpt, KvCache, LogitRows};
use crate::sampling::{SampleReport, Sampling, rng_for, sample};

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

/// The choosing half of generation, shared by the CPU and GPU models: draws each token from
/// the model's logits with the seeded sampler and decides when to stop. Whoever runs the model
/// feeds it the logits and processes the token it returns.
#[derive(Debug, Clone)]
pub struct Decoder {
    options: GenerateOptions,
    generated: Vec<u32>,
    stopped: Option<StopReason>,
}

impl Decoder {
    /// A decoder for these settings (checked here).
    pub fn new(options: GenerateOptions) -> Result<Decoder, ModelError> {
        options.sampling.validate().map_err(ModelError::new)?;
        Ok(Decoder {
            stopped: (options.max_new_tokens == 0).then_some(StopReason::MaxNewTokens),
            options,
            generated: Vec::new(),
        })
    }

    /// Draws the next token from `logits` `[V]`. Returns the draw, and the token the model must
    /// process before the next draw — `None` when this draw ended the run (end token, limit,
    /// or `cached` tokens filling the context of `n_ctx`). `Ok(None)` once stopped.
    pub fn choose(
        &mut self,
        logits: &[f32],
        cached: usize,
        n_ctx: usize,
    ) -> Result<Option<(SampleReport, Option<u32>)>, ModelError> {
        if self.stopped.is_some() {
            return Ok(None);
        }
        super::gpt::check_finite(logits)?;
        // Each draw has its own random numbers, from the seed and the text's length so far, so
        // the sampling chapter's single draw equals this loop's draw at the same place.
        let mut rng = rng_for(self.options.seed, cached);
        let report = sample(logits, &self.options.sampling, &mut rng).map_err(ModelError::new)?;
        let token = report.token;
        self.generated.push(token);
        if Some(token) == self.options.end_token {
            self.stopped = Some(StopReason::EndToken);
        } else if self.generated.len() >= self.options.max_new_tokens {
            self.stopped = Some(StopReason::MaxNewTokens);
        } else if cached >= n_ctx {
            self.stopped = Some(StopReason::ContextFull);
        }
        let feed = self.stopped.is_none().then_some(token);
        Ok(Some((report, feed)))
    }

    /// The tokens drawn so far.
    pub fn generated(&self) -> &[u32] {
        &self.generated
    }

    /// Why the run stopped, once it has.
    pub fn stopped(&self) -> Option<StopReason> {
        self.stopped
    }
}

/// A generation run that advances one token at a time (for the step-by-step view). `M` is any
/// handle to the model: `&Gpt`, or an `Rc<Gpt>` for a run that outlives a borrow.
pub struct Generator<M: Deref<Target = Gpt>> {
    model: M,
    cache: KvCache,
    decoder: Decoder,
    next_logits: Vec<f32>,
}

impl<M: Deref<Target = Gpt>> Generator<M> {
    /// Runs the prompt through the model (filling the KV cache) and waits for the first draw.
    pub fn new(
        model: M,
        prompt: &[u32],
        options: GenerateOptions,
    ) -> Result<Generator<M>, ModelError> {
        let decoder = Decoder::new(options)?;
        let mut cache = model.cache();
        let logits = model.step(&mut cache, prompt, LogitRows::Last, None)?;
        Ok(Generator {
            model,
            cache,
            decoder,
            next_logits: logits.data,
        })
    }

    /// Draws one token and, unless the run stops, feeds it to the model. `None` once stopped.
    pub fn next_token(&mut self) -> Result<Option<SampleReport>, ModelError> {
        let n_ctx = self.model.config.n_ctx;
        let Some((report, feed)) =
            self.decoder
                .choose(&self.next_logits, self.cache.len(), n_ctx)?
        else {
            return Ok(None);
        };
        if let Some(token) = feed {
            let logits = self
                .model
                .step(&mut self.cache, &[token], LogitRows::Last, None)?;
            self.next_logits = logits.data;
        }
        Ok(Some(report))
    }

    pub fn generated(&self) -> &[u32] {
        self.decoder.generated()
    }

    /// Why it stopped, once it has.
    pub fn stopped(&self) -> Option<StopReason> {
        self.decoder.stopped()
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
        stop: g.stopped().unwrap_or(StopReason::MaxNewTokens),
        tokens: g.decoder.generated,
    })
}
