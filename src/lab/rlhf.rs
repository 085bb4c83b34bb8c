//! RLHF's last phase: the policy (the chat model) is optimised against the reward model, with a
//! KL penalty that keeps it close to the reference (the model before RLHF).
//!
//! The method here is REINFORCE with a baseline and a KL penalty — a plain policy gradient, not
//! PPO (PPO adds a clipped ratio so that several updates can reuse one set of samples). In the
//! seed text's words: the state is the text so far, an action is the next token, the policy is
//! the model's distribution over tokens, and the reward comes once at the end of the answer.
//!
//! One step: sample K answers `y_i` to the prompt; their reward
//! `R_i = r(y_i) − β · Σ_t (log π(a_t|s_t) − log π_ref(a_t|s_t))`; advantage `A_i = R_i − mean R`;
//! loss `−(1/N) Σ_i A_i Σ_t log π(a_t|s_t)` over the N answer tokens — exactly the masked
//! cross-entropy of training with the mask set to `A_i`, so the same backward pass serves.

use serde::{Deserialize, Serialize};

use super::reward::RewardModel;
use crate::model::generate::{GenerateOptions, generate};
use crate::model::softmax::log_softmax_at;
use crate::model::weights::Weights;
use crate::model::{Gpt, LogitRows};
use crate::sampling::Sampling;
use crate::training::backward::backward;
use crate::training::forward::{Batch, forward};
use crate::training::optimizer::{AdamW, clip_grad_norm};

/// Log-probabilities `log π(ids[t] | ids[..t])` of the tokens after `start`, `[len − start]`.
pub fn token_logprobs(model: &Gpt, ids: &[u32], start: usize) -> Vec<f32> {
    let Ok(logits) = model.forward(&ids[..ids.len() - 1], LogitRows::All) else {
        return Vec::new();
    };
    (start.max(1)..ids.len())
        .map(|t| log_softmax_at(logits.row(t - 1), ids[t] as usize))
        .collect()
}

/// How a policy step samples and weighs.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PolicySettings {
    /// Answers sampled per step (K).
    pub samples: usize,
    pub max_tokens: usize,
    pub temperature: f32,
    /// KL penalty weight β.
    pub beta: f32,
    pub lr: f32,
}

/// What one step did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PolicyReport {
    /// Mean reward-model score of the step's samples (before the update).
    pub mean_reward: f32,
    /// Mean over samples of Σ_t (log π − log π_ref), an estimate of KL(π ‖ π_ref).
    pub kl: f32,
    /// The samples' texts' token ids (answers only) and scores.
    pub answers: Vec<(Vec<u32>, f32)>,
}

/// The policy and what it is compared with.
pub struct Policy {
    pub model: Gpt,
    pub reference: Gpt,
    optimizer: AdamW,
    grads: Weights,
    steps: u64,
}

impl Policy {
    pub fn new(model: Gpt) -> Policy {
        Policy {
            optimizer: AdamW::new(&model.weights, 0.0),
            grads: Weights::zeros(&model.config),
            reference: model.clone(),
            model,
            steps: 0,
        }
    }

    /// One REINFORCE step on `prompt` against `reward`; `end` stops answers.
    pub fn step(
        &mut self,
        prompt: &[u32],
        reward: &RewardModel,
        s: PolicySettings,
        end: Option<u32>,
        seed: u64,
    ) -> Result<PolicyReport, String> {
        let n_ctx = self.model.config.n_ctx;
        if prompt.is_empty() || prompt.len() + 1 >= n_ctx {
            return Err(format!("the prompt must have 1 to {} tokens", n_ctx - 2));
        }
        let sampling = Sampling {
            temperature: s.temperature,
            ..Sampling::GREEDY
        };
        let mut seqs = Vec::new();
        for i in 0..s.samples.max(2) {
            let options = GenerateOptions {
                max_new_tokens: s.max_tokens.min(n_ctx - prompt.len() - 1).max(1),
                sampling,
                seed: seed
                    .wrapping_mul(1_000_003)
                    .wrapping_add(self.steps * 101 + i as u64),
                end_token: end,
            };
            let answer = generate(&self.model, prompt, options)
                .map_err(|e| e.to_string())?
                .tokens;
            let mut ids = prompt.to_vec();
            ids.extend(&answer);
            seqs.push(ids);
        }
        let p = prompt.len();
        let mut rewards = Vec::new();
        let mut kls = Vec::new();
        let mut answers = Vec::new();
        for ids in &seqs {
            let score = reward.score(ids);
            let lp = token_logprobs(&self.model, ids, p);
            let lr = token_logprobs(&self.reference, ids, p);
            let kl: f32 = lp.iter().zip(&lr).map(|(a, b)| a - b).sum();
            rewards.push(score - s.beta * kl);
            kls.push(kl);
            answers.push((ids[p..].to_vec(), score));
        }
        let mean = rewards.iter().sum::<f32>() / rewards.len() as f32;
        let tokens: usize = seqs.iter().map(|ids| ids.len() - p).sum();
        self.grads
            .params_mut()
            .into_iter()
            .for_each(|g| g.fill(0.0));
        for (ids, r) in seqs.iter().zip(&rewards) {
            let advantage = r - mean;
            let n = ids.len() - 1;
            if n == 0 || advantage == 0.0 {
                continue;
            }
            let batch = Batch {
                batch: 1,
                seq_len: n,
                inputs: ids[..n].to_vec(),
                targets: ids[1..].to_vec(),
                mask: (0..n)
                    .map(|t| if t + 1 >= p { advantage } else { 0.0 })
                    .collect(),
            };
            let (_, mut acts) = forward(&self.model, &batch).map_err(|e| e.to_string())?;
            // Mean over all answer tokens of the step, whatever the sign of the advantages.
            acts.counted = tokens as f32;
            backward(&self.model, &batch, &acts, &mut self.grads);
        }
        let norm = clip_grad_norm(&mut self.grads, 1.0);
        if !norm.is_finite() {
            return Err("the policy gradient stopped being a number".into());
        }
        self.optimizer
            .update(&mut self.model.weights, &self.grads, s.lr);
        self.steps += 1;
        Ok(PolicyReport {
            mean_reward: answers.iter().map(|a| a.1).sum::<f32>() / answers.len() as f32,
            kl: kls.iter().sum::<f32>() / kls.len() as f32,
            answers,
        })
    }
}
