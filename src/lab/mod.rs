//! The training lab: the seed text's three training phases, run for real in the page (in a Web
//! Worker, `src/bin/lupe-lab.rs`) with the trainer of [`crate::training`].
//!
//! | file | what |
//! |---|---|
//! | [`pretrain`] | text → cleaning → tokenizer → blocks → a tiny GPT from random weights |
//! | [`sft`] | dialogs with the loss mask; the answer before and after |
//! | [`reward`] | the reward model: a scalar head, Bradley–Terry on preferences |
//! | [`rlhf`] | the policy against the reward model with a KL penalty (REINFORCE) |
//!
//! The page sends [`Command`]s and receives [`Event`]s (as JSON through `postMessage`); [`Lab`]
//! is the state machine behind them, the same natively (tests) and in the worker.

pub mod pretrain;
pub mod reward;
pub mod rlhf;
pub mod sft;

use serde::{Deserialize, Serialize};

use crate::chat::{self, Message, Role};
use crate::model::Gpt;
use crate::model::generate::{GenerateOptions, generate};
use crate::sampling::Sampling;
use crate::tokenizer::Tokenizer;
use crate::training::trainer::LogEntry;
use pretrain::{Prepared, Pretrain, PretrainSettings, TokenLosses};
use reward::{Comparison, RewardModel};
use rlhf::{Policy, PolicySettings, token_logprobs};
use sft::{BaseModel, Sft, SftPrepared, SftSettings};

/// Which training phase an event belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Phase {
    Pretrain,
    Sft,
    Reward,
    Policy,
}

/// What the page asks the lab to do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Command {
    Pretrain(PretrainSettings),
    Pause,
    Resume,
    /// Throws the pretraining run away.
    Reset,
    SetLr(f32),
    SetMixture(Vec<f64>),
    Sft(SftSettings),
    /// Samples answers to a question from the current chat model (RLHF's data).
    Sample {
        question: String,
        n: usize,
        temperature: f32,
        top_p: f32,
    },
    /// The last samples ranked best first (indices into them): every better–worse pair becomes
    /// a comparison.
    Rank(Vec<usize>),
    TrainReward {
        steps: usize,
    },
    Policy {
        steps: usize,
        beta: f32,
    },
}

/// One sampled answer, with what the RL vocabulary needs: each action (token) and its
/// probability under the policy in its state (the text before it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnswerView {
    pub text: String,
    pub tokens: Vec<String>,
    pub probs: Vec<f32>,
    pub score: Option<f32>,
}

/// Training progress of the running phase.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub phase: Phase,
    pub entries: Vec<LogEntry>,
    pub tokens_per_s: f32,
    pub token_losses: Option<TokenLosses>,
    /// Continuations of fixed prompts at this step (pretraining, every 100 steps).
    pub samples: Option<(usize, Vec<String>)>,
}

