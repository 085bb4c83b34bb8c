//! Softmax: turns scores into probabilities — positive, summing to 1, the largest scores
//! emphasised. Used for the attention weights and for the next-token distribution.

/// `pᵢ = exp((zᵢ − max z) / τ) / Σⱼ exp((zⱼ − max z) / τ)` over one row, in place.
///
/// Shape: `[n]`. Subtracting the maximum keeps `exp` from overflowing without changing the
/// result. Entries of −∞ (masked) get probability 0. `temperature` τ must be > 0.
pub fn softmax_in_place(z: &mut [f32], temperature: f32) {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    if max == f32::NEG_INFINITY {
        // Nothing allowed: leave a row of zeros rather than NaN.
        z.iter_mut().for_each(|v| *v = 0.0);
        return;
    }
    let mut sum = 0.0f32;
    for v in z.iter_mut() {
        *v = ((*v - max) / temperature).exp();
        sum += *v;
    }
    let inv = 1.0 / sum;
    z.iter_mut().for_each(|v| *v *= inv);
}

/// `log pᵢ = zᵢ − max z − ln Σⱼ exp(zⱼ − max z)`: the log-probability of entry `i` of a row of
/// logits `[n]` (τ = 1), without forming the probabilities. Used for the log-likelihood of
/// chosen tokens (the training lab's policy and its KL penalty).
pub fn log_softmax_at(z: &[f32], i: usize) -> f32 {
    let max = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let sum: f32 = z.iter().map(|v| (v - max).exp()).sum();
    z[i] - max - sum.ln()
}

/// [`softmax_in_place`] on a copy.
pub fn softmax(z: &[f32], temperature: f32) -> Vec<f32> {
    let mut p = z.to_vec();
    softmax_in_place(&mut p, temperature);
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_softmax_is_the_log_of_softmax() {
        let z = [2.0f32, -1.0, 0.5, 30.0];
        let p = softmax(&z, 1.0);
        for (i, p) in p.iter().enumerate() {
            assert!((log_softmax_at(&z, i) - p.ln()).abs() < 1e-5, "{i}");
        }
        // Large logits do not overflow.
        assert!((log_softmax_at(&[1000.0, 1000.0], 0) - 0.5f32.ln()).abs() < 1e-6);
    }

    #[test]
    fn sums_to_one_and_respects_masks_and_temperature() {
        let p = softmax(&[1.0, 2.0, 3.0], 1.0);
        assert!((p.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!(p[2] > p[1] && p[1] > p[0]);
        assert!((p[2] - 0.665_240_9).abs() < 1e-6);
        let m = softmax(&[1.0, f32::NEG_INFINITY, 1.0], 1.0);
        assert_eq!(m, [0.5, 0.0, 0.5]);
        let hot = softmax(&[1.0, 2.0, 3.0], 10.0);
        let cold = softmax(&[1.0, 2.0, 3.0], 0.1);
        assert!(hot[2] < p[2] && cold[2] > 0.99);
        // Huge scores do not overflow.
        let big = softmax(&[1000.0, 1000.0], 1.0);
        assert_eq!(big, [0.5, 0.5]);
        assert_eq!(softmax(&[f32::NEG_INFINITY; 2], 1.0), [0.0, 0.0]);
    }
}
