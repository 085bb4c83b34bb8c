//! The training lab: the seed text's three training phases, run for real in the page (in a Web
//! Worker, `src/bin/lupe-lab.rs`) with the trainer of [`crate::training`].
//!
//! | file | what |
//! |---|---|
//! | [`pretrain`] | text → cleaning → tokenizer → blocks → a tiny GPT from random weights |
//! | [`sft`] | dialogs with the loss mask; the answer before and after |
//! | [`reward`] | the reward model: a scalar head, Bradley–Terry on preferences |
//! | [`rlhf`] | the policy against the reward model with a KL penalty (REINFORCE) |
//! | `messages` | the commands the page sends and the events it receives |
//! | `feedback` | the RLHF phase of [`Lab`]: sampling, ranking, reward and policy steps |
//!
//! The page sends [`Command`]s and receives [`Event`]s (as JSON through `postMessage`); [`Lab`]
//! is the state machine behind them, the same natively (tests) and in the worker.

mod feedback;
mod messages;
pub mod pretrain;
pub mod reward;
pub mod rlhf;
pub mod sft;

pub use messages::{AnswerView, Command, Event, Phase, Progress};

use crate::model::Gpt;
use crate::tokenizer::Tokenizer;
use pretrain::Pretrain;
use reward::{Comparison, RewardModel};
use rlhf::{Policy, PolicySettings};
use sft::{BaseModel, Sft, SftSettings};

/// Most reward-model steps and policy steps one click runs.
const MAX_REWARD_STEPS: usize = 200;
const MAX_POLICY_STEPS: usize = 100;
/// Largest weight of the KL penalty a student can set.
const MAX_BETA: f32 = 10.0;
/// A policy step: four sampled answers of at most 24 tokens at temperature 1 (the spread the
/// reward model compares), a small learning rate so that the policy drifts visibly but slowly.
const POLICY: PolicySettings = PolicySettings {
    samples: 4,
    max_tokens: 24,
    temperature: 1.0,
    beta: 0.0,
    lr: 1e-4,
};
/// Pretraining shows continuations of its prompts at step 1 and every this many steps, this
/// many tokens long.
const SAMPLE_EVERY: usize = 100;
const SAMPLE_TOKENS: usize = 32;

enum Job {
    Pretrain,
    Sft,
    Reward {
        left: usize,
    },
    Policy {
        left: usize,
        settings: PolicySettings,
    },
}

/// The state behind the commands.
#[derive(Default)]
pub struct Lab {
    base: Option<(Gpt, Tokenizer)>,
    chat: Option<(Gpt, Tokenizer)>,
    pretrain: Option<Pretrain>,
    paused: bool,
    sft: Option<Sft>,
    /// The model RLHF starts from (the fine-tuned one once SFT ran) and its tokenizer.
    policy: Option<(Policy, Tokenizer)>,
    reward: Option<RewardModel>,
    question: Vec<u32>,
    answers: Vec<Vec<u32>>,
    best: Option<usize>,
    comparisons: Vec<Comparison>,
    job: Option<Job>,
    reward_steps: usize,
    policy_steps: usize,
}

fn stopped(phase: Phase, message: String, lr: f32) -> Event {
    Event::Stopped {
        phase,
        message,
        suggested_lr: Some(lr / 10.0),
    }
}

impl Lab {
    /// A lab with the built-in base and chat models.
    pub fn new(base: (Gpt, Tokenizer), chat: (Gpt, Tokenizer)) -> Lab {
        Lab {
            base: Some(base),
            chat: Some(chat),
            ..Lab::default()
        }
    }

    /// Whether [`Lab::work`] has something to do.
    pub fn busy(&self) -> bool {
        match self.job {
            Some(Job::Pretrain) => !self.paused,
            Some(_) => true,
            None => false,
        }
    }

    /// Carries out a command; long work continues in [`Lab::work`].
    pub fn handle(&mut self, command: Command) -> Vec<Event> {
        match command {
            Command::Pretrain(s) => match pretrain::prepare(&s) {
                Ok((run, prepared)) => {
                    self.pretrain = Some(run);
                    self.paused = false;
                    self.job = Some(Job::Pretrain);
                    vec![Event::Prepared(prepared)]
                }
                Err(e) => vec![Event::Error(e)],
            },
            Command::Pause => {
                self.paused = true;
                vec![Event::Paused]
            }
            Command::Resume => {
                if self.pretrain.is_none() {
                    return vec![Event::Error("there is no run to resume".into())];
                }
                self.paused = false;
                self.job = Some(Job::Pretrain);
                vec![Event::Resumed]
            }
            Command::Reset => {
                self.pretrain = None;
                if matches!(self.job, Some(Job::Pretrain)) {
                    self.job = None;
                }
                vec![Event::ResetDone]
            }
            Command::SetLr(lr) => match self.pretrain.as_mut() {
                Some(p) if lr > 0.0 && lr.is_finite() => {
                    p.trainer.settings.lr = lr;
                    p.trainer.settings.min_lr = lr;
                    vec![]
                }
                _ => vec![Event::Error(
                    "the learning rate must be a positive number".into(),
                )],
            },
            Command::SetMixture(w) => match self.pretrain.as_mut() {
                Some(p) => match p.trainer.set_mixture(&w) {
                    Ok(()) => vec![],
                    Err(e) => vec![Event::Error(e.message)],
                },
                None => vec![],
            },
            Command::Sft(s) => self.start_sft(&s),
            Command::Sample {
                question,
                n,
                temperature,
                top_p,
            } => self.sample(&question, n, temperature, top_p),
            Command::Rank(order) => self.rank(&order),
            Command::TrainReward { steps } => {
                if self.comparisons.is_empty() {
                    return vec![Event::Error(
                        "rank some answers first: the reward model learns from your comparisons"
                            .into(),
                    )];
                }
                if self.reward.is_none() {
                    let Some((p, _)) = &self.policy else {
                        return vec![Event::Error("sample answers first".into())];
                    };
                    self.reward = Some(RewardModel::from(&p.reference));
                    self.reward_steps = 0;
                }
                self.job = Some(Job::Reward {
                    left: steps.clamp(1, MAX_REWARD_STEPS),
                });
                vec![]
            }
            Command::Policy { steps, beta } => {
                if self.reward.is_none() {
                    return vec![Event::Error("train the reward model first".into())];
                }
                let settings = PolicySettings {
                    beta: beta.clamp(0.0, MAX_BETA),
                    ..POLICY
                };
                self.job = Some(Job::Policy {
                    left: steps.clamp(1, MAX_POLICY_STEPS),
                    settings,
                });
                vec![]
            }
        }
    }

