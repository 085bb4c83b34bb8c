//! The simpler rule the seed text describes: inside each piece, always take the longest token of
//! the vocabulary that fits. Real BPE applies its merges in the order they were learned, and the
//! two can disagree — the visualizer shows both side by side.

use super::pretokenize::{gpt2_split, whitespace_split};
use super::{Alphabet, END_OF_WORD, Tokenizer};

/// Greedy longest-match tokens of `text` (special-token text is treated as ordinary text).
///
/// Per piece of n bytes: at each position, try lengths from the longest token down; O(n · L)
/// lookups for a longest token of L bytes.
pub fn greedy_longest_match(tokenizer: &Tokenizer, text: &str) -> Vec<u32> {
    let bpe = tokenizer.bpe();
    let longest = bpe.vocab().iter().map(Vec::len).max().unwrap_or(1);
    let mut out = Vec::new();
    let lookup = |bytes: &[u8]| bpe.id_of(bytes).filter(|&id| !tokenizer.is_special(id));
    match tokenizer.alphabet() {
        Alphabet::Bytes { byte_ids } => {
            for r in gpt2_split(text) {
                let piece = &text.as_bytes()[r];
                let mut i = 0;
                while i < piece.len() {
                    let max = longest.min(piece.len() - i);
                    let (len, id) = (1..=max)
                        .rev()
                        .find_map(|len| lookup(&piece[i..i + len]).map(|id| (len, id)))
                        .unwrap_or((1, byte_ids[piece[i] as usize]));
                    out.push(id);
                    i += len;
                }
            }
        }
        Alphabet::Chars { unk, .. } => {
            for r in whitespace_split(text) {
                let word = format!("{}{END_OF_WORD}", &text[r]);
                let bytes = word.as_bytes();
                let eow_start = word.len() - END_OF_WORD.len();
                let mut i = 0;
                while i < bytes.len() {
                    // Candidate ends: character boundaries, never inside `</w>`.
                    let found = (i + 1..=bytes.len().min(i + longest))
                        .rev()
                        .filter(|&end| {
                            word.is_char_boundary(end) && (end <= eow_start || end == bytes.len())
                        })
                        .find_map(|end| lookup(&bytes[i..end]).map(|id| (end, id)));
                    match found {
                        Some((end, id)) => {
                            out.push(id);
                            i = end;
                        }
                        None => {
                            out.push(*unk);
                            i += word[i..].chars().next().map_or(1, char::len_utf8);
                        }
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenizer::train::{Mode, train};

    #[test]
    fn takes_the_longest_token_and_can_differ_from_bpe() {
        // Vocabulary: the bytes, then "bc" (rank 0), "ab" (rank 1), "bcd" (rank 2).
        let mut vocab: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
        vocab.push(b"bc".to_vec()); // 256, rank 0
        vocab.push(b"ab".to_vec()); // 257, rank 1
        vocab.push(b"bcd".to_vec()); // 258, rank 2
        let merges = vec![(98, 99), (97, 98), (256, 100)];
        let t = Tokenizer::byte_level(vocab, merges, vec![]).unwrap();
        // BPE: "abcd" → a bc d → a bcd. Greedy: "ab" is longest at 0 → ab c d.
        assert_eq!(t.encode("abcd"), [97, 258]);
        assert_eq!(greedy_longest_match(&t, "abcd"), [257, 99, 100]);
        assert_eq!(greedy_longest_match(&t, ""), Vec::<u32>::new());
    }

    #[test]
    fn word_level_greedy_respects_end_of_word() {
        let (t, _) = train(Mode::WordLevel, &["low lower lowest"], 25, &[]).unwrap();
        let ids = greedy_longest_match(&t, "lowest zz");
        let text = t.decode(&ids).unwrap();
        assert!(text.starts_with("lowest"), "{text}");
        assert!(ids.contains(&t.bpe().id_of(b"<unk>").unwrap()));
    }
}
