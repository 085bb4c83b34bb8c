//! From token streams to training batches, as the seed text describes pretraining data:
//! each source's token stream is cut into blocks of T+1 tokens without regard to content (a
//! block's first T tokens are the inputs, its last T the targets, shifted by one), the blocks are
//! shuffled each epoch, and every batch row comes from a source drawn by its weight (a data
//! mixture). The last blocks of each source are held out for validation.

use serde::{Deserialize, Serialize};

use super::TrainError;
use super::forward::Batch;
use crate::rng::Rng;

/// One data source: its tokens, a loss weight per token (1 counts, 0 is context only — user
/// turns in SFT), and its share of the mixture.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub name: String,
    pub tokens: Vec<u32>,
    pub mask: Vec<f32>,
    pub weight: f64,
}

/// Where the batcher stands, for checkpoints.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BatcherState {
    pub rng: u64,
    /// Per source: epoch and position in that epoch's shuffled order.
    pub epochs: Vec<u64>,
    pub cursors: Vec<usize>,
}

/// Appends `doc` (tokens and mask) to `tokens`/`mask` so that it lies inside one of the
/// batcher's blocks (which start every `seq_len` tokens): when it does not fit into the rest of
/// the current block, the rest is filled with `pad` at mask 0 first. A document longer than a
/// block is appended as it is.
pub fn append_whole(
    tokens: &mut Vec<u32>,
    mask: &mut Vec<f32>,
    doc: (&[u32], &[f32]),
    seq_len: usize,
    pad: u32,
) {
    let used = tokens.len() % seq_len.max(1);
    if used > 0 && used + doc.0.len() > seq_len && doc.0.len() <= seq_len {
        let fill = seq_len - used;
        tokens.extend(std::iter::repeat_n(pad, fill));
        mask.extend(std::iter::repeat_n(0.0, fill));
    }
    tokens.extend_from_slice(doc.0);
    mask.extend_from_slice(doc.1);
}

/// Cuts sources into blocks and deals out batches.
#[derive(Debug, Clone)]
pub struct Batcher {
    sources: Vec<Source>,
    seq_len: usize,
    seed: u64,
    /// Per source: start offsets of its training blocks and of its validation blocks.
    train: Vec<Vec<usize>>,
    val: Vec<Vec<usize>>,
    /// Per source: the current epoch's order of training blocks.
    order: Vec<Vec<usize>>,
    rng: Rng,
    epochs: Vec<u64>,
    cursors: Vec<usize>,
}

impl Batcher {
    /// Blocks of `seq_len + 1` tokens; `val_fraction` of each source's blocks (at least one when
    /// it has two or more) are held out.
    pub fn new(
        sources: Vec<Source>,
        seq_len: usize,
        val_fraction: f64,
        seed: u64,
    ) -> Result<Batcher, TrainError> {
        if seq_len == 0 {
            return Err(TrainError::new("the sequence length must be at least 1"));
        }
        let mut train = Vec::new();
        let mut val = Vec::new();
        for s in &sources {
            if s.mask.len() != s.tokens.len() {
                return Err(TrainError::new(format!(
                    "source {}: one mask value per token is needed",
                    s.name
                )));
            }
            if !(s.weight >= 0.0 && s.weight.is_finite()) {
                return Err(TrainError::new(format!(
                    "source {}: the weight must be 0 or more",
                    s.name
                )));
            }
            let blocks: Vec<usize> = (0..)
                .map(|k| k * seq_len)
                .take_while(|&start| start + seq_len < s.tokens.len())
                .collect();
            let n_val = if blocks.len() >= 2 {
                ((blocks.len() as f64 * val_fraction).ceil() as usize).clamp(1, blocks.len() - 1)
            } else {
                0
            };
            let split = blocks.len() - n_val;
            train.push(blocks[..split].to_vec());
            val.push(blocks[split..].to_vec());
        }
        let usable: f64 = sources
            .iter()
            .zip(&train)
            .filter(|(_, t)| !t.is_empty())
            .map(|(s, _)| s.weight)
            .sum();
        if usable <= 0.0 {
            let total: usize = sources.iter().map(|s| s.tokens.len()).sum();
            return Err(TrainError::new(format!(
                "the text is too short: {total} tokens, but one training sequence needs {} (sequence length + 1)",
                seq_len + 1
            )));
        }
        let n = sources.len();
        let mut b = Batcher {
            sources,
            seq_len,
            seed,
            train,
            val,
            order: vec![Vec::new(); n],
            rng: Rng::new(seed),
            epochs: vec![0; n],
            cursors: vec![0; n],
        };
        for s in 0..n {
            b.order[s] = b.shuffled(s, 0);
        }
        Ok(b)
    }

