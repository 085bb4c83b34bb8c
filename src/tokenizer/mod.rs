//! The tokenizer: text → token ids → text, as a pipeline
//!
//! 1. special tokens (`<|endoftext|>`, role markers) are cut out, when the caller allows them;
//! 2. the [pre-tokenizer](pretokenize) cuts the rest into pieces;
//! 3. the [BPE model](bpe) turns each piece into its single symbols (bytes, or characters plus
//!    `</w>` in the classic word-level mode) and merges them by rank;
//! 4. the decoder turns ids back into bytes and text.
//!
//! [`train`] learns a vocabulary and its merges, recording every step; [`formats`] reads and
//! writes Hugging Face's `tokenizer.json` and GPT-2's `vocab.json` + `merges.txt`; [`greedy`] is
//! the simpler longest-match split, for comparison.

pub mod bpe;
pub mod bytes;
pub mod formats;
pub mod greedy;
pub mod pretokenize;
pub mod train;

use std::fmt;

use serde::Serialize;

use bpe::{Bpe, MergeStep};

/// Something wrong with a tokenizer file, an id or the input, described for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TokenizerError {
    pub message: String,
}

impl TokenizerError {
    pub fn new(message: impl Into<String>) -> TokenizerError {
        TokenizerError {
            message: message.into(),
        }
    }
}

impl fmt::Display for TokenizerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for TokenizerError {}

/// How text becomes the first symbols of a piece.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Alphabet {
    /// GPT-2's byte-level BPE: every UTF-8 byte is a symbol, so no text is ever unknown.
    /// `byte_ids[b]` is the id of the token for byte `b`.
    Bytes { byte_ids: Box<[u32; 256]> },
    /// The classic word-level BPE of the seed text: words split at whitespace, each word into
    /// its characters plus an end-of-word symbol `</w>`; a character outside the alphabet
    /// becomes `unk`.
    Chars { end_of_word: u32, unk: u32 },
}

/// A special token: recognised in text only when the caller allows it, never merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Special {
    pub content: String,
    pub id: u32,
}

/// The marker that ends a word in the classic word-level mode.
pub const END_OF_WORD: &str = "</w>";
/// The token for characters outside a word-level alphabet.
pub const UNKNOWN: &str = "<unk>";

/// A tokenizer: pre-tokenizer, BPE model and decoder.
#[derive(Debug, Clone)]
pub struct Tokenizer {
    bpe: Bpe,
    alphabet: Alphabet,
    specials: Vec<Special>,
    is_special: Vec<bool>,
    /// `whole[id]`: merging the bytes of token `id` gives exactly `id`, so a piece equal to it
    /// may skip the merge loop (byte-level only; checked once when the tokenizer is built).
    whole: Vec<bool>,
}

/// How one token looks: its bytes, and its text when those bytes are valid UTF-8 on their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TokenView {
    pub id: u32,
    pub bytes: Vec<u8>,
    /// The token's text, if its bytes are valid UTF-8 by themselves.
    pub text: Option<String>,
    /// What to show: the text, or the bytes as `<F0><9F>` when a character is split across
    /// tokens.
    pub label: String,
    pub special: bool,
}

/// What encoding did to one piece of the input.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PieceTrace {
    /// Byte range of the piece in the input.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub special: bool,
    /// The symbols before any merge (bytes, or characters plus `</w>`).
    pub symbols: Vec<u32>,
    /// The merges in the order they were applied.
    pub steps: Vec<MergeStep>,
    /// The piece's final tokens.
    pub tokens: Vec<u32>,
}

/// A token's text made visible: spaces as ␣, newlines as ↵, tabs as ⇥.
pub fn visible(label: &str) -> String {
    label
        .replace(' ', "␣")
        .replace('\n', "↵")
        .replace('\t', "⇥")
}

/// An encoding with everything needed to replay it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EncodeTrace {
    pub ids: Vec<u32>,
    pub tokens: Vec<TokenView>,
    pub pieces: Vec<PieceTrace>,
}

