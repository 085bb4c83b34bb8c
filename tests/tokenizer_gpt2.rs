//! The tokenizer loaded from GPT-2's real files against the reference (Hugging Face tokenizers,
//! equal to js-tiktoken; see tests/gpt2/make_fixture.py), plus properties on arbitrary text.
//!
//! The vocabulary files (1.5 MB) are not in git: `tests/gpt2/vocab-from-npm.mjs` rebuilds them
//! from npm's js-tiktoken into `target/gpt2/`; this test runs it when they are missing.
#![cfg(not(target_arch = "wasm32"))]

use std::sync::OnceLock;

use lupe::tokenizer::Tokenizer;
use lupe::tokenizer::formats;
use lupe::tokenizer::greedy::greedy_longest_match;
use proptest::prelude::*;
use serde::Deserialize;

mod common;

fn gpt2() -> &'static Tokenizer {
    static GPT2: OnceLock<Tokenizer> = OnceLock::new();
    GPT2.get_or_init(|| formats::load(&common::gpt2_dir()).expect("GPT-2's files load"))
}

#[derive(Deserialize)]
struct Fixture {
    cases: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    text: String,
    ids: Vec<u32>,
}

fn fixture() -> Fixture {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/gpt2/fixture.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn gpt2_files_load_with_the_real_sizes() {
    let t = gpt2();
    assert_eq!(t.vocab_size(), 50257);
    assert_eq!(t.bpe().merge_list().len(), 50000);
    assert_eq!(t.special_id("<|endoftext|>"), Some(50256));
}

#[test]
fn ids_equal_the_reference_on_every_fixture_text() {
    let t = gpt2();
    let f = fixture();
    assert!(f.cases.len() >= 30);
    for case in &f.cases {
        assert_eq!(t.encode(&case.text), case.ids, "text {:?}", case.text);
        assert_eq!(t.decode(&case.ids).unwrap(), case.text);
    }
}

#[test]
fn well_known_ids() {
    let t = gpt2();
    assert_eq!(t.encode("Hello world"), [15496, 995]);
    assert_eq!(t.encode(" the"), [262]);
    assert_eq!(t.encode_with("<|endoftext|>", true), [50256]);
    assert_ne!(t.encode("<|endoftext|>"), [50256]);
    assert_eq!(t.encode(""), Vec::<u32>::new());
}

#[test]
fn the_same_tokenizer_through_tokenizer_json() {
    let t = gpt2();
    let back = formats::from_tokenizer_json(&formats::to_tokenizer_json(t)).unwrap();
    for case in fixture().cases {
        assert_eq!(back.encode(&case.text), case.ids);
    }
}

#[test]
fn trace_shows_how_a_word_is_built() {
    let t = gpt2();
    let trace = t.trace("Hausaufgaben", false);
    assert_eq!(trace.pieces.len(), 1);
    let piece = &trace.pieces[0];
    assert_eq!(piece.symbols.len(), "Hausaufgaben".len());
    assert!(!piece.steps.is_empty());
    assert_eq!(piece.tokens, trace.ids);
    let labels: Vec<&str> = trace.tokens.iter().map(|v| v.label.as_str()).collect();
    assert_eq!(labels.concat(), "Hausaufgaben");
    // Ranks rise along the way: each merge was learned after the ones before it.
    assert!(piece.steps.windows(2).all(|w| w[0].rank <= w[1].rank));
}

#[test]
fn emoji_split_across_tokens_show_their_bytes() {
    let t = gpt2();
    let trace = t.trace("👩‍👩‍👧", false);
    assert!(
        trace
            .tokens
            .iter()
            .any(|v| v.text.is_none() && v.label.starts_with('<'))
    );
    assert_eq!(t.decode(&trace.ids).unwrap(), "👩‍👩‍👧");
}

#[test]
fn a_megabyte_long_word_encodes() {
    let t = gpt2();
    let word = "a".repeat(1 << 20);
    let ids = t.encode(&word);
    // BPE pairs the letters up to "aaaa" (one token); no longer run of a's is reachable.
    let aaaa = t.encode("aaaa");
    assert_eq!(aaaa.len(), 1);
    assert_eq!(ids.len(), word.len() / 4);
    assert!(ids.iter().all(|&id| id == aaaa[0]));
    assert_eq!(t.decode(&ids).unwrap(), word);
}

#[test]
fn greedy_longest_match_differs_from_bpe_somewhere() {
    let t = gpt2();
    let texts = [
        "Hausaufgaben",
        "unbelievably",
        "Donaudampfschifffahrt",
        "tokenization",
    ];
    let mut differs = false;
    for text in texts {
        let greedy = greedy_longest_match(t, text);
        assert_eq!(t.decode(&greedy).unwrap(), text);
        differs |= greedy != t.encode(text);
    }
    assert!(differs, "greedy and BPE agreed on every example");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn decode_inverts_encode(s in "\\PC{0,64}") {
        let t = gpt2();
        let ids = t.encode(&s);
        prop_assert_eq!(t.decode(&ids).unwrap(), s.clone());
        prop_assert_eq!(t.encode(&s), ids.clone());
        let trace = t.trace(&s, false);
        prop_assert_eq!(trace.ids, ids);
    }

    #[test]
    fn decode_inverts_encode_on_any_unicode(s in any::<String>()) {
        let t = gpt2();
        prop_assert_eq!(t.decode(&t.encode(&s)).unwrap(), s.clone());
        prop_assert_eq!(t.decode(&greedy_longest_match(t, &s)).unwrap(), s);
    }
}
