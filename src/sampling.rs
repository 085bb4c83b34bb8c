//! Choosing the next token from the model's scores: greedy, temperature, top-k, top-p, and
//! top-k followed by top-p. The random draw comes from the seeded [`Rng`], so a seed gives the
//! same tokens natively and in wasm. Every choice comes with a [`SampleReport`] of what was
//! done — the distribution, the cut-offs, the draw — for the visualizer.

use serde::Serialize;

use crate::model::softmax::softmax;
use crate::rng::Rng;

/// How to choose.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Sampling {
    /// τ: logits are divided by τ before softmax. 0 means greedy (always the top token).
    pub temperature: f32,
    /// Keep only the k likeliest tokens; 0 means off.
    pub top_k: usize,
    /// Keep the fewest likeliest tokens whose probabilities add up to at least p; ≥ 1 means off.
    pub top_p: f32,
}

impl Sampling {
    /// Always the likeliest token.
    pub const GREEDY: Sampling = Sampling {
        temperature: 0.0,
        top_k: 0,
        top_p: 1.0,
    };

    pub fn is_greedy(&self) -> bool {
        self.temperature == 0.0
    }

    /// Checks the settings, naming what is wrong.
    pub fn validate(&self) -> Result<(), String> {
        if self.temperature.is_nan() || self.temperature < 0.0 || self.temperature.is_infinite() {
            return Err(format!(
                "temperature must be 0 or more, got {}",
                self.temperature
            ));
        }
        if !self.top_p.is_finite() || self.top_p <= 0.0 {
            return Err(format!(
                "top-p must be a number above 0 (1 or more switches it off), got {}",
                self.top_p
            ));
        }
        Ok(())
    }
}

/// One candidate token in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    pub id: u32,
    pub logit: f32,
    /// Probability after temperature, before any cut-off.
    pub prob: f32,
    /// Whether top-k and top-p kept it.
    pub kept: bool,
    /// Probability among the kept tokens (renormalised); 0 if cut off.
    pub final_prob: f32,
}

/// What one sampling step did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SampleReport {
    /// The chosen token.
    pub token: u32,
    pub settings: Sampling,
    /// Size of the vocabulary considered.
    pub vocab: usize,
    /// How many tokens survived top-k (before top-p).
    pub after_top_k: usize,
    /// How many tokens survived both cut-offs.
    pub kept: usize,
    /// Probability mass of the kept tokens before renormalising.
    pub kept_mass: f64,
    /// The uniform draw in [0, 1) that picked the token (none when greedy).
    pub draw: Option<f64>,
    /// The likeliest tokens, best first (at least the kept ones up to 64, and 16 more).
    pub candidates: Vec<Candidate>,
}

/// How many candidates a report lists at most.
const REPORT_MAX: usize = 64;

/// The random numbers for drawing the token at `position` (the number of tokens before it): one
/// stream per seed and position, so that the sampling chapter, the generation loop and the CLI
/// draw the same token for the same text, seed and settings.
pub fn rng_for(seed: u64, position: usize) -> Rng {
    Rng::new(seed ^ (position as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15))
}

