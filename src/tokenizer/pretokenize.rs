//! Pre-tokenizers: cut text into pieces ("words") before BPE runs inside each piece. Merges never
//! cross a piece boundary.
//!
//! [`gpt2_split`] reproduces GPT-2's pattern
//!
//! ```text
//! 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
//! ```
//!
//! by hand (Rust's regex crate has no look-ahead): contractions, then a run of letters, digits or
//! other symbols with at most one leading space, then whitespace. A whitespace run followed by
//! text leaves its last character to the next piece, so `"  world"` splits into `" "` and
//! `" world"`. `\s` is Unicode White_Space, `\p{L}` and `\p{N}` are the Unicode letter and
//! number categories, as in the original GPT-2 code (Python `regex`) and Hugging Face.

use std::ops::Range;

use unicode_general_category::{GeneralCategory as G, get_general_category};

/// What the pattern distinguishes about a character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Letter,
    Number,
    Space,
    Other,
}

fn class(c: char) -> Class {
    if c.is_ascii() {
        return match c {
            'a'..='z' | 'A'..='Z' => Class::Letter,
            '0'..='9' => Class::Number,
            ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r' => Class::Space,
            _ => Class::Other,
        };
    }
    if c.is_whitespace() {
        return Class::Space;
    }
    match get_general_category(c) {
        G::UppercaseLetter
        | G::LowercaseLetter
        | G::TitlecaseLetter
        | G::ModifierLetter
        | G::OtherLetter => Class::Letter,
        G::DecimalNumber | G::LetterNumber | G::OtherNumber => Class::Number,
        _ => Class::Other,
    }
}

/// GPT-2's pieces of `text`, as byte ranges that cover it without gaps, in order.
pub fn gpt2_split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(text.len() / 4 + 1);
    let mut pos = 0;
    while pos < text.len() {
        let end = gpt2_piece_end(text, pos);
        out.push(pos..end);
        pos = end;
    }
    out
}

/// The end of the piece that starts at `start` (a char boundary before the end of `text`).
fn gpt2_piece_end(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let bytes = rest.as_bytes();
    // 's 't 're 've 'm 'll 'd
    if bytes[0] == b'\'' && bytes.len() >= 2 {
        match bytes[1] {
            b's' | b't' | b'm' | b'd' => return start + 2,
            b'r' | b'v' if bytes.get(2) == Some(&b'e') => return start + 3,
            b'l' if bytes.get(2) == Some(&b'l') => return start + 3,
            _ => {}
        }
    }
    let mut chars = rest.char_indices();
    let (_, first) = chars.next().expect("start is before the end");
    // ` ?\p{L}+`, ` ?\p{N}+`, ` ?[^\s\p{L}\p{N}]+`: one optional space, then a run of one class.
    let (run_start, run_class) = if first == ' ' {
        match chars.next() {
            Some((i, c)) => (i, class(c)),
            None => (0, Class::Space),
        }
    } else {
        (0, class(first))
    };
    if run_class != Class::Space {
        let run = &rest[run_start..];
        let len = run
            .char_indices()
            .find(|&(_, c)| class(c) != run_class)
            .map_or(run.len(), |(i, _)| i);
        return start + run_start + len;
    }
    // `\s+(?!\S)|\s+`: a whitespace run; if text follows, its last character goes with the text.
    let mut last_char_start = 0;
    let mut end = rest.len();
    for (i, c) in rest.char_indices() {
        if class(c) != Class::Space {
            end = i;
            break;
        }
        last_char_start = i;
    }
    if end < rest.len() && last_char_start > 0 {
        start + last_char_start
    } else {
        start + end
    }
}

/// Splits on Unicode whitespace, dropping it: the classic word-level BPE's pre-tokenizer.
pub fn whitespace_split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut word_start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), word_start) {
            (true, Some(s)) => {
                out.push(s..i);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = word_start {
        out.push(s..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        gpt2_split(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_numbers_and_punctuation() {
        assert_eq!(pieces("Hello world!"), ["Hello", " world", "!"]);
        assert_eq!(
            pieces("Der König, 2024."),
            ["Der", " König", ",", " 2024", "."]
        );
        assert_eq!(pieces("abc123def"), ["abc", "123", "def"]);
        assert_eq!(pieces(" ?!x"), [" ?!", "x"]);
        assert_eq!(pieces(""), Vec::<&str>::new());
    }

    #[test]
    fn contractions_are_case_sensitive() {
        assert_eq!(
            pieces("I'm don't we'll they're"),
            ["I", "'m", " don", "'t", " we", "'ll", " they", "'re"]
        );
        assert_eq!(pieces("I'M"), ["I", "'", "M"]);
        assert_eq!(pieces("''s"), ["''", "s"]);
        assert_eq!(pieces("'"), ["'"]);
    }

    #[test]
    fn whitespace_runs_leave_one_space_to_the_next_word() {
        assert_eq!(pieces("a  b"), ["a", " ", " b"]);
        assert_eq!(pieces("a   b"), ["a", "  ", " b"]);
        assert_eq!(pieces("a\n\nb"), ["a", "\n", "\n", "b"]);
        assert_eq!(pieces("a \n b"), ["a", " \n", " b"]);
        assert_eq!(pieces("a  "), ["a", "  "]);
        assert_eq!(pieces(" "), [" "]);
        assert_eq!(pieces("\t\tx"), ["\t", "\t", "x"]);
        assert_eq!(pieces("x\u{3000}y"), ["x", "\u{3000}", "y"]);
        // `\s` is Unicode White_Space, as in Python's regex and Hugging Face (checked there):
        // NEL (U+0085) and FIGURE SPACE (U+2007) are spaces, U+FEFF is not.
        assert_eq!(pieces("a \u{85}b"), ["a", " ", "\u{85}", "b"]);
        assert_eq!(pieces("x\u{2007} y"), ["x", "\u{2007}", " y"]);
        assert_eq!(pieces("a \u{feff}b"), ["a", " \u{feff}", "b"]);
    }

    #[test]
    fn unicode_classes() {
        // Letters in many scripts, combining marks are "other", emoji are "other".
        assert_eq!(pieces("日本語です"), ["日本語です"]);
        assert_eq!(pieces(" Привет"), [" Привет"]);
        assert_eq!(pieces("½²"), ["½²"]);
        assert_eq!(pieces("👍🏽 ok"), ["👍🏽", " ok"]);
        assert_eq!(pieces("e\u{301}"), ["e", "\u{301}"]);
    }

    #[test]
    fn pieces_cover_the_text() {
        let text = "Grüsse aus Zürich!  Wie geht's?\n\t42 × 7 = 294 🙂";
        let ranges = gpt2_split(text);
        let mut pos = 0;
        for r in &ranges {
            assert_eq!(r.start, pos);
            assert!(r.end > r.start);
            pos = r.end;
        }
        assert_eq!(pos, text.len());
    }

    #[test]
    fn whitespace_split_drops_spaces() {
        let text = "  low lower\tlowest \n";
        let words: Vec<&str> = whitespace_split(text)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(words, ["low", "lower", "lowest"]);
        assert!(whitespace_split("   ").is_empty());
    }
}
