//! The reward model of RLHF: the same GPT with a scalar head on the last token,
//! `r(x) = h_L(x)[last] · w_r + b_r` (`h_L` = the final LayerNorm's output `[T × d]`), trained
//! on pairwise preferences with the Bradley–Terry loss
//! `L = −log σ(r(chosen) − r(rejected))`: people said which of two answers is better, and the
//! model learns to give the better one the higher score.

use crate::model::Gpt;
use crate::model::weights::Weights;
use crate::training::backward::backward_from_final;
use crate::training::forward::{Activations, Batch, forward};
use crate::training::optimizer::{AdamVec, AdamW, clip_grad_norm};

/// A preference: token ids of the answer people preferred and of the other one (each the whole
/// text, prompt included).
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub chosen: Vec<u32>,
    pub rejected: Vec<u32>,
}

/// The GPT body, the head `w_r` `[d]`, `b_r`, and their optimiser state.
pub struct RewardModel {
    pub gpt: Gpt,
    pub head: Vec<f32>,
    pub bias: f32,
    optimizer: AdamW,
    grads: Weights,
    /// Adam on the head `[d + 1]` (the bias last).
    head_adam: AdamVec,
}

/// `σ(x) = 1 / (1 + e^−x)`.
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + (-x).exp())
}

impl RewardModel {
    /// Starts from a language model's weights (it already "understands" the texts) with a zero
    /// head, so every answer scores 0 before training.
    pub fn from(gpt: &Gpt) -> RewardModel {
        let d = gpt.config.d_model;
        RewardModel {
            optimizer: AdamW::new(&gpt.weights, 0.0),
            grads: Weights::zeros(&gpt.config),
            gpt: gpt.clone(),
            head: vec![0.0; d],
            bias: 0.0,
            head_adam: AdamVec::new(d + 1, 0.999),
        }
    }

    /// The last `n_ctx` tokens as a batch of one (targets and mask unused: the loss is not the
    /// language model's).
    fn batch(&self, ids: &[u32]) -> Batch {
        let ids = &ids[ids.len().saturating_sub(self.gpt.config.n_ctx)..];
        Batch {
            batch: 1,
            seq_len: ids.len(),
            inputs: ids.to_vec(),
            targets: ids.to_vec(),
            mask: vec![0.0; ids.len()],
        }
    }

    fn run(&self, ids: &[u32]) -> Option<(Batch, Activations, f32)> {
        if ids.is_empty() {
            return None;
        }
        let batch = self.batch(ids);
        let (_, acts) = forward(&self.gpt, &batch).ok()?;
        let last = acts.lnf.output.row(batch.seq_len - 1);
        let r = last.iter().zip(&self.head).map(|(h, w)| h * w).sum::<f32>() + self.bias;
        Some((batch, acts, r))
    }

    /// The score `r(x)` of a text; 0 for an empty one.
    pub fn score(&self, ids: &[u32]) -> f32 {
        self.run(ids).map_or(0.0, |(_, _, r)| r)
    }

    /// One optimiser step on all comparisons; returns the mean Bradley–Terry loss before it.
    /// ∂L/∂r(chosen) = σ(Δ) − 1, ∂L/∂r(rejected) = 1 − σ(Δ) with Δ = r(chosen) − r(rejected);
    /// each flows into the last row of `h_L` as `∂L/∂r · w_r` and on through the GPT.
    pub fn train_step(&mut self, comparisons: &[Comparison], lr: f32) -> f32 {
        let d = self.gpt.config.d_model;
        self.grads
            .params_mut()
            .into_iter()
            .for_each(|g| g.fill(0.0));
        let mut d_head = vec![0.0f32; d + 1];
        let mut loss = 0.0f32;
        let scale = 1.0 / comparisons.len().max(1) as f32;
        for c in comparisons {
            let (Some(chosen), Some(rejected)) = (self.run(&c.chosen), self.run(&c.rejected))
            else {
                continue;
            };
            let delta = chosen.2 - rejected.2;
            // −log σ(Δ), computed without overflow.
            loss += scale
                * (if delta > 0.0 {
                    (-delta).exp().ln_1p()
                } else {
                    -delta + delta.exp().ln_1p()
                });
            let g = (sigmoid(delta) - 1.0) * scale;
            for ((batch, acts, _), dr) in [(chosen, g), (rejected, -g)] {
                let last = batch.seq_len - 1;
                let h = acts.lnf.output.row(last).to_vec();
                for (dh, hv) in d_head.iter_mut().zip(&h) {
                    *dh += dr * hv;
                }
                d_head[d] += dr;
                let mut d_lnf = crate::model::Matrix::zeros(batch.seq_len, d);
                d_lnf
                    .row_mut(last)
                    .iter_mut()
                    .zip(&self.head)
                    .for_each(|(x, w)| *x = dr * w);
                backward_from_final(&self.gpt, &batch, &acts, &d_lnf, &mut self.grads);
            }
        }
        clip_grad_norm(&mut self.grads, 1.0);
        self.optimizer
            .update(&mut self.gpt.weights, &self.grads, lr);
        self.update_head(&d_head, lr);
        loss
    }

    /// Adam on the head (β 0.9 / 0.999); the step count is the body optimiser's.
    fn update_head(&mut self, grad: &[f32], lr: f32) {
        let mut params = self.head.clone();
        params.push(self.bias);
        self.head_adam
            .update(&mut params, grad, lr, self.optimizer.t, 0.0);
        self.bias = params.pop().unwrap_or(self.bias);
        self.head = params;
    }
}