    /// The training blocks of source `s` in epoch `epoch`'s order (a Fisher–Yates shuffle
    /// seeded by seed, source and epoch, so it can be rebuilt when resuming).
    fn shuffled(&self, s: usize, epoch: u64) -> Vec<usize> {
        let mut order = self.train[s].clone();
        let mut rng = Rng::new(
            self.seed ^ (s as u64 + 1).wrapping_mul(0x9E37_79B9) ^ epoch.wrapping_mul(0x85EB_CA6B),
        );
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        order
    }

    pub fn seq_len(&self) -> usize {
        self.seq_len
    }

    pub fn sources(&self) -> &[Source] {
        &self.sources
    }

    /// Changes the mixture: one weight (≥ 0) per source; at least one source with training
    /// blocks must keep a positive weight.
    pub fn set_weights(&mut self, weights: &[f64]) -> Result<(), TrainError> {
        if weights.len() != self.sources.len()
            || weights.iter().any(|w| !(*w >= 0.0 && w.is_finite()))
        {
            return Err(TrainError::new(
                "one weight of 0 or more per source is needed",
            ));
        }
        if !weights
            .iter()
            .zip(&self.train)
            .any(|(w, b)| *w > 0.0 && !b.is_empty())
        {
            return Err(TrainError::new(
                "at least one source must keep a share above 0",
            ));
        }
        for (s, w) in self.sources.iter_mut().zip(weights) {
            s.weight = *w;
        }
        Ok(())
    }

    /// Number of training blocks per source.
    pub fn train_blocks(&self) -> Vec<usize> {
        self.train.iter().map(Vec::len).collect()
    }

    /// The next batch of `rows` sequences.
    pub fn next_batch(&mut self, rows: usize) -> Batch {
        let t = self.seq_len;
        let mut batch = Batch {
            batch: rows,
            seq_len: t,
            inputs: Vec::with_capacity(rows * t),
            targets: Vec::with_capacity(rows * t),
            mask: Vec::with_capacity(rows * t),
        };
        let weights: Vec<f64> = self
            .sources
            .iter()
            .zip(&self.train)
            .map(|(s, b)| if b.is_empty() { 0.0 } else { s.weight })
            .collect();
        let total: f64 = weights.iter().sum();
        for _ in 0..rows {
            let mut u = self.rng.next_f64() * total;
            let mut s = weights.iter().position(|&w| w > 0.0).unwrap_or(0);
            for (i, &w) in weights.iter().enumerate() {
                if w > 0.0 && u < w {
                    s = i;
                    break;
                }
                u -= w;
            }
            if self.cursors[s] >= self.order[s].len() {
                self.epochs[s] += 1;
                self.cursors[s] = 0;
                self.order[s] = self.shuffled(s, self.epochs[s]);
            }
            let start = self.order[s][self.cursors[s]];
            self.cursors[s] += 1;
            self.push_block(&mut batch, s, start);
        }
        batch
    }

    fn push_block(&self, batch: &mut Batch, s: usize, start: usize) {
        let src = &self.sources[s];
        let t = self.seq_len;
        batch
            .inputs
            .extend_from_slice(&src.tokens[start..start + t]);
        batch
            .targets
            .extend_from_slice(&src.tokens[start + 1..start + t + 1]);
        batch
            .mask
            .extend_from_slice(&src.mask[start + 1..start + t + 1]);
    }

    /// The held-out blocks, in batches of at most `rows` (the same every time).
    pub fn validation(&self, rows: usize) -> Vec<Batch> {
        let blocks: Vec<(usize, usize)> = self
            .val
            .iter()
            .enumerate()
            .flat_map(|(s, v)| v.iter().map(move |&b| (s, b)))
            .collect();
        blocks
            .chunks(rows.max(1))
            .map(|chunk| {
                let mut batch = Batch {
                    batch: chunk.len(),
                    seq_len: self.seq_len,
                    inputs: vec![],
                    targets: vec![],
                    mask: vec![],
                };
                for &(s, start) in chunk {
                    self.push_block(&mut batch, s, start);
                }
                batch
            })
            .collect()
    }

