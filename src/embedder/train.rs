//! Training the embedding model: questions and passages through the same body, InfoNCE on
//! their unit vectors ([`super::contrastive`]), and the gradient back through normalising, the
//! projection, the mean over tokens and the GPT ([`backward_from_final`]).
//!
//! For one side (B texts, padded to T tokens): `z_i = W·m_i`, `m_i = (1/n_i)·Σ_{t<n_i} h[i,t]`,
//! so `∂L/∂W += dz_i ⊗ m_i`, `∂L/∂m_i = Wᵀ·dz_i` and `∂L/∂h[i,t] = ∂L/∂m_i / n_i` for t < n_i.

use super::contrastive::{info_nce, l2_normalize_backward};
use super::data::Pair;
use super::{Embedder, Forward};
use crate::model::ModelError;
use crate::model::matrix::Matrix;
use crate::model::weights::Weights;
use crate::tokenizer::Tokenizer;
use crate::training::backward::backward_from_final;
use crate::training::optimizer::{AdamVec, AdamW, clip_grad_norm};

/// The embedder with its optimisers and gradient buffers.
pub struct Trainer {
    pub embedder: Embedder,
    pub temperature: f32,
    body: AdamW,
    head: AdamVec,
    grads: Weights,
}

/// What one batch gave: the loss and the share of questions whose own passage scored highest.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured {
    pub loss: f32,
    pub accuracy: f32,
}

/// Token ids of the questions and of the passages.
pub fn encode(tokenizer: &Tokenizer, pairs: &[Pair]) -> (Vec<Vec<u32>>, Vec<Vec<u32>>) {
    pairs
        .iter()
        .map(|p| (tokenizer.encode(&p.question), tokenizer.encode(&p.passage)))
        .unzip()
}

impl Trainer {
    pub fn new(embedder: Embedder, temperature: f32, weight_decay: f32) -> Trainer {
        let n = embedder.projection.data.len();
        Trainer {
            body: AdamW::new(&embedder.gpt.weights, weight_decay),
            head: AdamVec::new(n, 0.95),
            grads: Weights::zeros(&embedder.gpt.config),
            embedder,
            temperature,
        }
    }

    /// The loss on `pairs` without learning.
    pub fn measure(&self, tokenizer: &Tokenizer, pairs: &[Pair]) -> Result<Measured, ModelError> {
        let (q, p) = encode(tokenizer, pairs);
        let (fq, fp) = (self.embedder.run(&q)?, self.embedder.run(&p)?);
        let (loss, _, _, accuracy) = info_nce(&fq.vectors, &fp.vectors, self.temperature);
        Ok(Measured { loss, accuracy })
    }

    /// One optimiser step on `pairs` at learning rate `lr`, gradients clipped to `clip`;
    /// returns what the batch measured before the step.
    pub fn step(
        &mut self,
        tokenizer: &Tokenizer,
        pairs: &[Pair],
        lr: f32,
        clip: f32,
    ) -> Result<Measured, ModelError> {
        let (q, p) = encode(tokenizer, pairs);
        let (fq, fp) = (self.embedder.run(&q)?, self.embedder.run(&p)?);
        let (loss, dq, dp, accuracy) = info_nce(&fq.vectors, &fp.vectors, self.temperature);
        self.grads
            .params_mut()
            .into_iter()
            .for_each(|g| g.fill(0.0));
        let mut d_w = vec![0.0f32; self.embedder.projection.data.len()];
        for (f, de) in [(&fq, &dq), (&fp, &dp)] {
            let d_lnf = self.side_backward(f, de, &mut d_w);
            backward_from_final(
                &self.embedder.gpt,
                &f.padded.batch,
                &f.acts,
                &d_lnf,
                &mut self.grads,
            );
        }
        let norm = clip_grad_norm(&mut self.grads, clip);
        if !norm.is_finite() {
            return Err(ModelError::new(
                "the gradient is not a finite number; the step was skipped",
            ));
        }
        let head_norm = d_w.iter().map(|g| g * g).sum::<f32>().sqrt();
        if head_norm > clip {
            d_w.iter_mut().for_each(|g| *g *= clip / head_norm);
        }
        self.body
            .update(&mut self.embedder.gpt.weights, &self.grads, lr);
        let t = self.body.t;
        self.head
            .update(&mut self.embedder.projection.data, &d_w, lr, t, 0.0);
        Ok(Measured { loss, accuracy })
    }

    /// Back from the unit vectors of one side to the final LayerNorm's output `[B·T × d]`,
    /// adding the projection's gradient into `d_w`.
    fn side_backward(&self, f: &Forward, de: &[Vec<f32>], d_w: &mut [f32]) -> Matrix {
        let w = &self.embedder.projection;
        let (t, d) = (f.padded.batch.seq_len, w.cols);
        let mut d_lnf = Matrix::zeros(f.padded.lengths.len() * t, d);
        for (i, &n) in f.padded.lengths.iter().enumerate() {
            let dz = l2_normalize_backward(&f.vectors[i], f.norms[i], &de[i]);
            let mut d_mean = vec![0.0f32; d];
            for (r, g) in dz.iter().enumerate() {
                let row = w.row(r);
                for c in 0..d {
                    d_w[r * d + c] += g * f.pooled[i][c];
                    d_mean[c] += g * row[c];
                }
            }
            for step in 0..n {
                for (x, g) in d_lnf.row_mut(i * t + step).iter_mut().zip(&d_mean) {
                    *x = g / n as f32;
                }
            }
        }
        d_lnf
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::embedder::data::batch;
    use crate::model::{Config, Gpt, Positions};
    use crate::rng::Rng;
    use crate::tokenizer::train::{Mode, train};

    #[test]
    fn the_loss_falls_and_in_batch_accuracy_rises_in_a_short_run() {
        let mut rng = Rng::new(4);
        let pairs: Vec<Pair> = (0..6).flat_map(|_| batch(&mut rng, 8, 0.0)).collect();
        let text: String = pairs
            .iter()
            .map(|p| format!("{} {} ", p.question, p.passage))
            .collect();
        let tokenizer = train(Mode::ByteLevel, &[text.as_str()], 400, &[])
            .unwrap()
            .0;
        let config = Config {
            vocab_size: tokenizer.vocab_size(),
            n_ctx: 64,
            d_model: 32,
            n_head: 2,
            n_layer: 1,
            d_ff: 64,
            layer_norm_eps: 1e-5,
            positions: Positions::Learned,
        };
        let gpt = Gpt::random(config, 2).unwrap();
        let mut trainer = Trainer::new(Embedder::from_base(gpt, 16), 0.1, 0.0);
        let fixed = &pairs[..8];
        let before = trainer.measure(&tokenizer, fixed).unwrap();
        for _ in 0..40 {
            trainer.step(&tokenizer, fixed, 3e-3, 1.0).unwrap();
        }
        let after = trainer.measure(&tokenizer, fixed).unwrap();
        assert!(after.loss < before.loss * 0.5, "{before:?} → {after:?}");
        assert!(after.accuracy >= 0.75, "{after:?}");
        // Vectors have unit length.
        let (v, cut) = trainer
            .embedder
            .embed(&tokenizer, &fixed[0].question)
            .unwrap();
        assert!(!cut);
        assert!((v.iter().map(|x| x * x).sum::<f32>() - 1.0).abs() < 1e-5);
    }
}
