//! Learning a BPE vocabulary, one recorded merge at a time.
//!
//! 1. The corpus is pre-tokenized and identical pieces ("words") are counted.
//! 2. Every word starts as single symbols: its bytes (byte-level, 256 base tokens), or its
//!    characters plus `</w>` (the classic word-level mode of the seed text).
//! 3. Each [`Trainer::step`] takes the most frequent adjacent pair — ties go to the pair with
//!    the smaller left id, then the smaller right id — adds it to the vocabulary as a new token,
//!    and rewrites the words that contain it, left to right.
//!
//! Pair counts are kept up to date incrementally: a step only revisits the words that hold the
//! merged pair (an index from pair to words) and applies the change in counts; a max-heap with
//! lazy deletion finds the next pair.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::pretokenize::{gpt2_split, whitespace_split};
use super::{END_OF_WORD, Special, Tokenizer, TokenizerError, UNKNOWN};

/// One learned merge, as the UI replays it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TrainStep {
    /// 0 for the first merge.
    pub rank: u32,
    pub left: u32,
    pub right: u32,
    /// How often the pair occurred in the corpus when it was chosen.
    pub count: u64,
    /// The new token's id and bytes.
    pub merged: u32,
    pub bytes: Vec<u8>,
}

/// An adjacent pair and how often it occurs, for showing the count table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PairCount {
    pub left: u32,
    pub right: u32,
    pub count: u64,
}

/// Which BPE to learn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// GPT-2's byte-level BPE.
    ByteLevel,
    /// Characters plus `</w>`, words split at whitespace.
    WordLevel,
}

/// A training run in progress.
#[derive(Debug, Clone)]
pub struct Trainer {
    mode: Mode,
    vocab: Vec<Vec<u8>>,
    merges: Vec<(u32, u32)>,
    /// Distinct words in order of first appearance, as current symbols, with their counts.
    words: Vec<Vec<u32>>,
    counts: Vec<u64>,
    pair_counts: FxHashMap<(u32, u32), u64>,
    /// Pair → words that held it when it was last counted (may list a word twice or stale).
    holders: FxHashMap<(u32, u32), Vec<u32>>,
    heap: BinaryHeap<(u64, Reverse<(u32, u32)>)>,
}

impl Trainer {
    /// Prepares training on `documents`.
    pub fn new(mode: Mode, documents: &[&str]) -> Trainer {
        // Count pieces, keeping the order of first appearance.
        let mut order: FxHashMap<&str, usize> = FxHashMap::default();
        let mut pieces: Vec<(&str, u64)> = Vec::new();
        for doc in documents {
            let ranges = match mode {
                Mode::ByteLevel => gpt2_split(doc),
                Mode::WordLevel => whitespace_split(doc),
            };
            for r in ranges {
                let piece = &doc[r];
                let slot = *order.entry(piece).or_insert_with(|| {
                    pieces.push((piece, 0));
                    pieces.len() - 1
                });
                pieces[slot].1 += 1;
            }
        }
        let (vocab, words) = match mode {
            Mode::ByteLevel => {
                let vocab = (0..=255u8).map(|b| vec![b]).collect();
                let words = pieces
                    .iter()
                    .map(|(p, _)| p.bytes().map(u32::from).collect())
                    .collect();
                (vocab, words)
            }
            Mode::WordLevel => {
                let mut alphabet: Vec<char> = pieces.iter().flat_map(|(p, _)| p.chars()).collect();
                alphabet.sort_unstable();
                alphabet.dedup();
                let mut vocab: Vec<Vec<u8>> = alphabet
                    .iter()
                    .map(|c| c.to_string().into_bytes())
                    .collect();
                let eow = vocab.len() as u32;
                vocab.push(END_OF_WORD.as_bytes().to_vec());
                vocab.push(UNKNOWN.as_bytes().to_vec());
                let words = pieces
                    .iter()
                    .map(|(p, _)| {
                        p.chars()
                            .map(|c| alphabet.binary_search(&c).expect("in alphabet") as u32)
                            .chain(std::iter::once(eow))
                            .collect()
                    })
                    .collect();
                (vocab, words)
            }
        };
        let counts = pieces.iter().map(|&(_, c)| c).collect();
        let mut trainer = Trainer {
            mode,
            vocab,
            merges: Vec::new(),
            words,
            counts,
            pair_counts: FxHashMap::default(),
            holders: FxHashMap::default(),
            heap: BinaryHeap::new(),
        };
        for (w, word) in trainer.words.iter().enumerate() {
            for p in word.windows(2) {
                let pair = (p[0], p[1]);
                *trainer.pair_counts.entry(pair).or_default() += trainer.counts[w];
                trainer.holders.entry(pair).or_default().push(w as u32);
            }
        }
        trainer.heap = trainer
            .pair_counts
            .iter()
            .map(|(&pair, &count)| (count, Reverse(pair)))
            .collect();
        trainer
    }

    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The vocabulary so far (base symbols, then one token per step).
    pub fn vocab(&self) -> &[Vec<u8>] {
        &self.vocab
    }