    pub fn state(&self) -> BatcherState {
        BatcherState {
            rng: self.rng.state(),
            epochs: self.epochs.clone(),
            cursors: self.cursors.clone(),
        }
    }

    /// Continues from a saved state (same sources, sequence length and seed).
    pub fn restore(&mut self, state: &BatcherState) -> Result<(), TrainError> {
        if state.epochs.len() != self.sources.len() || state.cursors.len() != self.sources.len() {
            return Err(TrainError::new(
                "the checkpoint was made with other data sources",
            ));
        }
        self.rng = Rng::from_state(state.rng);
        self.epochs = state.epochs.clone();
        self.cursors = state.cursors.clone();
        for s in 0..self.sources.len() {
            self.order[s] = self.shuffled(s, self.epochs[s]);
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_documents_never_cross_a_block_start() {
        let (mut tokens, mut mask) = (Vec::new(), Vec::new());
        for len in [3usize, 4, 2, 6, 9] {
            let doc: Vec<u32> = (1..=len as u32).collect();
            append_whole(&mut tokens, &mut mask, (&doc, &vec![1.0; len]), 8, 0);
        }
        // 3 + 4, pad 1, then 2 + 6, then 9 (longer than a block) as it is.
        assert_eq!(
            tokens,
            [
                1, 2, 3, 1, 2, 3, 4, 0, 1, 2, 1, 2, 3, 4, 5, 6, 1, 2, 3, 4, 5, 6, 7, 8, 9
            ]
        );
        assert_eq!(mask[7], 0.0);
        assert_eq!(mask.len(), tokens.len());
    }

    fn source(name: &str, n: u32, weight: f64) -> Source {
        Source {
            name: name.into(),
            tokens: (0..n).collect(),
            mask: vec![1.0; n as usize],
            weight,
        }
    }

    #[test]
    fn blocks_are_shifted_by_one_and_cover_the_stream() {
        let mut b = Batcher::new(vec![source("a", 41, 1.0)], 4, 0.2, 1).unwrap();
        assert_eq!(b.train_blocks(), [8]);
        let mut starts = Vec::new();
        for _ in 0..8 {
            let batch = b.next_batch(1);
            assert_eq!(
                batch
                    .targets
                    .iter()
                    .zip(&batch.inputs)
                    .filter(|(t, i)| **t == **i + 1)
                    .count(),
                4
            );
            starts.push(batch.inputs[0]);
        }
        starts.sort();
        assert_eq!(starts, [0, 4, 8, 12, 16, 20, 24, 28]);
        let val = b.validation(8);
        assert_eq!(val[0].batch, 2);
        assert_eq!(val[0].inputs[0], 32);
    }

    #[test]
    fn mixture_follows_the_weights_and_resume_continues_exactly() {
        let mut other = source("b", 4001, 1.0);
        other.tokens.iter_mut().for_each(|t| *t += 10_000);
        let mut b = Batcher::new(vec![source("a", 4001, 3.0), other], 4, 0.0, 7).unwrap();
        let batch = b.next_batch(4000);
        let from_b = batch.inputs.chunks(4).filter(|c| c[0] >= 10_000).count();
        assert!(
            (900..1100).contains(&from_b),
            "{from_b} of 4000 rows from the source with weight 1 of 4"
        );
        let mut a = Batcher::new(
            vec![source("a", 4001, 3.0), source("b", 400, 1.0)],
            4,
            0.0,
            7,
        )
        .unwrap();
        a.next_batch(10);
        let state = a.state();
        let expected = a.next_batch(50);
        let mut c = Batcher::new(
            vec![source("a", 4001, 3.0), source("b", 400, 1.0)],
            4,
            0.0,
            7,
        )
        .unwrap();
        c.restore(&state).unwrap();
        assert_eq!(c.next_batch(50), expected);
    }

    #[test]
    fn too_little_text_is_named() {
        let e = Batcher::new(vec![source("a", 5, 1.0)], 8, 0.1, 1).unwrap_err();
        assert!(e.to_string().contains("too short: 5 tokens"), "{e}");
    }
}