/// Chooses a token from `logits` `[V]` and reports how.
///
/// Greedy: argmax (ties: the smaller id). Otherwise `p = softmax(logits / τ)`; tokens are ranked
/// by p (ties: smaller id); top-k keeps the first k; top-p keeps the shortest prefix of what is
/// left whose renormalised mass reaches p; the kept probabilities are renormalised and a uniform
/// draw u picks the first token whose cumulative probability exceeds u.
pub fn sample(logits: &[f32], settings: &Sampling, rng: &mut Rng) -> Result<SampleReport, String> {
    settings.validate()?;
    if logits.is_empty() {
        return Err("there are no logits to sample from".into());
    }
    if let Some(i) = logits.iter().position(|v| v.is_nan()) {
        return Err(format!("the logit of token {i} is NaN"));
    }
    let vocab = logits.len();
    let temperature = if settings.is_greedy() {
        1.0
    } else {
        settings.temperature
    };
    let probs = softmax(logits, temperature);
    let mut order: Vec<u32> = (0..vocab as u32).collect();
    let by_prob = |a: &u32, b: &u32| {
        probs[*b as usize]
            .total_cmp(&probs[*a as usize])
            .then(a.cmp(b))
    };
    if settings.is_greedy() {
        // Only the top of the ranking matters: select it, then sort that part.
        let n = (REPORT_MAX + 16).min(vocab);
        if n < vocab {
            order.select_nth_unstable_by(n - 1, by_prob);
            order.truncate(n);
        }
        order.sort_unstable_by(by_prob);
        return Ok(greedy_report(logits, &probs, &order, settings));
    }
    order.sort_unstable_by(by_prob);
    let after_top_k = if settings.top_k == 0 {
        vocab
    } else {
        settings.top_k.min(vocab)
    };
    let kept = top_p_cut(&probs, &order[..after_top_k], settings.top_p);
    let kept_mass: f64 = order[..kept]
        .iter()
        .map(|&i| probs[i as usize] as f64)
        .sum();
    let draw = rng.next_f64();
    let token = drawn(&probs, &order[..kept], kept_mass, draw);
    let listed = (kept + 16).min(REPORT_MAX + 16).min(vocab);
    let candidates = order[..listed]
        .iter()
        .enumerate()
        .map(|(rank, &id)| Candidate {
            id,
            logit: logits[id as usize],
            prob: probs[id as usize],
            kept: rank < kept,
            final_prob: if rank < kept {
                (probs[id as usize] as f64 / kept_mass) as f32
            } else {
                0.0
            },
        })
        .collect();
    Ok(SampleReport {
        token,
        settings: *settings,
        vocab,
        after_top_k,
        kept,
        kept_mass,
        draw: Some(draw),
        candidates,
    })
}

/// The report of a greedy choice: the first of `order` (tokens ranked by p), with the next 16
/// as the runners-up.
fn greedy_report(
    logits: &[f32],
    probs: &[f32],
    order: &[u32],
    settings: &Sampling,
) -> SampleReport {
    let token = order[0];
    let candidates = order
        .iter()
        .take(17)
        .map(|&id| Candidate {
            id,
            logit: logits[id as usize],
            prob: probs[id as usize],
            kept: id == token,
            final_prob: if id == token { 1.0 } else { 0.0 },
        })
        .collect();
    SampleReport {
        token,
        settings: *settings,
        vocab: logits.len(),
        after_top_k: 1,
        kept: 1,
        kept_mass: probs[token as usize] as f64,
        draw: None,
        candidates,
    }
}

/// Top-p: how many of `ranked` (the tokens left after top-k, most likely first) form the
/// shortest prefix whose mass reaches `top_p` of theirs (at least one; all when `top_p` ≥ 1).
fn top_p_cut(probs: &[f32], ranked: &[u32], top_p: f32) -> usize {
    if top_p >= 1.0 {
        return ranked.len();
    }
    let mass: f64 = ranked.iter().map(|&i| probs[i as usize] as f64).sum();
    let target = top_p as f64 * mass;
    let mut cum = 0.0f64;
    let mut n = 0;
    for &i in ranked {
        cum += probs[i as usize] as f64;
        n += 1;
        if cum >= target {
            break;
        }
    }
    n.max(1)
}

