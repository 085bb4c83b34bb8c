//! The CPU model against Hugging Face transformers' GPT2LMHeadModel (fixtures written by
//! tests/model/make_fixture.py), plus the KV cache, the trace, checkpoints and bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use lupe::model::checkpoint::{StoreAs, load_safetensors, save_safetensors};
use lupe::model::generate::{GenerateOptions, StopReason, generate};
use lupe::model::{Config, Gpt, LogitRows, Positions, load_dir, save_dir};
use lupe::sampling::Sampling;
use serde::Deserialize;

mod common;

fn fixture_dir(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/model")
        .join(name)
}

#[derive(Deserialize)]
struct Expected {
    logits_f32: Vec<Logits>,
    logits_f16: Vec<Logits>,
    greedy: Vec<Greedy>,
}

#[derive(Deserialize)]
struct Logits {
    ids: Vec<u32>,
    logits: Vec<Vec<f32>>,
}

#[derive(Deserialize)]
struct Greedy {
    prompt: Vec<u32>,
    new_tokens: Vec<u32>,
}

fn expected() -> Expected {
    serde_json::from_str(&std::fs::read_to_string(fixture_dir("expected.json")).unwrap()).unwrap()
}

fn max_diff(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len());
    a.iter()
        .zip(b)
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f32::max)
}

/// Every position's logits within 1e-4 of transformers'.
fn assert_logits_match(model: &Gpt, cases: &[Logits]) {
    for case in cases {
        let got = model.forward(&case.ids, LogitRows::All).unwrap();
        assert_eq!(got.rows, case.ids.len());
        for (r, want) in case.logits.iter().enumerate() {
            let d = max_diff(got.row(r), want);
            assert!(
                d <= 1e-4,
                "ids {:?} position {r}: max difference {d}",
                case.ids
            );
        }
    }
}

#[test]
fn logits_match_transformers_f32_with_prefixed_names() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    assert_eq!(model.config.vocab_size, 317);
    assert!(model.weights.lm_head.is_none(), "the head is tied");
    assert_logits_match(&model, &expected().logits_f32);
}

#[test]
fn logits_match_transformers_f16_with_hub_names() {
    let model = load_dir(&fixture_dir("tiny-gpt2-f16")).unwrap();
    assert_logits_match(&model, &expected().logits_f16);
}

#[test]
fn greedy_generation_matches_transformers_generate() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    for case in expected().greedy {
        let options = GenerateOptions {
            max_new_tokens: case.new_tokens.len(),
            sampling: Sampling::GREEDY,
            seed: 0,
            end_token: None,
        };
        let out = generate(&model, &case.prompt, options).unwrap();
        assert_eq!(out.tokens, case.new_tokens, "prompt {:?}", case.prompt);
        assert_eq!(out.stop, StopReason::MaxNewTokens);
    }
}

#[test]
fn kv_cache_decoding_equals_full_recomputation() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    let ids: Vec<u32> = (0..20).map(|i| (i * 37 % 317) as u32).collect();
    let full = model.forward(&ids, LogitRows::All).unwrap();
    let mut cache = model.cache();
    // The first three at once, then one at a time.
    let first = model
        .step(&mut cache, &ids[..3], LogitRows::All, None)
        .unwrap();
    for r in 0..3 {
        assert!(max_diff(first.row(r), full.row(r)) < 1e-5);
    }
    for (t, &id) in ids.iter().enumerate().skip(3) {
        let step = model
            .step(&mut cache, &[id], LogitRows::Last, None)
            .unwrap();
        // Equal up to f32 rounding: one row is summed by dot products, many rows by SGEMM.
        let diff = max_diff(step.row(0), full.row(t));
        assert!(diff < 2e-5, "position {t}: {diff}");
    }
    assert_eq!(cache.len(), 20);
}