    /// How many symbols the distinct words hold now (each merge removes at least one).
    pub fn symbols(&self) -> usize {
        self.words.iter().map(Vec::len).sum()
    }

    /// The distinct words as their current symbols, with how often each occurs.
    pub fn words(&self) -> impl Iterator<Item = (&[u32], u64)> {
        self.words
            .iter()
            .map(Vec::as_slice)
            .zip(self.counts.iter().copied())
    }

    /// All adjacent pairs with their counts, in the order the next step would choose them.
    pub fn pair_counts(&self) -> Vec<PairCount> {
        let mut v: Vec<PairCount> = self
            .pair_counts
            .iter()
            .map(|(&(left, right), &count)| PairCount { left, right, count })
            .collect();
        v.sort_unstable_by_key(|p| (Reverse(p.count), p.left, p.right));
        v
    }

    /// Learns one merge; `None` when no adjacent pair is left.
    pub fn step(&mut self) -> Option<TrainStep> {
        let (count, (left, right)) = loop {
            let (count, Reverse(pair)) = self.heap.pop()?;
            if self.pair_counts.get(&pair) == Some(&count) {
                break (count, pair);
            }
        };
        let merged = self.vocab.len() as u32;
        let mut bytes = self.vocab[left as usize].clone();
        bytes.extend_from_slice(&self.vocab[right as usize]);
        self.vocab.push(bytes.clone());
        self.merges.push((left, right));

        let mut delta: FxHashMap<(u32, u32), i64> = FxHashMap::default();
        let mut holders = self.holders.remove(&(left, right)).unwrap_or_default();
        holders.sort_unstable();
        holders.dedup();
        for w in holders {
            let word = &self.words[w as usize];
            if !word.windows(2).any(|p| p[0] == left && p[1] == right) {
                continue;
            }
            let c = self.counts[w as usize] as i64;
            for p in word.windows(2) {
                *delta.entry((p[0], p[1])).or_default() -= c;
            }
            let mut rewritten = Vec::with_capacity(word.len());
            let mut i = 0;
            while i < word.len() {
                if i + 1 < word.len() && word[i] == left && word[i + 1] == right {
                    rewritten.push(merged);
                    i += 2;
                } else {
                    rewritten.push(word[i]);
                    i += 1;
                }
            }
            for p in rewritten.windows(2) {
                let pair = (p[0], p[1]);
                *delta.entry(pair).or_default() += c;
                if pair.0 == merged || pair.1 == merged {
                    self.holders.entry(pair).or_default().push(w);
                }
            }
            self.words[w as usize] = rewritten;
        }
        for (pair, d) in delta {
            if d == 0 {
                continue;
            }
            let entry = self.pair_counts.entry(pair).or_default();
            *entry = (*entry as i64 + d).max(0) as u64;
            let now = *entry;
            if now == 0 {
                self.pair_counts.remove(&pair);
            } else {
                self.heap.push((now, Reverse(pair)));
            }
        }
        Some(TrainStep {
            rank: self.merges.len() as u32 - 1,
            left,
            right,
            count,
            merged,
            bytes,
        })
    }

    /// The tokenizer learned so far, with `specials` appended to the vocabulary.
    pub fn finish(&self, specials: &[&str]) -> Result<Tokenizer, TokenizerError> {
        let mut vocab = self.vocab.clone();
        let mut list = Vec::new();
        for &content in specials {
            list.push(Special {
                content: content.to_string(),
                id: vocab.len() as u32,
            });
            vocab.push(content.as_bytes().to_vec());
        }
        match self.mode {
            Mode::ByteLevel => Tokenizer::byte_level(vocab, self.merges.clone(), list),
            Mode::WordLevel => Tokenizer::word_level(vocab, self.merges.clone(), list),
        }
    }
}

/// The largest vocabulary [`train`] learns (GPT-4's has about 100,000 tokens).
pub const MAX_VOCAB: usize = 1 << 20;