impl Tokenizer {
    /// A byte-level tokenizer. The vocabulary must hold a token for each of the 256 bytes;
    /// specials are ids into the vocabulary whose bytes are their content.
    pub fn byte_level(
        vocab: Vec<Vec<u8>>,
        merges: Vec<(u32, u32)>,
        specials: Vec<Special>,
    ) -> Result<Tokenizer, TokenizerError> {
        let bpe = Bpe::new(vocab, merges)?;
        let mut byte_ids = [0u32; 256];
        for (b, slot) in byte_ids.iter_mut().enumerate() {
            *slot = bpe.id_of(&[b as u8]).ok_or_else(|| {
                TokenizerError::new(format!(
                    "byte 0x{b:02X} has no token; a byte-level vocabulary needs all 256 bytes"
                ))
            })?;
        }
        Tokenizer::build(
            bpe,
            Alphabet::Bytes {
                byte_ids: Box::new(byte_ids),
            },
            specials,
        )
    }

    /// A classic word-level tokenizer (characters plus `</w>`).
    pub fn word_level(
        vocab: Vec<Vec<u8>>,
        merges: Vec<(u32, u32)>,
        specials: Vec<Special>,
    ) -> Result<Tokenizer, TokenizerError> {
        let bpe = Bpe::new(vocab, merges)?;
        let find = |name: &str| {
            bpe.id_of(name.as_bytes()).ok_or_else(|| {
                TokenizerError::new(format!("a word-level vocabulary needs the token {name}"))
            })
        };
        let alphabet = Alphabet::Chars {
            end_of_word: find(END_OF_WORD)?,
            unk: find(UNKNOWN)?,
        };
        Tokenizer::build(bpe, alphabet, specials)
    }

    fn build(
        bpe: Bpe,
        alphabet: Alphabet,
        specials: Vec<Special>,
    ) -> Result<Tokenizer, TokenizerError> {
        let n = bpe.vocab().len();
        let mut is_special = vec![false; n];
        for s in &specials {
            let bytes = bpe.vocab().get(s.id as usize).ok_or_else(|| {
                TokenizerError::new(format!(
                    "special token {:?} has id {}, outside the vocabulary of {n}",
                    s.content, s.id
                ))
            })?;
            if bytes != s.content.as_bytes() {
                return Err(TokenizerError::new(format!(
                    "special token {:?} has id {}, but that id is {}",
                    s.content,
                    s.id,
                    bpe::show(bytes)
                )));
            }
            if s.content.is_empty() {
                return Err(TokenizerError::new("a special token is empty"));
            }
            if specials.iter().filter(|t| t.content == s.content).count() > 1 {
                return Err(TokenizerError::new(format!(
                    "the special token {:?} is listed twice",
                    s.content
                )));
            }
            is_special[s.id as usize] = true;
        }
        let mut tokenizer = Tokenizer {
            bpe,
            alphabet,
            specials,
            is_special,
            whole: vec![false; n],
        };
        if let Alphabet::Bytes { byte_ids } = &tokenizer.alphabet {
            let whole: Vec<bool> = (0..n)
                .map(|id| {
                    !tokenizer.is_special[id] && {
                        let symbols = tokenizer.bpe.vocab()[id]
                            .iter()
                            .map(|&b| byte_ids[b as usize])
                            .collect();
                        tokenizer.bpe.merge(symbols, None) == [id as u32]
                    }
                })
                .collect();
            tokenizer.whole = whole;
        }
        Ok(tokenizer)
    }

    pub fn alphabet(&self) -> &Alphabet {
        &self.alphabet
    }

    pub fn bpe(&self) -> &Bpe {
        &self.bpe
    }

    pub fn vocab_size(&self) -> usize {
        self.bpe.vocab().len()
    }

    pub fn specials(&self) -> &[Special] {
        &self.specials
    }

    /// The id of a special token by its content, e.g. `"<|endoftext|>"`.
    pub fn special_id(&self, content: &str) -> Option<u32> {
        self.specials
            .iter()
            .find(|s| s.content == content)
            .map(|s| s.id)
    }

