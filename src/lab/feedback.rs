//! The lab's RLHF phase: answers sampled from the policy, the user's ranking as comparisons,
//! the reward model trained on them, and policy steps against it.

use super::reward::Comparison;
use super::rlhf::{Policy, PolicySettings, token_logprobs};
use super::{AnswerView, Event, Job, Lab, Phase, stopped};
use crate::chat::{self, Message, Role};
use crate::model::generate::{GenerateOptions, generate};
use crate::sampling::Sampling;
use crate::tokenizer::Tokenizer;

/// How many answers the student ranks at once (fewest, most): two to compare, six to overview.
const ANSWERS: (usize, usize) = (2, 6);
/// Most tokens per answer, and the seed of the first answer (each next one adds 1, so the
/// same settings give the same answers).
const ANSWER_TOKENS: usize = 32;
const ANSWER_SEED: u64 = 1000;
/// The sampling a student can set: temperature up to 3, top-p from 0.05.
const MAX_TEMPERATURE: f32 = 3.0;
const MIN_TOP_P: f32 = 0.05;

impl Lab {
    /// The chat model RLHF works on: the fine-tuned one from the SFT tab once it ran, else the
    /// built-in chat model. Made once; later samples come from the policy being optimised.
    pub(super) fn policy(&mut self) -> Option<&mut (Policy, Tokenizer)> {
        if self.policy.is_none() {
            let (m, t) = match &self.sft {
                Some(s) if s.trainer.done() => (s.trainer.model.clone(), s.tokenizer.clone()),
                _ => self.chat.clone()?,
            };
            self.policy = Some((Policy::new(m), t));
        }
        self.policy.as_mut()
    }

    pub(super) fn sample(
        &mut self,
        question: &str,
        n: usize,
        temperature: f32,
        top_p: f32,
    ) -> Vec<Event> {
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
            temperature: temperature.clamp(0.0, MAX_TEMPERATURE),
            top_k: 0,
            top_p: top_p.clamp(MIN_TOP_P, 1.0),
        };
        let mut answers = Vec::new();
        let mut views = Vec::new();
        for i in 0..n.clamp(ANSWERS.0, ANSWERS.1) {
            let options = GenerateOptions {
                max_new_tokens: ANSWER_TOKENS.min(model.config.n_ctx - prompt.len() - 1),
                sampling,
                seed: ANSWER_SEED + i as u64,
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
            views.push(AnswerView {
                text: chat::answer_text(tokenizer, &g.tokens),
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

    pub(super) fn rank(&mut self, order: &[usize]) -> Vec<Event> {
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

    pub(super) fn work_reward(&mut self, left: usize) -> Vec<Event> {
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

    pub(super) fn work_policy(&mut self, left: usize, settings: PolicySettings) -> Vec<Event> {
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
            .map(|(ids, _)| chat::answer_text(tokenizer, ids))
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