#[test]
fn trace_holds_every_step_consistently() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    let ids = [5u32, 17, 300, 42];
    let trace = model.forward_traced(&ids, LogitRows::Last).unwrap();
    let logits = model.forward(&ids, LogitRows::Last).unwrap();
    assert_eq!(trace.logits, logits);
    assert!((trace.probs.data.iter().sum::<f32>() - 1.0).abs() < 1e-5);
    let (d, n) = (48, 4);
    assert_eq!((trace.input.rows, trace.input.cols), (n, d));
    for (x, (e, p)) in trace.input.data.iter().zip(
        trace
            .token_embeddings
            .data
            .iter()
            .zip(&trace.position_vectors.data),
    ) {
        assert_eq!(*x, e + p);
    }
    assert_eq!(trace.layers.len(), 3);
    for layer in &trace.layers {
        assert_eq!(layer.block.attention.len(), 4);
        for head in &layer.block.attention {
            assert_eq!((head.q.rows, head.q.cols), (n, 12));
            for i in 0..n {
                let row = head.weights.row(i);
                assert!((row.iter().sum::<f32>() - 1.0).abs() < 1e-5);
                assert!(row[i + 1..].iter().all(|&a| a == 0.0));
            }
        }
        assert_eq!(layer.block.ffn.hidden.cols, 192);
        assert!(layer.block.ln_1.var.iter().all(|&v| v > 0.0));
    }
    // The last layer's output, normalised, is what the head reads.
    let last = &trace.layers[2].block.residual_2;
    assert_eq!(last.rows, n);
    assert_eq!(trace.final_norm.output.rows, n);
}

#[test]
fn checkpoints_round_trip_in_f32_and_f16() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    let dir = common::scratch("model-roundtrip");
    save_dir(&model, &dir, StoreAs::F32).unwrap();
    let back = load_dir(&dir).unwrap();
    assert_eq!(back, model);
    let half = save_safetensors(&model.config, &model.weights, StoreAs::F16).unwrap();
    let back = load_safetensors(&model.config, &half).unwrap();
    let ids = [1u32, 2, 3];
    let a = model.forward(&ids, LogitRows::Last).unwrap();
    let b = Gpt::new(model.config.clone(), back)
        .unwrap()
        .forward(&ids, LogitRows::Last)
        .unwrap();
    assert!(max_diff(&a.data, &b.data) < 0.05);
    assert!(half.len() < 250_000);
}

#[test]
fn sinusoidal_positions_work_and_are_saved() {
    let config = Config {
        vocab_size: 50,
        n_ctx: 16,
        d_model: 8,
        n_head: 2,
        n_layer: 1,
        d_ff: 32,
        layer_norm_eps: 1e-5,
        positions: Positions::Sinusoidal,
    };
    let model = Gpt::random(config, 3).unwrap();
    assert!(model.weights.position_embedding.is_none());
    let dir = common::scratch("model-sinusoidal");
    save_dir(&model, &dir, StoreAs::F32).unwrap();
    let back = load_dir(&dir).unwrap();
    assert_eq!(back.config.positions, Positions::Sinusoidal);
    let a = model.forward(&[1, 2, 3], LogitRows::Last).unwrap();
    assert_eq!(a, back.forward(&[1, 2, 3], LogitRows::Last).unwrap());
    // Position matters: the same token at two places gives different outputs.
    let t = model.forward_traced(&[7, 7], LogitRows::All).unwrap();
    assert_ne!(t.input.row(0), t.input.row(1));
}

