//! Tests of the tokenizer pipeline on a tiny hand-made vocabulary.

use super::*;

/// Bytes 0–255, then " t", " th", " the", "<|endoftext|>".
fn tiny() -> Tokenizer {
    let mut vocab: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    vocab.push(b" t".to_vec()); // 256
    vocab.push(b" th".to_vec()); // 257
    vocab.push(b" the".to_vec()); // 258
    vocab.push(b"<|endoftext|>".to_vec()); // 259
    let merges = vec![
        (b' ' as u32, b't' as u32),
        (256, b'h' as u32),
        (257, b'e' as u32),
    ];
    let specials = vec![Special {
        content: "<|endoftext|>".into(),
        id: 259,
    }];
    Tokenizer::byte_level(vocab, merges, specials).unwrap()
}

#[test]
fn encodes_and_decodes() {
    let t = tiny();
    let ids = t.encode("in the end");
    assert_eq!(
        ids,
        [
            b'i' as u32,
            b'n' as u32,
            258,
            b' ' as u32,
            b'e' as u32,
            b'n' as u32,
            b'd' as u32
        ]
    );
    assert_eq!(t.decode(&ids).unwrap(), "in the end");
    assert_eq!(t.encode(""), Vec::<u32>::new());
    assert!(t.decode(&[9999]).unwrap_err().to_string().contains("9999"));
}

#[test]
fn special_tokens_only_when_allowed() {
    let t = tiny();
    let text = "a<|endoftext|> the";
    let plain = t.encode(text);
    assert!(!plain.contains(&259));
    assert_eq!(t.decode(&plain).unwrap(), text);
    let allowed = t.encode_with(text, true);
    assert_eq!(allowed, [b'a' as u32, 259, 258]);
    assert_eq!(
        t.encode_with("<|endoftext|><|endoftext|>", true),
        [259, 259]
    );
}

#[test]
fn trace_replays_the_merges() {
    let t = tiny();
    let trace = t.trace("x the", false);
    assert_eq!(trace.ids, [b'x' as u32, 258]);
    let piece = &trace.pieces[1];
    assert_eq!(piece.text, " the");
    assert_eq!((piece.start, piece.end), (1, 5));
    assert_eq!(piece.symbols, [32, 116, 104, 101]);
    assert_eq!(
        piece.steps.iter().map(|s| s.merged).collect::<Vec<_>>(),
        [256, 257, 258]
    );
    assert_eq!(piece.tokens, [258]);
    assert_eq!(trace.tokens[1].label, " the");
}

#[test]
fn split_characters_show_their_bytes() {
    let t = tiny();
    let ids = t.encode("€");
    assert_eq!(ids.len(), 3);
    assert_eq!(t.token_view(ids[0]).label, "<E2>");
    assert_eq!(t.token_view(ids[0]).text, None);
    assert_eq!(t.token_view(b'a' as u32).label, "a");
}

#[test]
fn needs_all_bytes_and_valid_specials() {
    let vocab: Vec<Vec<u8>> = (0..=254u8).map(|b| vec![b]).collect();
    let err = Tokenizer::byte_level(vocab, vec![], vec![]).unwrap_err();
    assert!(err.to_string().contains("0xFF"), "{err}");
    let vocab: Vec<Vec<u8>> = (0..=255u8).map(|b| vec![b]).collect();
    let bad = vec![Special {
        content: "<|x|>".into(),
        id: 999,
    }];
    assert!(Tokenizer::byte_level(vocab, vec![], bad).is_err());
}