    pub fn is_special(&self, id: u32) -> bool {
        self.is_special.get(id as usize).copied().unwrap_or(false)
    }

    /// The bytes of a token, `None` for an id outside the vocabulary.
    pub fn token_bytes(&self, id: u32) -> Option<&[u8]> {
        self.bpe.vocab().get(id as usize).map(Vec::as_slice)
    }

    /// Encodes text; special-token text is treated as ordinary text.
    pub fn encode(&self, text: &str) -> Vec<u32> {
        self.encode_with(text, false)
    }

    /// Encodes text; with `allow_special`, special-token text becomes the special token.
    pub fn encode_with(&self, text: &str, allow_special: bool) -> Vec<u32> {
        let mut out = Vec::with_capacity(text.len() / 3 + 1);
        self.run(text, allow_special, &mut out, None);
        out
    }

    /// Encodes text and records, for every piece, the merges from single symbols to tokens.
    pub fn trace(&self, text: &str, allow_special: bool) -> EncodeTrace {
        let mut ids = Vec::new();
        let mut pieces = Vec::new();
        self.run(text, allow_special, &mut ids, Some(&mut pieces));
        let tokens = ids.iter().map(|&id| self.token_view(id)).collect();
        EncodeTrace {
            ids,
            tokens,
            pieces,
        }
    }

    fn run(
        &self,
        text: &str,
        allow_special: bool,
        out: &mut Vec<u32>,
        mut trace: Option<&mut Vec<PieceTrace>>,
    ) {
        for (range, special) in self.segments(text, allow_special) {
            if let Some(id) = special {
                out.push(id);
                if let Some(t) = trace.as_deref_mut() {
                    t.push(PieceTrace {
                        start: range.start,
                        end: range.end,
                        text: text[range].to_string(),
                        special: true,
                        symbols: vec![id],
                        steps: Vec::new(),
                        tokens: vec![id],
                    });
                }
                continue;
            }
            let segment = &text[range.clone()];
            let pieces = match self.alphabet {
                Alphabet::Bytes { .. } => pretokenize::gpt2_split(segment),
                Alphabet::Chars { .. } => pretokenize::whitespace_split(segment),
            };
            for piece in pieces {
                let piece_text = &segment[piece.clone()];
                match trace.as_deref_mut() {
                    None => self.encode_piece(piece_text, out),
                    Some(t) => {
                        let symbols = self.symbols(piece_text);
                        let mut steps = Vec::new();
                        let tokens = self.bpe.merge(symbols.clone(), Some(&mut steps));
                        out.extend_from_slice(&tokens);
                        t.push(PieceTrace {
                            start: range.start + piece.start,
                            end: range.start + piece.end,
                            text: piece_text.to_string(),
                            special: false,
                            symbols,
                            steps,
                            tokens,
                        });
                    }
                }
            }
        }
    }

    fn encode_piece(&self, piece: &str, out: &mut Vec<u32>) {
        if let Alphabet::Bytes { .. } = self.alphabet
            && let Some(id) = self.bpe.id_of(piece.as_bytes())
            && self.whole[id as usize]
        {
            out.push(id);
            return;
        }
        out.extend(self.bpe.merge(self.symbols(piece), None));
    }

    /// A piece's symbols before merging.
    fn symbols(&self, piece: &str) -> Vec<u32> {
        match &self.alphabet {
            Alphabet::Bytes { byte_ids } => piece.bytes().map(|b| byte_ids[b as usize]).collect(),
            Alphabet::Chars { end_of_word, unk } => {
                let mut buf = [0u8; 4];
                piece
                    .chars()
                    .map(|c| {
                        self.bpe
                            .id_of(c.encode_utf8(&mut buf).as_bytes())
                            .unwrap_or(*unk)
                    })
                    .chain(std::iter::once(*end_of_word))
                    .collect()
            }
        }
    }

