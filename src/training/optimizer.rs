//! AdamW with a warm-up and cosine learning-rate schedule, and gradient clipping.

use crate::model::weights::Weights;

/// Learning rate over time: rises linearly from 0 to `max_lr` during `warmup` steps, then
/// follows half a cosine down to `min_lr` at step `total`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Schedule {
    pub max_lr: f32,
    pub min_lr: f32,
    pub warmup: usize,
    pub total: usize,
}

impl Schedule {
    /// `lr(s) = max·(s+1)/warmup` while warming up, then
    /// `min + ½(max − min)(1 + cos(π·p))` with `p = (s − warmup)/(total − warmup)`.
    pub fn lr(&self, step: usize) -> f32 {
        if step < self.warmup {
            return self.max_lr * (step + 1) as f32 / self.warmup as f32;
        }
        let span = self.total.saturating_sub(self.warmup).max(1);
        let p = ((step - self.warmup) as f32 / span as f32).min(1.0);
        self.min_lr + 0.5 * (self.max_lr - self.min_lr) * (1.0 + (std::f32::consts::PI * p).cos())
    }
}

/// Scales the gradients so that their global L2 norm is at most `max_norm`; returns the norm
/// before scaling (∞ or NaN when a gradient is not finite).
pub fn clip_grad_norm(grads: &mut Weights, max_norm: f32) -> f32 {
    let sum: f64 = grads
        .params()
        .iter()
        .flat_map(|(g, _)| g.iter())
        .map(|&x| (x as f64) * (x as f64))
        .sum();
    let norm = sum.sqrt() as f32;
    if norm.is_finite() && norm > max_norm {
        let s = max_norm / norm;
        for g in grads.params_mut() {
            g.iter_mut().for_each(|x| *x *= s);
        }
    }
    norm
}

/// AdamW (Loshchilov & Hutter): Adam's moment estimates, with weight decay applied to the
/// weights directly (matrices only).
#[derive(Debug, Clone, PartialEq)]
pub struct AdamW {
    pub beta1: f32,
    pub beta2: f32,
    pub eps: f32,
    pub weight_decay: f32,
    /// First and second moments, in the shapes of the weights.
    pub m: Weights,
    pub v: Weights,
    /// Updates done so far.
    pub t: u64,
}

impl AdamW {
    pub fn new(shapes: &Weights, weight_decay: f32) -> AdamW {
        let mut m = shapes.clone();
        m.params_mut()
            .into_iter()
            .for_each(|p| p.iter_mut().for_each(|x| *x = 0.0));
        AdamW {
            beta1: 0.9,
            beta2: 0.95,
            eps: 1e-8,
            weight_decay,
            v: m.clone(),
            m,
            t: 0,
        }
    }

    /// One update with learning rate `lr`:
    /// `m ← β₁m + (1−β₁)g`, `v ← β₂v + (1−β₂)g²`, `m̂ = m/(1−β₁ᵗ)`, `v̂ = v/(1−β₂ᵗ)`,
    /// `θ ← θ − lr·(m̂/(√v̂ + ε) + λθ)` (λ only for matrices).
    pub fn update(&mut self, weights: &mut Weights, grads: &Weights, lr: f32) {
        self.t += 1;
        let (b1, b2) = (self.beta1, self.beta2);
        let c1 = 1.0 - b1.powi(self.t as i32);
        let c2 = 1.0 - b2.powi(self.t as i32);
        let decay: Vec<bool> = weights.params().iter().map(|(_, d)| *d).collect();
        let params = weights.params_mut();
        let g = grads.params();
        let m = self.m.params_mut();
        let v = self.v.params_mut();
        for ((((p, (g, _)), m), v), decays) in params.into_iter().zip(g).zip(m).zip(v).zip(decay) {
            let wd = if decays { self.weight_decay } else { 0.0 };
            for i in 0..p.len() {
                m[i] = b1 * m[i] + (1.0 - b1) * g[i];
                v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i];
                let mhat = m[i] / c1;
                let vhat = v[i] / c2;
                p[i] -= lr * (mhat / (vhat.sqrt() + self.eps) + wd * p[i]);
            }
        }
    }
}

