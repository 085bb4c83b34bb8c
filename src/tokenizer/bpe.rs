//! The BPE model: a vocabulary (id → bytes) and a ranked list of merges. Encoding a piece starts
//! from its single symbols and repeatedly merges the adjacent pair with the lowest rank (the
//! merge learned first); equal ranks go left to right. This is GPT-2's rule, and Hugging Face's.
//!
//! The merge loop keeps the symbols in a linked list and the candidate pairs in a min-heap, so a
//! piece of n symbols takes O(n log n), even a 1 MB run of one letter.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::TokenizerError;

/// A merge as learned: `left` + `right` → `merged`, with its rank (0 = learned first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Merge {
    pub rank: u32,
    pub merged: u32,
}

/// One merge applied while encoding a piece.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeStep {
    pub rank: u32,
    pub left: u32,
    pub right: u32,
    pub merged: u32,
    /// Index of `left` among the piece's symbols just before this merge.
    pub position: usize,
}

/// Vocabulary and merges.
#[derive(Debug, Clone)]
pub struct Bpe {
    /// id → the token's bytes.
    vocab: Vec<Vec<u8>>,
    /// bytes → id, for the tokens that merges can produce or that are single symbols.
    index: FxHashMap<Vec<u8>, u32>,
    /// (left, right) → rank and merged id.
    merges: FxHashMap<(u32, u32), Merge>,
    /// The merges in rank order.
    merge_list: Vec<(u32, u32)>,
}

impl Bpe {
    /// Builds the model. Each merge's result must be in the vocabulary under the concatenated
    /// bytes of its two parts; a merge naming an unknown id, or listed twice, is an error.
    pub fn new(vocab: Vec<Vec<u8>>, merge_list: Vec<(u32, u32)>) -> Result<Bpe, TokenizerError> {
        let mut index = FxHashMap::default();
        index.reserve(vocab.len());
        for (id, bytes) in vocab.iter().enumerate() {
            // The first id wins if two tokens share bytes (a special token spelled like text).
            index.entry(bytes.clone()).or_insert(id as u32);
        }
        let mut merges = FxHashMap::default();
        merges.reserve(merge_list.len());
        for (rank, &(left, right)) in merge_list.iter().enumerate() {
            let part = |id: u32| {
                vocab.get(id as usize).ok_or_else(|| {
                    TokenizerError::new(format!(
                        "merge {rank} names token id {id}, but the vocabulary has {} tokens",
                        vocab.len()
                    ))
                })
            };
            let mut joined = part(left)?.clone();
            joined.extend_from_slice(part(right)?);
            let merged = *index.get(&joined).ok_or_else(|| {
                TokenizerError::new(format!(
                    "merge {rank} ({} + {}) makes {:?}, which is not in the vocabulary",
                    show(&vocab[left as usize]),
                    show(&vocab[right as usize]),
                    String::from_utf8_lossy(&joined)
                ))
            })?;
            let merge = Merge {
                rank: rank as u32,
                merged,
            };
            if merges.insert((left, right), merge).is_some() {
                return Err(TokenizerError::new(format!(
                    "merge {rank} ({} + {}) is listed twice",
                    show(&vocab[left as usize]),
                    show(&vocab[right as usize])
                )));
            }
        }
        Ok(Bpe {
            vocab,
            index,
            merges,
            merge_list,
        })
    }

    pub fn vocab(&self) -> &[Vec<u8>] {
        &self.vocab
    }

    pub fn merge_list(&self) -> &[(u32, u32)] {
        &self.merge_list
    }

    /// The id of the token with exactly these bytes.
    pub fn id_of(&self, bytes: &[u8]) -> Option<u32> {
        self.index.get(bytes).copied()
    }

    /// Merges `symbols` by rank until no merge applies; records each step in `trace` if given.
    ///
    /// Shapes: `symbols`: `[n]` ids → `[m]` ids, m ≤ n. O(n log n).
    pub fn merge(&self, symbols: Vec<u32>, mut trace: Option<&mut Vec<MergeStep>>) -> Vec<u32> {
        let n = symbols.len();
        if n < 2 || self.merges.is_empty() {
            return symbols;
        }
        const NONE: usize = usize::MAX;
        let mut ids = symbols;
        let mut next: Vec<usize> = (1..=n).map(|i| if i < n { i } else { NONE }).collect();
        let mut prev: Vec<usize> = (0..n).map(|i| i.wrapping_sub(1)).collect();
        prev[0] = NONE;
        let mut alive = vec![true; n];
        // Counts live symbols before a position in O(log n), for the trace's positions.
        let mut live = trace.is_some().then(|| Fenwick::ones(n));
        // (rank, position of the left symbol, left id, right id), smallest first.
        let mut heap = BinaryHeap::with_capacity(n);
        for i in 0..n - 1 {
            if let Some(m) = self.merges.get(&(ids[i], ids[i + 1])) {
                heap.push(Reverse((m.rank, i, ids[i], ids[i + 1])));
            }
        }
        while let Some(Reverse((rank, i, left, right))) = heap.pop() {
            let j = next[i];
            // Stale entry: a symbol of this pair has been merged since it was queued.
            if !alive[i] || ids[i] != left || j == NONE || ids[j] != right {
                continue;
            }
            let merged = self.merges[&(left, right)].merged;
            if let (Some(trace), Some(live)) = (trace.as_deref_mut(), live.as_mut()) {
                let position = live.prefix(i);
                live.remove(j);
                trace.push(MergeStep {
                    rank,
                    left,
                    right,
                    merged,
                    position,
                });
            }
            ids[i] = merged;
            alive[j] = false;
            next[i] = next[j];
            if next[j] != NONE {
                prev[next[j]] = i;
            }
            if prev[i] != NONE {
                let p = prev[i];
                if let Some(m) = self.merges.get(&(ids[p], merged)) {
                    heap.push(Reverse((m.rank, p, ids[p], merged)));
                }
            }
            if next[i] != NONE {
                let q = next[i];
                if let Some(m) = self.merges.get(&(merged, ids[q])) {
                    heap.push(Reverse((m.rank, i, merged, ids[q])));
                }
            }
        }
        ids.into_iter()
            .zip(alive)
            .filter_map(|(id, a)| a.then_some(id))
            .collect()
    }
}