/// The token a uniform `draw` in [0, 1) picks from `kept` (their probabilities renormalised by
/// `kept_mass`): the first whose cumulative probability exceeds it (the last one if rounding
/// leaves the sum a hair below 1).
fn drawn(probs: &[f32], kept: &[u32], kept_mass: f64, draw: f64) -> u32 {
    let mut cum = 0.0f64;
    for &i in kept {
        cum += probs[i as usize] as f64 / kept_mass;
        if draw < cum {
            return i;
        }
    }
    kept[kept.len() - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOGITS: [f32; 6] = [1.0, 3.0, 2.0, 3.0, -1.0, 0.5];

    fn with(temperature: f32, top_k: usize, top_p: f32) -> Sampling {
        Sampling {
            temperature,
            top_k,
            top_p,
        }
    }

    #[test]
    fn greedy_takes_the_top_token_with_ties_to_the_smaller_id() {
        let r = sample(&LOGITS, &Sampling::GREEDY, &mut Rng::new(1)).unwrap();
        assert_eq!(r.token, 1);
        assert_eq!(r.draw, None);
        assert_eq!(r.candidates[0].id, 1);
        assert_eq!(r.candidates[1].id, 3);
    }

    #[test]
    fn top_k_and_top_p_cut_and_renormalise() {
        let r = sample(&LOGITS, &with(1.0, 2, 1.0), &mut Rng::new(1)).unwrap();
        assert_eq!((r.after_top_k, r.kept), (2, 2));
        assert!([1, 3].contains(&r.token));
        let kept: Vec<&Candidate> = r.candidates.iter().filter(|c| c.kept).collect();
        assert!((kept.iter().map(|c| c.final_prob).sum::<f32>() - 1.0).abs() < 1e-6);
        assert_eq!(kept[0].final_prob, 0.5);
        // p(1) = p(3) ≈ 0.384 each: top-p 0.5 needs both, 0.3 needs one.
        assert_eq!(
            sample(&LOGITS, &with(1.0, 0, 0.5), &mut Rng::new(1))
                .unwrap()
                .kept,
            2
        );
        let one = sample(&LOGITS, &with(1.0, 0, 0.3), &mut Rng::new(1)).unwrap();
        assert_eq!((one.kept, one.token), (1, 1));
        // k then p: top-3 first (tokens 1, 3, 2), then p over their renormalised mass.
        let kp = sample(&LOGITS, &with(1.0, 3, 0.9), &mut Rng::new(1)).unwrap();
        assert_eq!((kp.after_top_k, kp.kept), (3, 3));
    }

    #[test]
    fn seeded_draws_repeat_and_follow_the_distribution() {
        let s = with(1.0, 0, 1.0);
        let a: Vec<u32> = (0..50)
            .scan(Rng::new(9), |r, _| {
                Some(sample(&LOGITS, &s, r).unwrap().token)
            })
            .collect();
        let b: Vec<u32> = (0..50)
            .scan(Rng::new(9), |r, _| {
                Some(sample(&LOGITS, &s, r).unwrap().token)
            })
            .collect();
        assert_eq!(a, b);
        let mut counts = [0usize; 6];
        let mut rng = Rng::new(3);
        for _ in 0..20_000 {
            counts[sample(&LOGITS, &s, &mut rng).unwrap().token as usize] += 1;
        }
        let p = softmax(&LOGITS, 1.0);
        for i in 0..6 {
            assert!(
                (counts[i] as f32 / 20_000.0 - p[i]).abs() < 0.015,
                "token {i}"
            );
        }
        // High temperature flattens, low temperature sharpens.
        let hot = sample(&LOGITS, &with(5.0, 0, 1.0), &mut Rng::new(1)).unwrap();
        let cold = sample(&LOGITS, &with(0.2, 0, 1.0), &mut Rng::new(1)).unwrap();
        assert!(hot.candidates[0].prob < 0.3 && cold.candidates[0].prob > 0.49);
    }

    #[test]
    fn bad_settings_and_logits_are_refused() {
        assert!(sample(&LOGITS, &with(-1.0, 0, 1.0), &mut Rng::new(1)).is_err());
        assert!(sample(&LOGITS, &with(1.0, 0, 0.0), &mut Rng::new(1)).is_err());
        assert!(sample(&[], &Sampling::GREEDY, &mut Rng::new(1)).is_err());
        assert!(sample(&[1.0, f32::NAN], &Sampling::GREEDY, &mut Rng::new(1)).is_err());
        // top-k larger than the vocabulary means all of it.
        assert_eq!(
            sample(&LOGITS, &with(1.0, 100, 1.0), &mut Rng::new(1))
                .unwrap()
                .kept,
            6
        );
    }
}
