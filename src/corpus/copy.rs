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
//! a uniform guess); 1,000 steps more at 60 % drills moved it to 94 %: the pattern forms
//! suddenly, after a long plateau. It did not form in a later run from the retrieval model
//! (4,600 steps at 55–80 % drills, half of them recall drills, `copy_gap` 20 then 0): the
//! second run stayed at 1–6 %.

use crate::rng::Rng;

/// Shortest and longest run, in tokens.
pub const RUN_TOKENS: (usize, usize) = (6, 40);

/// Most tokens between a run and its copy, by default. A retrieved context puts the answer's
/// words up to ~150 tokens before the answer; copying learned only over short gaps does not
/// reach that far (measured: a model drilled without gaps copies 94 % after a gap of 30 tokens,
/// 0 % after 120). `lupe sft` takes another limit as `copy_gap`, to drill short gaps before
/// long ones.
pub const GAP_TOKENS: usize = 150;

/// One drill: `(tokens, mask)`: a run, a gap of 0 to `max_gap` other random tokens, the run
/// again. The mask counts the second run's tokens from its second on (its first one follows the
/// gap by chance). Tokens are drawn from `ids`.
pub fn drill(rng: &mut Rng, ids: &[u32], max_gap: usize) -> (Vec<u32>, Vec<f32>) {
    let n = RUN_TOKENS.0 + rng.below(RUN_TOKENS.1 - RUN_TOKENS.0 + 1);
    let gap = rng.below(max_gap + 1);
    let run: Vec<u32> = (0..n).map(|_| ids[rng.below(ids.len())]).collect();
    let between: Vec<u32> = (0..gap).map(|_| ids[rng.below(ids.len())]).collect();
    let tokens: Vec<u32> = run.iter().chain(&between).chain(&run).copied().collect();
    let mask = (0..2 * n + gap)
        .map(|i| f32::from(u8::from(i > n + gap)))
        .collect();
    (tokens, mask)
}

/// Tokens of a recall drill's cue: the first tokens of the repeated segment, not counted.
pub const CUE_TOKENS: usize = 2;

/// One recall drill: three to fourteen segments of 4–10 tokens from a small alphabet (12–31 of
/// `ids`), then one of the segments again. A token recurs in several segments, so the previous
/// token alone does not say where to copy from; the cue (its first [`CUE_TOKENS`]) and each
/// copied token do. That is what a retrieved context asks for: «Buslinie» stands in four
/// sentences, «Spital fährt die Buslinie» in one. The mask counts the copy after its cue.
pub fn recall_drill(rng: &mut Rng, ids: &[u32]) -> (Vec<u32>, Vec<f32>) {
    let alphabet: Vec<u32> = (0..12 + rng.below(20))
        .map(|_| ids[rng.below(ids.len())])
        .collect();
    let segments: Vec<Vec<u32>> = (0..3 + rng.below(12))
        .map(|_| {
            (0..4 + rng.below(7))
                .map(|_| alphabet[rng.below(alphabet.len())])
                .collect()
        })
        .collect();
    let again = &segments[rng.below(segments.len())];
    let mut tokens = segments.concat();
    let mut mask = vec![0.0; tokens.len()];
    tokens.extend(again);
    mask.extend((0..again.len()).map(|i| f32::from(u8::from(i >= CUE_TOKENS))));
    (tokens, mask)
}

/// `count` drills from `seed` over the token ids `ids`: plain ([`drill`], gaps up to `max_gap`)
/// and, with `recall`, recall drills ([`recall_drill`]) by turns (an empty `ids` gives none).
pub fn drills(
    seed: u64,
    count: usize,
    ids: &[u32],
    max_gap: usize,
    recall: bool,
) -> Vec<(Vec<u32>, Vec<f32>)> {
    if ids.is_empty() {
        return Vec::new();
    }
    let mut rng = Rng::new(seed);
    (0..count)
        .map(|i| {
            if !recall || i % 2 == 0 {
                drill(&mut rng, ids, max_gap)
            } else {
                recall_drill(&mut rng, ids)
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_drill_repeats_its_run_and_counts_only_the_predictable_tokens() {
        let ids: Vec<u32> = (10..50).collect();
        let all = drills(4, 50, &ids, GAP_TOKENS, true);
        assert_eq!(all.len(), 50);
        let mut gaps = Vec::new();
        for (t, m) in all.iter().step_by(2) {
            // The counted tokens are the copy's from its second on.
            let n = m.iter().filter(|&&x| x == 1.0).count() + 1;
            assert!((RUN_TOKENS.0..=RUN_TOKENS.1).contains(&n));
            let gap = t.len() - 2 * n;
            assert!(gap <= GAP_TOKENS);
            gaps.push(gap);
            assert_eq!(t[..n], t[n + gap..]);
            assert!(t.iter().all(|x| ids.contains(x)));
            let first = n + gap;
            assert_eq!((m[first], m[first + 1], m[first - 1]), (0.0, 1.0, 0.0));
        }
        assert!(gaps.iter().any(|&g| g > GAP_TOKENS / 2) && gaps.iter().any(|&g| g < 30));
        assert_eq!(drills(4, 50, &ids, GAP_TOKENS, true), all);
        let short = drills(4, 50, &ids, 5, true);
        assert!(
            short
                .iter()
                .step_by(2)
                .all(|(t, _)| t.len() <= 2 * RUN_TOKENS.1 + 5)
        );
        for (t, m) in all.iter().skip(1).step_by(2) {
            // The last segment repeated: its cue uncounted, the rest counted.
            let counted = m.iter().filter(|&&x| x == 1.0).count();
            let n = counted + CUE_TOKENS;
            assert!((4..=10).contains(&n), "{n}");
            let (context, copy) = t.split_at(t.len() - n);
            assert!(context.windows(n).any(|w| w == copy));
            assert!(m[..t.len() - n + CUE_TOKENS].iter().all(|&x| x == 0.0));
            assert!(m[t.len() - n + CUE_TOKENS..].iter().all(|&x| x == 1.0));
            assert!(t.iter().all(|x| ids.contains(x)));
        }
        assert!(drills(4, 5, &[], GAP_TOKENS, true).is_empty());
        // Without recall drills every drill is a plain one: a run and its copy.
        for (t, m) in drills(4, 20, &ids, 0, false) {
            let n = m.iter().filter(|&&x| x == 1.0).count() + 1;
            assert_eq!((t.len(), t[..n] == t[n..]), (2 * n, true));
        }
    }
}
