//! Round trips through tokenizer.json and vocab.json + merges.txt, and what malformed files get.

use super::*;
use crate::tokenizer::train::{Mode, train};

fn trained(mode: Mode) -> Tokenizer {
    let corpus = ["Der König regiert das Land. Die Königin regiert mit. The king rules the land."];
    train(
        mode,
        &corpus,
        if mode == Mode::ByteLevel { 300 } else { 60 },
        &["<|endoftext|>", "<|user|>"],
    )
    .unwrap()
    .0
}

#[test]
fn tokenizer_json_round_trips() {
    for mode in [Mode::ByteLevel, Mode::WordLevel] {
        let t = trained(mode);
        let json = to_tokenizer_json(&t);
        let back = from_tokenizer_json(&json).unwrap();
        assert_eq!(back.bpe().vocab(), t.bpe().vocab());
        assert_eq!(back.bpe().merge_list(), t.bpe().merge_list());
        assert_eq!(back.specials(), t.specials());
        let text = "Die Königin regiert. <|user|>";
        assert_eq!(back.encode_with(text, true), t.encode_with(text, true));
    }
}

#[test]
fn gpt2_files_round_trip() {
    let t = trained(Mode::ByteLevel);
    let (vocab, merges) = to_gpt2_files(&t).unwrap();
    assert!(merges.starts_with("#version: 0.2\n"));
    let back = from_gpt2_files(&vocab, &merges).unwrap();
    assert_eq!(back.bpe().vocab(), t.bpe().vocab());
    assert_eq!(back.encode("Der König"), t.encode("Der König"));
    assert!(to_gpt2_files(&trained(Mode::WordLevel)).is_err());
}

#[test]
fn malformed_files_name_the_problem() {
    let good = to_tokenizer_json(&trained(Mode::ByteLevel));
    let cases: Vec<(String, &str)> = vec![
        (good[..good.len() / 2].to_string(), "cut off"),
        ("[1, 2]".into(), "JSON object"),
        ("{}".into(), "no \"model\""),
        ("not json".into(), "not valid JSON"),
        (
            good.replacen("\"type\":\"BPE\"", "\"type\":\"WordPiece\"", 1),
            "WordPiece model",
        ),
        (
            good.replacen("\"merges\":[[", "\"merges\":[[\"ZZZ\",\"a\"],[", 1),
            "names \"ZZZ\", which is not in the vocabulary",
        ),
        (
            good.replacen(",\"merges\":[", ",\"merges\":[17,", 1),
            "model.merges[0]",
        ),
        (
            good.replacen(
                "\"pre_tokenizer\":{\"add_prefix_space\":false",
                "\"pre_tokenizer\":{\"add_prefix_space\":true",
                1,
            ),
            "add_prefix_space",
        ),
    ];
    for (text, expected) in cases {
        let e = from_tokenizer_json(&text).unwrap_err();
        assert!(
            e.to_string().contains(expected),
            "expected {expected:?} in: {e}"
        );
    }
    let e = from_gpt2_files("{\"a\":0,\"b\":2}", "").unwrap_err();
    assert!(e.to_string().contains("the ids must be 0 … 1"), "{e}");
    let e = from_gpt2_files("{\"a\":0}", "#version: 0.2\na b c\n").unwrap_err();
    assert!(e.to_string().contains("line 2"), "{e}");
}
