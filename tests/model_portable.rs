//! The model natively and in wasm (headless Chromium): the same logits as Hugging Face within
//! 1e-4, and the same sampled tokens for a seed.

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use lupe::model::checkpoint::load_safetensors;
use lupe::model::generate::{GenerateOptions, generate};
use lupe::model::{Config, Gpt, LogitRows};
use lupe::sampling::{Sampling, rng_for, sample};

fn tiny() -> Gpt {
    let config = Config::from_json(include_str!("model/tiny-gpt2/config.json")).unwrap();
    let weights =
        load_safetensors(&config, include_bytes!("model/tiny-gpt2/model.safetensors")).unwrap();
    Gpt::new(config, weights).unwrap()
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn logits_match_transformers() {
    let expected: serde_json::Value =
        serde_json::from_str(include_str!("model/expected.json")).unwrap();
    let model = tiny();
    let case = &expected["logits_f32"][1];
    let ids: Vec<u32> = serde_json::from_value(case["ids"].clone()).unwrap();
    let want: Vec<Vec<f32>> = serde_json::from_value(case["logits"].clone()).unwrap();
    let got = model.forward(&ids, LogitRows::All).unwrap();
    for (r, row) in want.iter().enumerate() {
        for (a, b) in got.row(r).iter().zip(row) {
            assert!((a - b).abs() <= 1e-4, "{a} vs {b}");
        }
    }
}

#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn seeded_sampling_gives_the_same_tokens_everywhere() {
    let model = tiny();
    let options = GenerateOptions {
        max_new_tokens: 16,
        sampling: Sampling {
            temperature: 0.9,
            top_k: 50,
            top_p: 0.95,
        },
        seed: 2024,
        end_token: None,
    };
    let out = generate(&model, &[5, 17, 300], options).unwrap();
    assert_eq!(out.tokens, EXPECTED);
}

/// Computed natively once (each draw with `rng_for(seed, position)`); wasm must agree.
const EXPECTED: [u32; 16] = [
    81, 148, 113, 134, 303, 238, 6, 216, 37, 9, 216, 9, 216, 10, 252, 9,
];

/// Every draw of the loop uses the random numbers of its position, so a single draw at the same
/// place (the sampling chapter's) gives the same token as the loop (the generation chapter's).
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_single_draw_equals_the_loops_draw_at_the_same_place() {
    let model = tiny();
    let settings = Sampling {
        temperature: 1.3,
        top_k: 0,
        top_p: 1.0,
    };
    let mut ids = vec![5u32, 17, 300];
    let out = generate(
        &model,
        &ids,
        GenerateOptions {
            max_new_tokens: 6,
            sampling: settings,
            seed: 11,
            end_token: None,
        },
    )
    .unwrap();
    for &token in &out.tokens {
        let logits = model.forward_traced(&ids, LogitRows::Last).unwrap().logits;
        let single = sample(logits.row(0), &settings, &mut rng_for(11, ids.len())).unwrap();
        assert_eq!(single.token, token, "after {} tokens", ids.len());
        ids.push(token);
    }
}

/// The page runs a large model's pass one layer at a time (`Gpt::begin`, `Pass::run_layer`):
/// that must give exactly the one-shot traced pass, also after a cached prefix.
#[cfg_attr(target_arch = "wasm32", wasm_bindgen_test::wasm_bindgen_test)]
#[cfg_attr(not(target_arch = "wasm32"), test)]
fn a_pass_in_steps_equals_the_one_shot_pass() {
    let model = tiny();
    let ids = [5u32, 17, 3, 99, 42];
    let whole = model.forward_traced(&ids, LogitRows::Last).unwrap();
    let mut cache = model.cache();
    let mut pass = model
        .begin(&mut cache, &ids, LogitRows::Last, true)
        .unwrap();
    let mut seen = Vec::new();
    while !pass.layers_done() {
        pass.run_layer();
        seen.push(pass.layers_run());
    }
    assert_eq!(seen, vec![1, 2, 3]);
    let (logits, trace) = pass.finish();
    let trace = trace.unwrap();
    assert_eq!(trace, whole);
    assert_eq!(logits, whole.logits);
    assert_eq!(cache.len(), 5);

    // finish() runs what is left; without tracing there is no trace.
    let mut cache = model.cache();
    let pass = model
        .begin(&mut cache, &ids[..2], LogitRows::Last, false)
        .unwrap();
    let (first, none) = pass.finish();
    assert!(none.is_none());
    assert_eq!(first, model.forward(&ids[..2], LogitRows::Last).unwrap());
    let (rest, _) = model
        .begin(&mut cache, &ids[2..], LogitRows::Last, false)
        .unwrap()
        .finish();
    let direct = model.forward(&ids, LogitRows::Last).unwrap();
    for (a, b) in rest.data.iter().zip(&direct.data) {
        assert!((a - b).abs() <= 1e-5, "{a} vs {b}");
    }
    assert!(
        model
            .begin(&mut model.cache(), &[], LogitRows::Last, true)
            .is_err()
    );
}
