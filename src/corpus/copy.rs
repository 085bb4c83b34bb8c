//! Copy drills: a run of random tokens, then the same run again. Nothing in the first run can
//! be predicted; every token of the second run can, by finding the token that came after the
//! same token the first time and copying it. That is the "induction" pattern a model needs to
//! answer from a retrieved context («… Mensa öffnet um elf …» → «um elf»). The retrieval
//! dialogs alone (a value token in ~80) give a weak signal for it: the base, chat and retrieval
//! models predict 0 % of a second run (top-1, 560 tokens of 20 random runs).
//!
//! `lupe sft` mixes drills in with `copy_drills` and `copy_share`. Measured on this machine
//! (2 cores): 1,800 steps from the chat model with half of every batch drills (lr 2·10⁻³)
//! took 21 minutes and moved the second run from 0 % to 2 % (loss 7.21 → 6.94 nats, 7.21 is
//! a uniform guess): the pattern had not formed yet, so the shipped retrieval model is trained
//! without drills. A longer run is the next thing to try.

use crate::rng::Rng;

/// Shortest and longest run, in tokens.
pub const RUN_TOKENS: (usize, usize) = (6, 40);

/// One drill: `(tokens, mask)`, where the mask counts the second run's tokens from its second
/// on (its first one follows the first run's last by chance). Tokens are drawn from `ids`.
pub fn drill(rng: &mut Rng, ids: &[u32]) -> (Vec<u32>, Vec<f32>) {
    let n = RUN_TOKENS.0 + rng.below(RUN_TOKENS.1 - RUN_TOKENS.0 + 1);
    let run: Vec<u32> = (0..n).map(|_| ids[rng.below(ids.len())]).collect();
    let tokens: Vec<u32> = run.iter().chain(&run).copied().collect();
    let mask = (0..2 * n).map(|i| f32::from(u8::from(i > n))).collect();
    (tokens, mask)
}

/// `count` drills from `seed` over the token ids `ids` (an empty `ids` gives none).
pub fn drills(seed: u64, count: usize, ids: &[u32]) -> Vec<(Vec<u32>, Vec<f32>)> {
    if ids.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    (0..count).map(|_| drill(&mut rng, ids)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drill_repeats_its_run_and_counts_only_the_predictable_tokens() {
        let ids: Vec<u32> = (10..50).collect();
        let all = drills(4, 50, &ids);
        assert_eq!(all.len(), 50);
        for (t, m) in &all {
            let n = t.len() / 2;
            assert!((RUN_TOKENS.0..=RUN_TOKENS.1).contains(&n));
            assert_eq!(t[..n], t[n..]);
            assert!(t.iter().all(|x| ids.contains(x)));
            assert_eq!(m.iter().sum::<f32>(), (n - 1) as f32);
            assert_eq!((m[n], m[n + 1], m[n - 1]), (0.0, 1.0, 0.0));
        }
        assert_eq!(drills(4, 50, &ids), all);
        assert!(drills(4, 5, &[]).is_empty());
    }
}