/// Adam for one flat vector of parameters outside the GPT's weights (a head), with the same
/// formula as [`AdamW::update`]; `t` is the step count (from 1), shared with the body's optimiser.
#[derive(Debug, Clone, PartialEq)]
pub struct AdamVec {
    pub beta1: f32,
    pub beta2: f32,
    pub m: Vec<f32>,
    pub v: Vec<f32>,
}

impl AdamVec {
    pub fn new(n: usize, beta2: f32) -> AdamVec {
        AdamVec {
            beta1: 0.9,
            beta2,
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }

    /// `θ ← θ − lr·(m̂/(√v̂ + ε) + λθ)` for every element of `params`.
    pub fn update(&mut self, params: &mut [f32], grads: &[f32], lr: f32, t: u64, decay: f32) {
        let (b1, b2) = (self.beta1, self.beta2);
        let t = t.max(1) as i32;
        let (c1, c2) = (1.0 - b1.powi(t), 1.0 - b2.powi(t));
        for (i, (p, &g)) in params.iter_mut().zip(grads).enumerate() {
            self.m[i] = b1 * self.m[i] + (1.0 - b1) * g;
            self.v[i] = b2 * self.v[i] + (1.0 - b2) * g * g;
            *p -= lr * ((self.m[i] / c1) / ((self.v[i] / c2).sqrt() + 1e-8) + decay * *p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Config, Positions};

    #[test]
    fn schedule_warms_up_then_decays() {
        let s = Schedule {
            max_lr: 1.0,
            min_lr: 0.1,
            warmup: 10,
            total: 110,
        };
        assert_eq!(s.lr(0), 0.1);
        assert_eq!(s.lr(9), 1.0);
        assert_eq!(s.lr(10), 1.0);
        assert!((s.lr(60) - 0.55).abs() < 1e-6);
        assert!((s.lr(110) - 0.1).abs() < 1e-6);
        assert!((s.lr(500) - 0.1).abs() < 1e-6);
    }

    fn tiny() -> Weights {
        let c = Config {
            vocab_size: 5,
            n_ctx: 4,
            d_model: 4,
            n_head: 1,
            n_layer: 1,
            d_ff: 4,
            layer_norm_eps: 1e-5,
            positions: Positions::Learned,
        };
        Weights::random(&c, 1)
    }

    #[test]
    fn clipping_limits_the_norm() {
        let mut g = tiny();
        g.params_mut()
            .into_iter()
            .for_each(|p| p.iter_mut().for_each(|x| *x = 1.0));
        let n = g.params().iter().map(|(p, _)| p.len()).sum::<usize>() as f32;
        let before = clip_grad_norm(&mut g, 1.0);
        assert!((before - n.sqrt()).abs() < 1e-3);
        assert!((clip_grad_norm(&mut g, 100.0) - 1.0).abs() < 1e-4);
    }

    #[test]
    fn first_adam_step_moves_each_weight_by_lr_against_its_gradient() {
        let mut w = tiny();
        let before = w.clone();
        let mut g = tiny();
        g.params_mut().into_iter().for_each(|p| {
            p.iter_mut()
                .enumerate()
                .for_each(|(i, x)| *x = if i % 2 == 0 { 0.5 } else { -2.0 })
        });
        let mut opt = AdamW::new(&w, 0.0);
        opt.update(&mut w, &g, 0.01);
        for ((a, _), ((b, _), (gr, _))) in w
            .params()
            .iter()
            .zip(before.params().iter().zip(g.params()))
        {
            for i in 0..a.len() {
                let step = b[i] - a[i];
                assert!((step - 0.01 * gr[i].signum()).abs() < 1e-5);
            }
        }
    }
}