#[test]
fn bad_checkpoints_name_the_problem() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    let c = &model.config;
    let good = save_safetensors(c, &model.weights, StoreAs::F32).unwrap();
    let err = |bytes: &[u8]| load_safetensors(c, bytes).unwrap_err().to_string();

    assert!(err(&good[..good.len() / 2]).contains("damaged or cut off"));
    assert!(err(b"not a safetensors file").contains("damaged or cut off"));

    // Rebuild the file with one change to the named tensors.
    type Tensors = Vec<(String, safetensors::Dtype, Vec<usize>, Vec<u8>)>;
    let rebuild = |edit: &dyn Fn(&mut Tensors)| {
        let file = safetensors::SafeTensors::deserialize(&good).unwrap();
        let mut tensors: Tensors = file
            .tensors()
            .into_iter()
            .map(|(n, v)| (n, v.dtype(), v.shape().to_vec(), v.data().to_vec()))
            .collect();
        edit(&mut tensors);
        let views: Vec<(String, safetensors::tensor::TensorView)> = tensors
            .iter()
            .map(|(n, d, s, b)| {
                (
                    n.clone(),
                    safetensors::tensor::TensorView::new(*d, s.clone(), b).unwrap(),
                )
            })
            .collect();
        safetensors::serialize(views, None).unwrap()
    };
    let missing = rebuild(&|t| t.retain(|(n, ..)| n != "h.1.mlp.c_fc.bias"));
    assert!(err(&missing).contains("no tensor h.1.mlp.c_fc.bias"));
    let extra = rebuild(&|t| {
        t.push((
            "h.9.mystery".into(),
            safetensors::Dtype::F32,
            vec![1],
            vec![0; 4],
        ))
    });
    assert!(err(&extra).contains("does not use: h.9.mystery"));
    let shaped = rebuild(&|t| {
        let x = t.iter_mut().find(|(n, ..)| n == "ln_f.bias").unwrap();
        x.2 = vec![24, 2];
    });
    assert!(err(&shaped).contains("ln_f.bias has shape [24, 2], but config.json implies [48]"));
    let dtype = rebuild(&|t| {
        let x = t.iter_mut().find(|(n, ..)| n == "ln_f.bias").unwrap();
        x.1 = safetensors::Dtype::I32;
    });
    assert!(err(&dtype).contains("dtype I32"));
    let nan = rebuild(&|t| {
        let x = t.iter_mut().find(|(n, ..)| n == "ln_f.bias").unwrap();
        x.3[..4].copy_from_slice(&f32::NAN.to_le_bytes());
    });
    assert!(err(&nan).contains("non-finite"));

    // A config that contradicts the tensors.
    let mut wrong = c.clone();
    wrong.d_model = 64;
    wrong.d_ff = 256;
    let e = load_safetensors(&wrong, &good).unwrap_err().to_string();
    assert!(
        e.contains("wte.weight has shape [317, 48], but config.json implies [317, 64]"),
        "{e}"
    );
}

#[test]
fn bad_input_is_refused_without_nan() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    let e = model
        .forward(&[1, 317], LogitRows::Last)
        .unwrap_err()
        .to_string();
    assert!(
        e.contains("token id 317 is outside the vocabulary (0 … 316)"),
        "{e}"
    );
    let e = model.forward(&[], LogitRows::Last).unwrap_err().to_string();
    assert!(e.contains("at least one token"));
    let long: Vec<u32> = vec![1; 33];
    let e = model
        .forward(&long, LogitRows::Last)
        .unwrap_err()
        .to_string();
    assert!(e.contains("33 tokens long, but the model's context holds 32"));
    // Generation stops at the end of the context and says why.
    let options = GenerateOptions {
        max_new_tokens: 100,
        sampling: Sampling::GREEDY,
        seed: 0,
        end_token: None,
    };
    let out = generate(&model, &[1; 30], options).unwrap();
    assert_eq!(out.stop, StopReason::ContextFull);
    assert_eq!(out.tokens.len(), 3);
    let logits = model.forward(&[1; 32], LogitRows::All).unwrap();
    assert!(logits.data.iter().all(|v| v.is_finite()));
}

#[test]
fn sampled_generation_is_seeded_and_stops_at_the_end_token() {
    let model = load_dir(&fixture_dir("tiny-gpt2")).unwrap();
    let s = Sampling {
        temperature: 0.9,
        top_k: 40,
        top_p: 0.95,
    };
    let run = |seed| {
        generate(
            &model,
            &[5, 17],
            GenerateOptions {
                max_new_tokens: 10,
                sampling: s,
                seed,
                end_token: None,
            },
        )
        .unwrap()
        .tokens
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8));
    // Make the first generated token the end token: generation stops right there.
    let first = run(7)[0];
    let out = generate(
        &model,
        &[5, 17],
        GenerateOptions {
            max_new_tokens: 10,
            sampling: s,
            seed: 7,
            end_token: Some(first),
        },
    )
    .unwrap();
    assert_eq!((out.tokens, out.stop), (vec![first], StopReason::EndToken));
}