    /// Splits text into ordinary stretches and special tokens (only when allowed), in order.
    /// Each special's next occurrence is searched once and reused, so this stays linear.
    fn segments(
        &self,
        text: &str,
        allow_special: bool,
    ) -> Vec<(std::ops::Range<usize>, Option<u32>)> {
        let mut out = Vec::new();
        if !allow_special || self.specials.is_empty() {
            out.push((0..text.len(), None));
            return out;
        }
        let find = |content: &str, from: usize| text[from..].find(content).map(|i| i + from);
        let mut next: Vec<Option<usize>> =
            self.specials.iter().map(|s| find(&s.content, 0)).collect();
        let mut pos = 0;
        loop {
            // Earliest special at or after `pos`; the longest one wins a tie.
            let mut best: Option<(usize, usize)> = None;
            for (k, s) in self.specials.iter().enumerate() {
                if next[k].is_some_and(|p| p < pos) {
                    next[k] = find(&s.content, pos);
                }
                if let Some(p) = next[k] {
                    let better = match best {
                        None => true,
                        Some((bp, bk)) => {
                            p < bp || (p == bp && s.content.len() > self.specials[bk].content.len())
                        }
                    };
                    if better {
                        best = Some((p, k));
                    }
                }
            }
            let Some((p, k)) = best else { break };
            if p > pos {
                out.push((pos..p, None));
            }
            let end = p + self.specials[k].content.len();
            out.push((p..end, Some(self.specials[k].id)));
            pos = end;
        }
        if pos < text.len() || out.is_empty() {
            out.push((pos..text.len(), None));
        }
        out
    }

    /// The token of a word as it appears in running text: `" word"` if that is one token, else
    /// `"word"`; otherwise the pieces `" word"` splits into.
    pub fn word_token(&self, word: &str) -> Result<u32, Vec<u32>> {
        for form in [format!(" {word}"), word.to_string()] {
            if let [id] = self.encode(&form)[..] {
                return Ok(id);
            }
        }
        Err(self.encode(&format!(" {word}")))
    }

    /// The bytes of a sequence of ids.
    pub fn decode_bytes(&self, ids: &[u32]) -> Result<Vec<u8>, TokenizerError> {
        let mut out = Vec::new();
        for &id in ids {
            out.extend_from_slice(self.token_bytes(id).ok_or_else(|| {
                TokenizerError::new(format!(
                    "token id {id} is not in the vocabulary of {} tokens",
                    self.vocab_size()
                ))
            })?);
        }
        Ok(out)
    }

    /// The text of a sequence of ids. Bytes that are not valid UTF-8 (a character cut off
    /// mid-way) become U+FFFD. In word-level mode each `</w>` becomes a space between words.
    pub fn decode(&self, ids: &[u32]) -> Result<String, TokenizerError> {
        let bytes = self.decode_bytes(ids)?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        Ok(match self.alphabet {
            Alphabet::Bytes { .. } => text,
            Alphabet::Chars { .. } => text.replace(END_OF_WORD, " ").trim_end().to_string(),
        })
    }

    /// The text of a sequence of ids where an id may lie beyond the vocabulary (a model's
    /// padding rows): such ids add nothing; the rest is [`Tokenizer::decode`].
    pub fn decode_lossy(&self, ids: &[u32]) -> String {
        let known: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|&id| self.token_bytes(id).is_some())
            .collect();
        self.decode(&known).unwrap_or_default()
    }

    /// How a token looks on its own; an unknown id gets an empty view labelled with the id.
    pub fn token_view(&self, id: u32) -> TokenView {
        let bytes = self.token_bytes(id).unwrap_or_default().to_vec();
        let text = std::str::from_utf8(&bytes).ok().map(str::to_string);
        let label = match &text {
            Some(t) => t.clone(),
            None if bytes.is_empty() => format!("#{id}"),
            None => bytes.iter().map(|b| format!("<{b:02X}>")).collect(),
        };
        TokenView {
            id,
            bytes,
            text,
            label,
            special: self.is_special(id),
        }
    }
}

#[cfg(test)]
mod tests;