/// Trains a tokenizer with `vocab_size` tokens in all (base symbols, merges and `specials`) and
/// returns it with every step. Stops early, with a smaller vocabulary, when the corpus has no
/// pair left to merge.
pub fn train(
    mode: Mode,
    documents: &[&str],
    vocab_size: usize,
    specials: &[&str],
) -> Result<(Tokenizer, Vec<TrainStep>), TokenizerError> {
    let mut trainer = Trainer::new(mode, documents);
    let base = trainer.vocab().len() + specials.len();
    if vocab_size < base {
        return Err(TokenizerError::new(format!(
            "a vocabulary of {vocab_size} is too small: the base symbols and special tokens \
             alone are {base}"
        )));
    }
    if vocab_size > MAX_VOCAB {
        return Err(TokenizerError::new(format!(
            "a vocabulary of {vocab_size} is implausibly large: Lupe learns at most {MAX_VOCAB} tokens"
        )));
    }
    // Each merge joins two symbols of the text: there cannot be more merges than symbols, so
    // the text bounds what is reserved, not the number asked for.
    let mut steps = Vec::with_capacity((vocab_size - base).min(trainer.symbols()));
    while trainer.vocab().len() + specials.len() < vocab_size {
        match trainer.step() {
            Some(step) => steps.push(step),
            None => break,
        }
    }
    Ok((trainer.finish(specials)?, steps))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &Trainer, ids: &[u32]) -> String {
        ids.iter()
            .map(|&id| String::from_utf8_lossy(&t.vocab()[id as usize]).into_owned())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The seed text's example, exactly: "low lower lowest".
    #[test]
    fn seed_example_word_level() {
        let mut t = Trainer::new(Mode::WordLevel, &["low lower lowest"]);
        let words: Vec<String> = t.words().map(|(w, _)| text(&t, w)).collect();
        assert_eq!(words, ["l o w </w>", "l o w e r </w>", "l o w e s t </w>"]);
        // Pairs in "low": l o, o w, w </w>; "l o" and "o w" both occur three times.
        let counts = t.pair_counts();
        let show = |p: &PairCount| {
            format!(
                "{} {}={}",
                text(&t, &[p.left]),
                text(&t, &[p.right]),
                p.count
            )
        };
        assert_eq!(show(&counts[0]), "l o=3");
        assert_eq!(show(&counts[1]), "o w=3");
        assert_eq!(counts.len(), 9);

        let first = t.step().unwrap();
        assert_eq!(String::from_utf8_lossy(&first.bytes), "lo");
        assert_eq!(first.count, 3);
        let words: Vec<String> = t.words().map(|(w, _)| text(&t, w)).collect();
        assert_eq!(words, ["lo w </w>", "lo w e r </w>", "lo w e s t </w>"]);
        assert_eq!(String::from_utf8_lossy(&t.step().unwrap().bytes), "low");
        assert_eq!(String::from_utf8_lossy(&t.step().unwrap().bytes), "lowe");
    }

    #[test]
    fn byte_level_training_is_recorded_and_deterministic() {
        let corpus = ["the cat and the hat and the bat", "thethe"];
        let (tok, steps) =
            train(Mode::ByteLevel, &corpus, 256 + 10 + 1, &["<|endoftext|>"]).unwrap();
        assert_eq!(steps.len(), 10);
        assert_eq!(tok.vocab_size(), 267);
        assert_eq!(steps[0].rank, 0);
        assert_eq!(steps[0].merged, 256);
        // "he" appears 5 times ("the" ×3 + "thethe"), " t" …; the top pair is counted right.
        let (again, steps2) = train(Mode::ByteLevel, &corpus, 267, &["<|endoftext|>"]).unwrap();
        assert_eq!(steps, steps2);
        assert_eq!(again.encode("the hat"), tok.encode("the hat"));
        for s in &steps {
            assert!(s.count >= 1);
        }
        // Counts never increase from one step to the next on this corpus's first merges.
        assert!(steps[0].count >= steps[1].count);
        let text = "the cat and the hat";
        assert_eq!(tok.decode(&tok.encode(text)).unwrap(), text);
        assert!(tok.encode(text).len() < text.len());
        assert_eq!(tok.special_id("<|endoftext|>"), Some(266));
    }

    #[test]
    fn incremental_counts_equal_a_recount() {
        let corpus = ["aaaa abab aaab baaa", "hello hello help helper"];
        let mut t = Trainer::new(Mode::ByteLevel, &corpus);
        for _ in 0..12 {
            if t.step().is_none() {
                break;
            }
            let mut recount: FxHashMap<(u32, u32), u64> = FxHashMap::default();
            for (w, c) in t.words() {
                for p in w.windows(2) {
                    *recount.entry((p[0], p[1])).or_default() += c;
                }
            }
            assert_eq!(recount, t.pair_counts);
        }
    }

    #[test]
    fn too_small_or_empty() {
        assert!(train(Mode::ByteLevel, &["abc"], 100, &[]).is_err());
        let (tok, steps) = train(Mode::ByteLevel, &[""], 300, &[]).unwrap();
        assert!(steps.is_empty());
        assert_eq!(tok.vocab_size(), 256);
    }

    #[test]
    fn word_level_encodes_unknown_characters() {
        let (tok, _) = train(Mode::WordLevel, &["low lower lowest"], 20, &[]).unwrap();
        let ids = tok.encode("lowest xyz");
        let labels: Vec<String> = ids.iter().map(|&i| tok.token_view(i).label).collect();
        assert!(labels.contains(&"<unk>".to_string()), "{labels:?}");
        assert_eq!(tok.decode(&tok.encode("low lower")).unwrap(), "low lower");
    }
}