/// A Fenwick tree over 0/1 flags: how many symbols before position i are still alive.
struct Fenwick(Vec<u32>);

impl Fenwick {
    fn ones(n: usize) -> Fenwick {
        let mut t = vec![0u32; n + 1];
        for i in 1..=n {
            t[i] += 1;
            let j = i + (i & i.wrapping_neg());
            if j <= n {
                t[j] += t[i];
            }
        }
        Fenwick(t)
    }

    /// Number of live positions in `0..i`.
    fn prefix(&self, i: usize) -> usize {
        let (mut i, mut sum) = (i, 0u32);
        while i > 0 {
            sum += self.0[i];
            i &= i - 1;
        }
        sum as usize
    }

    fn remove(&mut self, i: usize) {
        let mut i = i + 1;
        while i < self.0.len() {
            self.0[i] -= 1;
            i += i & i.wrapping_neg();
        }
    }
}

/// A token's bytes for error messages: text where it is UTF-8, hex bytes otherwise.
pub(crate) fn show(bytes: &[u8]) -> String {
    match std::str::from_utf8(bytes) {
        Ok(s) => format!("{s:?}"),
        Err(_) => bytes.iter().map(|b| format!("<{b:02X}>")).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes a, b, c as ids 0, 1, 2; merges ab (rank 0), abc (rank 1), bc (rank 2).
    fn toy() -> Bpe {
        let vocab = ["a", "b", "c", "ab", "abc", "bc"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect();
        Bpe::new(vocab, vec![(0, 1), (3, 2), (1, 2)]).unwrap()
    }

    #[test]
    fn merges_by_rank_and_traces_each_step() {
        let bpe = toy();
        let mut trace = Vec::new();
        assert_eq!(bpe.merge(vec![0, 1, 2], Some(&mut trace)), vec![4]);
        assert_eq!(
            trace,
            vec![
                MergeStep {
                    rank: 0,
                    left: 0,
                    right: 1,
                    merged: 3,
                    position: 0
                },
                MergeStep {
                    rank: 1,
                    left: 3,
                    right: 2,
                    merged: 4,
                    position: 0
                },
            ]
        );
        // "cbc": only bc applies.
        assert_eq!(bpe.merge(vec![2, 1, 2], None), vec![2, 5]);
        assert_eq!(bpe.merge(vec![], None), Vec::<u32>::new());
        assert_eq!(bpe.merge(vec![1], None), vec![1]);
    }

    #[test]
    fn equal_ranks_go_left_to_right() {
        let vocab = ["a", "aa"].iter().map(|s| s.as_bytes().to_vec()).collect();
        let bpe = Bpe::new(vocab, vec![(0, 0)]).unwrap();
        let mut trace = Vec::new();
        assert_eq!(bpe.merge(vec![0, 0, 0], Some(&mut trace)), vec![1, 0]);
        assert_eq!(trace[0].position, 0);
        assert_eq!(bpe.merge(vec![0; 5], None), vec![1, 1, 0]);
    }

    #[test]
    fn long_runs_are_not_quadratic() {
        // a, aa, aaaa, … up to 2^10: one million symbols must merge quickly.
        let mut vocab = vec![b"a".to_vec()];
        let mut merges = Vec::new();
        for k in 1..=10 {
            vocab.push(vec![b'a'; 1 << k]);
            merges.push((k - 1, k - 1));
        }
        let bpe = Bpe::new(vocab, merges).unwrap();
        let out = bpe.merge(vec![0; 1 << 20], None);
        assert_eq!(out, vec![10; 1 << 10]);
    }

    #[test]
    fn bad_merges_are_named() {
        let vocab = ["a", "b"]
            .iter()
            .map(|s| s.as_bytes().to_vec())
            .collect::<Vec<_>>();
        let err = Bpe::new(vocab.clone(), vec![(0, 1)]).unwrap_err();
        assert!(
            err.to_string()
                .contains("\"ab\", which is not in the vocabulary"),
            "{err}"
        );
        let err = Bpe::new(vocab, vec![(0, 7)]).unwrap_err();
        assert!(err.to_string().contains("token id 7"), "{err}");
    }
}
