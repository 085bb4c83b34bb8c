//! Keyword search with BM25, the classic ranking of search engines: a chunk scores for every
//! query word it contains, more for rare words (inverse document frequency) and less when the
//! chunk is long:
//!
//! `score(q, c) = Σ_{w ∈ q} idf(w) · f(w, c)·(k₁ + 1) / (f(w, c) + k₁·(1 − b + b·|c| / avgdl))`,
//! `idf(w) = ln(1 + (N − n(w) + 0.5) / (n(w) + 0.5))`, with k₁ = 1.5, b = 0.75.

use std::collections::HashMap;

const K1: f32 = 1.5;
const B: f32 = 0.75;

/// Words too common to tell texts apart (articles, pronouns, prepositions, question words, modal
/// and light verbs such as «möchte», "want", "get"), German and English: search engines leave
/// such "stop words" out, so that a question shares only words that say something with a chunk
/// ("I want to get into …" must not match "… charges 12 francs to get in").
const STOP_WORDS: &[&str] = &[
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und",
    "oder", "in", "im", "ins", "am", "an", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu",
    "zum", "zur", "für", "ist", "sind", "wird", "hat", "haben", "ich", "du", "er", "sie", "es",
    "wir", "ihr", "man", "mir", "mich", "wann", "wo", "wer", "was", "wie", "welche", "welcher",
    "welches", "welchem", "welchen", "um", "ab", "bitte", "kann", "darf", "muss", "soll", "gibt",
    "nicht", "etwas", "the", "a", "and", "or", "of", "on", "at", "to", "for", "from", "by", "with",
    "is", "are", "be", "can", "do", "does", "i", "you", "he", "she", "it", "we", "they", "me",
    "my", "what", "when", "where", "who", "which", "how", "please", "not", "there", "any",
    "anything", "this", "that", "möchte", "will", "wollen", "können", "bin", "sein", "uns", "dich",
    "dir", "mein", "meine", "sich", "auch", "noch", "hier", "dort", "geht", "gehen", "into",
    "would", "should", "may", "must", "have", "has", "your", "our", "us", "here", "also", "want",
    "need", "get", "go",
];

/// Lower-cased words (letters and digits) without stop words, the unit of keyword search.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// The index: word counts per chunk and document frequencies.
pub struct Bm25 {
    docs: Vec<HashMap<String, f32>>,
    lengths: Vec<f32>,
    df: HashMap<String, f32>,
    avgdl: f32,
}

impl Bm25 {
    pub fn new(texts: &[&str]) -> Bm25 {
        let mut df: HashMap<String, f32> = HashMap::new();
        let mut docs = Vec::new();
        let mut lengths = Vec::new();
        for t in texts {
            let ws = words(t);
            lengths.push(ws.len() as f32);
            let mut counts: HashMap<String, f32> = HashMap::new();
            for w in ws {
                *counts.entry(w).or_default() += 1.0;
            }
            for w in counts.keys() {
                *df.entry(w.clone()).or_default() += 1.0;
            }
            docs.push(counts);
        }
        let avgdl = lengths.iter().sum::<f32>() / lengths.len().max(1) as f32;
        Bm25 {
            docs,
            lengths,
            df,
            avgdl: avgdl.max(1.0),
        }
    }

    /// The `k` best chunks with a score above 0, best first: `(index, score)`. Empty when no
    /// chunk shares a word with the query.
    pub fn search(&self, query: &str, k: usize) -> Vec<(usize, f32)> {
        let n = self.docs.len() as f32;
        let q = words(query);
        let mut scores: Vec<(usize, f32)> = self
            .docs
            .iter()
            .enumerate()
            .map(|(i, doc)| {
                let s = q
                    .iter()
                    .filter_map(|w| {
                        let f = *doc.get(w)?;
                        let nw = self.df.get(w).copied().unwrap_or(0.0);
                        let idf = (1.0 + (n - nw + 0.5) / (nw + 0.5)).ln();
                        let norm = K1 * (1.0 - B + B * self.lengths[i] / self.avgdl);
                        Some(idf * f * (K1 + 1.0) / (f + norm))
                    })
                    .sum::<f32>();
                (i, s)
            })
            .filter(|&(_, s)| s > 0.0)
            .collect();
        scores.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        scores.truncate(k);
        scores
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rare_words_count_more_and_no_shared_word_gives_nothing() {
        let index = Bm25::new(&[
            "the library opens at eight",
            "the gym opens at nine",
            "the the the",
        ]);
        let hits = index.search("When does the library open?", 3);
        assert_eq!(hits[0].0, 0);
        assert!(hits.iter().all(|h| h.1 > 0.0));
        assert_eq!(index.search("Zürich!", 3), vec![]);
        assert_eq!(words("Grüße, Zürich 12"), ["grüße", "zürich", "12"]);
        // Stop words say nothing about a chunk: a question of only stop words matches none.
        assert_eq!(
            words("Wann ist die Bibliothek offen?"),
            ["bibliothek", "offen"]
        );
        assert_eq!(index.search("When is it?", 3), vec![]);
    }
}