/// What the lab tells the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Event {
    /// The worker has loaded the built-in models and takes commands.
    Ready,
    Prepared(Prepared),
    Progress(Progress),
    Paused,
    Resumed,
    ResetDone,
    SftPrepared(SftPrepared),
    SftDone {
        steps: usize,
        after: String,
    },
    Answers {
        question: String,
        answers: Vec<AnswerView>,
    },
    Preferences {
        comparisons: usize,
    },
    RewardProgress {
        step: usize,
        loss: f32,
        scores: Vec<f32>,
    },
    PolicyProgress {
        step: usize,
        mean_reward: f32,
        kl: f32,
        /// Mean log-probability per token of the answer ranked best, under the policy.
        preferred_logprob: f32,
        sample: String,
    },
    /// A run stopped with a reason for a person (e.g. a NaN loss), and a suggestion.
    Stopped {
        phase: Phase,
        message: String,
        suggested_lr: Option<f32>,
    },
    Error(String),
}

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
                    left: steps.clamp(1, 200),
                });
                vec![]
            }
            Command::Policy { steps, beta } => {
                if self.reward.is_none() {
                    return vec![Event::Error("train the reward model first".into())];
                }
                let settings = PolicySettings {
                    samples: 4,
                    max_tokens: 24,
                    temperature: 1.0,
                    beta: beta.clamp(0.0, 10.0),
                    lr: 1e-4,
                };
                self.job = Some(Job::Policy {
                    left: steps.clamp(1, 100),
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

    /// The chat model RLHF works on: the fine-tuned one from the SFT tab once it ran, else the
    /// built-in chat model. Made once; later samples come from the policy being optimised.
    fn policy(&mut self) -> Option<&mut (Policy, Tokenizer)> {
        if self.policy.is_none() {
            let (m, t) = match &self.sft {
                Some(s) if s.trainer.done() => (s.trainer.model.clone(), s.tokenizer.clone()),
                _ => self.chat.clone()?,
            };
            self.policy = Some((Policy::new(m), t));
        }
        self.policy.as_mut()
    }

    fn sample(&mut self, question: &str, n: usize, temperature: f32, top_p: f32) -> Vec<Event> {
        if self.policy().is_none() {
            return vec![Event::Error("no chat model is loaded".into())];
        }
        let Some((policy, tokenizer)) = self.policy.as_ref() else {
            return vec![];
        };
        let question_text = question.trim();
        if question_text.is_empty() {
            return vec![Event::Error("the question is empty".into())];
        }
        let prompt = tokenizer.encode_with(
            &chat::prompt(&[Message::new(Role::User, question_text)]),
            true,
        );
        let model = &policy.model;
        if prompt.len() + 4 >= model.config.n_ctx {
            return vec![Event::Error(
                "the question is too long for the model's context".into(),
            )];
        }
        let end = tokenizer.special_id(chat::END);
        let sampling = Sampling {
            temperature: temperature.clamp(0.0, 3.0),
            top_k: 0,
            top_p: top_p.clamp(0.05, 1.0),
        };
        let mut answers = Vec::new();
        let mut views = Vec::new();
        for i in 0..n.clamp(2, 6) {
            let options = GenerateOptions {
                max_new_tokens: 32.min(model.config.n_ctx - prompt.len() - 1),
                sampling,
                seed: 1000 + i as u64,
                end_token: end,
            };
            let Ok(g) = generate(model, &prompt, options) else {
                continue;
            };
            let mut ids = prompt.clone();
            ids.extend(&g.tokens);
            let probs = token_logprobs(model, &ids, prompt.len())
                .into_iter()
                .map(f32::exp)
                .collect();
            let shown: Vec<u32> = g
                .tokens
                .iter()
                .copied()
                .filter(|&t| Some(t) != end)
                .collect();
            views.push(AnswerView {
                text: tokenizer
                    .decode(&shown)
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                tokens: g
                    .tokens
                    .iter()
                    .map(|&t| tokenizer.token_view(t).label)
                    .collect(),
                probs,
                score: self.reward.as_ref().map(|r| r.score(&ids)),
            });
            answers.push(ids);
        }
        self.question = prompt;
        self.answers = answers;
        self.best = None;
        vec![Event::Answers {
            question: question_text.to_string(),
            answers: views,
        }]
    }

    fn rank(&mut self, order: &[usize]) -> Vec<Event> {
        let n = self.answers.len();
        let mut seen = vec![false; n];
        if order.len() < 2
            || order
                .iter()
                .any(|&i| i >= n || std::mem::replace(&mut seen[i], true))
        {
            return vec![Event::Error("rank at least two different answers".into())];
        }
        for (k, &better) in order.iter().enumerate() {
            for &worse in &order[k + 1..] {
                if self.answers[better] != self.answers[worse] {
                    self.comparisons.push(Comparison {
                        chosen: self.answers[better].clone(),
                        rejected: self.answers[worse].clone(),
                    });
                }
            }
        }
        self.best = Some(order[0]);
        vec![Event::Preferences {
            comparisons: self.comparisons.len(),
        }]
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
                    if e.step == 1 || e.step.is_multiple_of(100) {
                        samples = Some((e.step, run.samples(32)));
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

    fn work_reward(&mut self, left: usize) -> Vec<Event> {
        let Some(reward) = self.reward.as_mut() else {
            self.job = None;
            return vec![];
        };
        let loss = reward.train_step(&self.comparisons, 1e-3);
        self.reward_steps += 1;
        let scores = self.answers.iter().map(|a| reward.score(a)).collect();
        self.job = (left > 1).then_some(Job::Reward { left: left - 1 });
        if !loss.is_finite() {
            self.job = None;
            return vec![stopped(
                Phase::Reward,
                "the reward model's loss stopped being a number".into(),
                1e-3,
            )];
        }
        vec![Event::RewardProgress {
            step: self.reward_steps,
            loss,
            scores,
        }]
    }

    fn work_policy(&mut self, left: usize, settings: PolicySettings) -> Vec<Event> {
        let (Some((policy, tokenizer)), Some(reward)) =
            (self.policy.as_mut(), self.reward.as_ref())
        else {
            self.job = None;
            return vec![];
        };
        let end = tokenizer.special_id(chat::END);
        let report = match policy.step(&self.question, reward, settings, end, 42) {
            Ok(r) => r,
            Err(e) => {
                self.job = None;
                return vec![stopped(Phase::Policy, e, settings.lr)];
            }
        };
        self.policy_steps += 1;
        let p = self.question.len();
        let preferred_logprob = self
            .best
            .and_then(|b| self.answers.get(b))
            .map(|ids| {
                let lp = token_logprobs(&policy.model, ids, p);
                lp.iter().sum::<f32>() / lp.len().max(1) as f32
            })
            .unwrap_or(f32::NAN);
        let sample = report
            .answers
            .first()
            .map(|(ids, _)| {
                let shown: Vec<u32> = ids.iter().copied().filter(|&t| Some(t) != end).collect();
                tokenizer
                    .decode(&shown)
                    .unwrap_or_default()
                    .trim()
                    .to_string()
            })
            .unwrap_or_default();
        self.job = (left > 1).then_some(Job::Policy {
            left: left - 1,
            settings,
        });
        vec![Event::PolicyProgress {
            step: self.policy_steps,
            mean_reward: report.mean_reward,
            kl: report.kl,
            preferred_logprob,
            sample,
        }]
    }
}
