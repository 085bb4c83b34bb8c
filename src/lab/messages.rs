//! The messages between the page and the lab's worker: [`Command`]s in, [`Event`]s out (as
//! JSON through `postMessage`).

use serde::{Deserialize, Serialize};

use super::pretrain::{Prepared, PretrainSettings, TokenLosses};
use super::sft::{SftPrepared, SftSettings};
use crate::training::trainer::LogEntry;

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
