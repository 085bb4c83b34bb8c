//! The same tokenizer results natively and in wasm (headless Chromium): training on a fixed
//! corpus must learn the same merges, and encoding must give the same ids, on both.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use lupe::tokenizer::formats;
use lupe::tokenizer::train::{Mode, Trainer, train};

fn corpus() -> Vec<String> {
    serde_json::from_str(include_str!("gpt2/texts.json")).unwrap()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn training_and_encoding_are_identical_everywhere() {
    let texts = corpus();
    let docs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let (tok, steps) = train(Mode::ByteLevel, &docs, 400, &["<|endoftext|>"]).unwrap();
    assert_eq!(steps.len(), 143);
    let first: Vec<String> = steps[..6]
        .iter()
        .map(|s| String::from_utf8_lossy(&s.bytes).into_owned())
        .collect();
    assert_eq!(first, EXPECTED_FIRST_MERGES);
    let ids = tok.encode_with("Der König regiert das Land.<|endoftext|> Grüsse! 👍", true);
    assert_eq!(ids, EXPECTED_IDS);
    // Through the file format and back, still the same.
    let back = formats::from_tokenizer_json(&formats::to_tokenizer_json(&tok)).unwrap();
    assert_eq!(
        back.encode_with("Der König regiert das Land.<|endoftext|> Grüsse! 👍", true),
        EXPECTED_IDS
    );
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn the_seed_example_everywhere() {
    let mut t = Trainer::new(Mode::WordLevel, &["low lower lowest"]);
    let merged: Vec<String> = std::iter::from_fn(|| t.step())
        .take(3)
        .map(|s| String::from_utf8_lossy(&s.bytes).into_owned())
        .collect();
    assert_eq!(merged, ["lo", "low", "lowe"]);
}

const EXPECTED_FIRST_MERGES: [&str; 6] = ["aa", "aaaa", "aaaaaaaa", "!!", "ha", "haha"];
const EXPECTED_IDS: [u32; 29] = [
    68, 271, 397, 369, 110, 105, 103, 32, 296, 103, 361, 116, 274, 276, 398, 97, 277, 46, 399, 32,
    71, 114, 330, 115, 297, 33, 316, 145, 141,
];