    fn start_sft(&mut self, s: &SftSettings) -> Vec<Event> {
        let (model, tokenizer) = match s.base {
            BaseModel::Builtin => match &self.base {
                Some((m, t)) => (m.clone(), t.clone()),
                None => return vec![Event::Error("the built-in base model is not loaded".into())],
            },
            BaseModel::Pretrained => match &self.pretrain {
                Some(p) => (p.trainer.model.clone(), p.tokenizer.clone()),
                None => {
                    return vec![Event::Error(
                        "pretrain a model first (tab Pretraining)".into(),
                    )];
                }
            },
        };
        match sft::prepare(model, tokenizer, s) {
            Ok((run, prepared)) => {
                self.sft = Some(run);
                self.job = Some(Job::Sft);
                vec![Event::SftPrepared(prepared)]
            }
            Err(e) => vec![Event::Error(e)],
        }
    }

    /// Runs the current job while `keep_going()` says so (the worker gives it ~100 ms), and
    /// reports.
    pub fn work(&mut self, keep_going: &dyn Fn() -> bool, seconds: &dyn Fn() -> f64) -> Vec<Event> {
        match self.job {
            Some(Job::Pretrain) if !self.paused => self.work_pretrain(keep_going, seconds),
            Some(Job::Sft) => self.work_sft(keep_going, seconds),
            Some(Job::Reward { left }) => self.work_reward(left),
            Some(Job::Policy { left, settings }) => self.work_policy(left, settings),
            _ => vec![],
        }
    }

    fn work_pretrain(
        &mut self,
        keep_going: &dyn Fn() -> bool,
        seconds: &dyn Fn() -> f64,
    ) -> Vec<Event> {
        let Some(run) = self.pretrain.as_mut() else {
            self.job = None;
            return vec![];
        };
        let t0 = seconds();
        let mut entries = Vec::new();
        let mut tokens = 0u64;
        let mut samples = None;
        loop {
            match run.trainer.step() {
                Ok(e) => {
                    let e = e.clone();
                    tokens +=
                        (run.trainer.settings.batch_size * run.trainer.batcher().seq_len()) as u64;
                    if e.step == 1 || e.step.is_multiple_of(SAMPLE_EVERY) {
                        samples = Some((e.step, run.samples(SAMPLE_TOKENS)));
                    }
                    entries.push(e);
                }
                Err(err) => {
                    self.paused = true;
                    let lr = run.trainer.settings.lr;
                    let mut out = vec![];
                    if !entries.is_empty() {
                        out.push(Event::Progress(Progress {
                            phase: Phase::Pretrain,
                            entries,
                            tokens_per_s: 0.0,
                            token_losses: run.token_losses(),
                            samples,
                        }));
                    }
                    out.push(stopped(Phase::Pretrain, err.message, lr));
                    return out;
                }
            }
            if !keep_going() || samples.is_some() {
                break;
            }
        }
        let dt = (seconds() - t0).max(1e-6);
        vec![Event::Progress(Progress {
            phase: Phase::Pretrain,
            entries,
            tokens_per_s: (tokens as f64 / dt) as f32,
            token_losses: run.token_losses(),
            samples,
        })]
    }

    fn work_sft(&mut self, keep_going: &dyn Fn() -> bool, seconds: &dyn Fn() -> f64) -> Vec<Event> {
        let Some(run) = self.sft.as_mut() else {
            self.job = None;
            return vec![];
        };
        let t0 = seconds();
        let mut entries = Vec::new();
        let mut tokens = 0u64;
        while !run.trainer.done() {
            match run.trainer.step() {
                Ok(e) => {
                    entries.push(e.clone());
                    tokens +=
                        (run.trainer.settings.batch_size * run.trainer.batcher().seq_len()) as u64;
                }
                Err(err) => {
                    self.job = None;
                    return vec![stopped(Phase::Sft, err.message, run.trainer.settings.lr)];
                }
            }
            if !keep_going() {
                break;
            }
        }
        let dt = (seconds() - t0).max(1e-6);
        let mut out = vec![Event::Progress(Progress {
            phase: Phase::Sft,
            entries,
            tokens_per_s: (tokens as f64 / dt) as f32,
            token_losses: None,
            samples: None,
        })];
        if run.trainer.done() {
            self.job = None;
            // RLHF starts from this model from now on.
            self.policy = None;
            self.reward = None;
            self.comparisons.clear();
            out.push(Event::SftDone {
                steps: run.trainer.step_count(),
                after: sft::answer(&run.trainer.model, &run.tokenizer, &run.question),
            });
        }
        out
    }
}
