//! GPT-2's reversible byte ↔ character mapping.
//!
//! Byte-level BPE works on bytes, but GPT-2's files (`vocab.json`, `merges.txt`,
//! `tokenizer.json`) store tokens as text. Each of the 256 bytes gets a printable character:
//! the printable Latin-1 bytes (`!`…`~`, `¡`…`¬`, `®`…`ÿ`) stand for themselves, the other 68
//! (space, control bytes, …) are shifted to U+0100 and up, in byte order. A space becomes `Ġ`
//! (U+0120), a newline `Ċ` (U+010A).

/// The character that stands for `byte` in GPT-2's files.
pub fn byte_to_char(byte: u8) -> char {
    CHARS[byte as usize]
}

/// The byte a character stands for, if it is one of the 256 mapped characters.
pub fn char_to_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 256 && printable(u as u8) {
        Some(u as u8)
    } else if (256..256 + SHIFTED.len() as u32).contains(&u) {
        Some(SHIFTED[(u - 256) as usize])
    } else {
        None
    }
}

/// Encodes bytes as GPT-2 token text: `b" the"` → `"Ġthe"`.
pub fn bytes_to_text(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| byte_to_char(b)).collect()
}

/// Decodes GPT-2 token text back to bytes; `None` if a character is not a mapped byte.
pub fn text_to_bytes(text: &str) -> Option<Vec<u8>> {
    text.chars().map(char_to_byte).collect()
}

const fn printable(b: u8) -> bool {
    matches!(b, b'!'..=b'~' | 0xA1..=0xAC | 0xAE..=0xFF)
}

/// The 68 bytes without a printable character of their own, in byte order; the n-th of them is
/// written as U+0100 + n.
const SHIFTED: [u8; 68] = {
    let mut out = [0u8; 68];
    let (mut b, mut n) = (0usize, 0usize);
    while b < 256 {
        if !printable(b as u8) {
            out[n] = b as u8;
            n += 1;
        }
        b += 1;
    }
    out
};

/// Byte → character, computed at compile time.
const CHARS: [char; 256] = {
    let mut out = ['\0'; 256];
    let mut n = 0u32;
    let mut b = 0usize;
    while b < 256 {
        let code = if printable(b as u8) {
            b as u32
        } else {
            n += 1;
            255 + n
        };
        out[b] = match char::from_u32(code) {
            Some(c) => c,
            None => '\0',
        };
        b += 1;
    }
    out
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_gpt2() {
        assert_eq!(byte_to_char(b' '), 'Ġ');
        assert_eq!(byte_to_char(b'\n'), 'Ċ');
        assert_eq!(byte_to_char(b'!'), '!');
        assert_eq!(byte_to_char(0), '\u{100}');
        assert_eq!(byte_to_char(0xAD), '\u{143}');
        assert_eq!(byte_to_char(0xFF), 'ÿ');
        assert_eq!(bytes_to_text(" the".as_bytes()), "Ġthe");
        assert_eq!(bytes_to_text("ä".as_bytes()), "Ã¤");
    }

    #[test]
    fn is_a_bijection() {
        let mut seen = std::collections::HashSet::new();
        for b in 0..=255u8 {
            let c = byte_to_char(b);
            assert!(seen.insert(c));
            assert_eq!(char_to_byte(c), Some(b));
        }
        assert_eq!(char_to_byte('x'), Some(b'x'));
        assert_eq!(char_to_byte('€'), None);
        assert_eq!(text_to_bytes("Ġthe").as_deref(), Some(" the".as_bytes()));
        assert_eq!(text_to_bytes("€"), None);
    }
}
