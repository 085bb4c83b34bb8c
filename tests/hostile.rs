//! Hostile input on the command line: one regression test per class of problem found. Every case
//! ends with exit code 1 and a message naming the problem: no panic, no aborted allocation, and
//! nothing accepted silently.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::scratch;

fn lupe(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lupe"))
        .args(args)
        .env("LUPE_MEMORY_LIMIT", "2G")
        .output()
        .expect("lupe runs")
}

/// Runs the CLI and asserts a clean refusal naming `expected`.
fn refused(args: &[&str], expected: &str) {
    let out = lupe(args);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert!(!err.contains("panicked"), "{args:?}: {err}");
    assert!(
        err.contains(expected),
        "{args:?}: expected {expected:?} in {err}"
    );
}

fn base() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("www/models/base")
}

/// A copy of the built-in base model folder, to be damaged.
fn copy_of_base(name: &str) -> PathBuf {
    let dir = scratch(name);
    for f in ["config.json", "model.safetensors", "tokenizer.json"] {
        std::fs::copy(base().join(f), dir.join(f)).unwrap();
    }
    dir
}

fn edit_config(dir: &Path, key: &str, value: serde_json::Value) {
    let path = dir.join("config.json");
    let mut c: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    c[key] = value;
    std::fs::write(path, c.to_string()).unwrap();
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn sizes_from_a_config_are_bounded_before_anything_is_allocated() {
    for (name, layers) in [
        (
            "huge-layers",
            serde_json::json!(1_000_000_000_000_000_000u64),
        ),
        ("large-layers", serde_json::json!(1_000_000_000u64)),
    ] {
        let dir = copy_of_base(name);
        edit_config(&dir, "n_layer", layers);
        refused(
            &["logits", "--model", s(&dir), "--ids", "1,2"],
            "would need",
        );
        refused(
            &["nearest", "--model", s(&dir), "König"],
            "LUPE_MEMORY_LIMIT",
        );
    }
    let dir = copy_of_base("wide");
    edit_config(&dir, "n_embd", serde_json::json!(u64::MAX / 2));
    edit_config(&dir, "n_inner", serde_json::Value::Null);
    refused(
        &["logits", "--model", s(&dir), "--ids", "1"],
        "implausibly large",
    );
}

#[test]
fn a_config_value_of_the_wrong_type_is_an_error_not_a_default() {
    let dir = copy_of_base("eps-text");
    edit_config(&dir, "layer_norm_epsilon", serde_json::json!("abc"));
    refused(
        &["logits", "--model", s(&dir), "--ids", "1"],
        "layer_norm_epsilon must be a number",
    );
}

#[test]
fn a_tokenizer_that_does_not_belong_to_the_model_is_refused_at_load() {
    let dir = copy_of_base("small-model");
    // The model claims fewer rows than the tokenizer has tokens.
    edit_config(&dir, "vocab_size", serde_json::json!(1000));
    for args in [
        &["nearest", "--model", s(&dir), "König"][..],
        &["analogy", "--model", s(&dir), "König", "Mann", "Frau"],
        &["generate", "--model", s(&dir), "--prompt", "Der"],
        &["logits", "--model", s(&dir), "--ids", "1"],
    ] {
        let out = lupe(args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        // Either the tokenizer is named, or the weights that no longer fit the config.
        assert!(
            err.contains("do not belong together") || err.contains("has shape"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn the_same_tensor_twice_is_refused() {
    let dir = copy_of_base("duplicate");
    let bytes = std::fs::read(dir.join("model.safetensors")).unwrap();
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let mut header: serde_json::Value = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
    // A second copy of the embedding under the name with the prefix: `transformer.wte.weight`
    // beside `wte.weight`.
    let data = &bytes[8 + n..];
    let [from, to] =
        [0, 1].map(|i| header["wte.weight"]["data_offsets"][i].as_u64().unwrap() as usize);
    let mut copy = header["wte.weight"].clone();
    copy["data_offsets"] = serde_json::json!([data.len(), data.len() + to - from]);
    header["transformer.wte.weight"] = copy;
    let mut text = header.to_string().into_bytes();
    while !(text.len() + 8).is_multiple_of(8) {
        text.push(b' ');
    }
    let mut out = (text.len() as u64).to_le_bytes().to_vec();
    out.extend(text);
    out.extend(data);
    out.extend(&data[from..to]);
    std::fs::write(dir.join("model.safetensors"), out).unwrap();
    refused(
        &["logits", "--model", s(&dir), "--ids", "1"],
        "holds the tensor wte.weight twice",
    );
}

#[test]
fn weights_that_overflow_in_the_forward_pass_are_an_error_not_null() {
    // The tiny GPT-2 fixture (F32) with the final LayerNorm's shift and the embedding at 1e30:
    // finite weights whose logits (sums of their products) exceed f32.
    let fixture = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/model/tiny-gpt2");
    let dir = scratch("overflow");
    std::fs::copy(fixture.join("config.json"), dir.join("config.json")).unwrap();
    let bytes = std::fs::read(fixture.join("model.safetensors")).unwrap();
    let n = u64::from_le_bytes(bytes[..8].try_into().unwrap()) as usize;
    let header: serde_json::Value = serde_json::from_slice(&bytes[8..8 + n]).unwrap();
    let mut data = bytes.clone();
    for name in ["transformer.ln_f.bias", "transformer.wte.weight"] {
        let [from, to] = [0, 1].map(|i| header[name]["data_offsets"][i].as_u64().unwrap() as usize);
        for i in (8 + n + from..8 + n + to).step_by(4) {
            data[i..i + 4].copy_from_slice(&1e30f32.to_le_bytes());
        }
    }
    std::fs::write(dir.join("model.safetensors"), data).unwrap();
    refused(
        &["logits", "--model", s(&dir), "--ids", "1,2"],
        "overflowed",
    );
    refused(
        &["generate", "--model", s(&dir), "--ids", "1,2"],
        "overflowed",
    );
}

#[test]
fn nonsense_settings_are_refused() {
    let dir = base();
    refused(
        &[
            "generate",
            "--model",
            s(&dir),
            "--prompt",
            "Der",
            "--top-p",
            "NaN",
        ],
        "top-p must be a number",
    );
    refused(
        &[
            "generate",
            "--model",
            s(&dir),
            "--prompt",
            "Der",
            "--top-p",
            "inf",
        ],
        "top-p must be a number",
    );
    refused(&["nearest", "--model", s(&dir), ""], "empty word");
    refused(&["nearest", "--model", s(&dir), "  "], "empty word");
}

#[test]
fn tokenizer_training_and_traces_are_bounded() {
    let dir = scratch("tok-hostile");
    let text = dir.join("t.txt");
    std::fs::write(&text, "hello world hello").unwrap();
    let out = dir.join("tok.json");
    refused(
        &[
            "train-tokenizer",
            "--vocab-size",
            "1000000000",
            "--out",
            s(&out),
            s(&text),
        ],
        "implausibly large",
    );
    refused(
        &[
            "train-tokenizer",
            "--vocab-size",
            "270",
            "--out",
            s(&out),
            "--special",
            "<x>",
            "--special",
            "<x>",
            s(&text),
        ],
        "listed twice",
    );
    // A 3 MiB text: the trace covers the first MiB, with a notice; the tokens cover it all.
    let big = dir.join("big.txt");
    std::fs::write(&big, "Der Hund bellt. ".repeat(200_000)).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lupe"))
        .args(["tokenize", "--tokenizer", s(&base()), "--trace"])
        .stdin(std::fs::File::open(&big).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("the trace covers the first"), "{err}");
    let trace: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let end = trace["pieces"].as_array().unwrap().last().unwrap()["end"]
        .as_u64()
        .unwrap();
    assert!(end <= 1 << 20, "{end}");
}

#[test]
fn training_configs_are_checked_setting_by_setting() {
    let dir = scratch("train-hostile");
    let good = serde_json::json!({
        "out": "out", "seed": 1, "corpus": {"builtin": true}, "vocab_size": 300,
        "model": {"d_model": 16, "n_layer": 1, "n_head": 2, "d_ff": 32, "n_ctx": 16},
        "seq_len": 16, "train": {"steps": 1, "batch_size": 1, "lr": 0.001}
    });
    let cases: [(&str, serde_json::Value, &str); 9] = [
        (
            "/model/d_model",
            serde_json::json!(1_000_000_000u64),
            "would need",
        ),
        (
            "/model/n_layer",
            serde_json::json!(1_000_000_000u64),
            "would need",
        ),
        ("/model/d_ff", serde_json::json!(1u64 << 62), "would need"),
        (
            "/train/batch_size",
            serde_json::json!(1_000_000_000u64),
            "batch_size must be",
        ),
        (
            "/vocab_size",
            serde_json::json!(1_000_000_000u64),
            "vocab_size must be",
        ),
        (
            "/train/grad_clip",
            serde_json::json!(-1.0),
            "grad_clip must be a positive number",
        ),
        (
            "/train/grad_clip",
            serde_json::json!(0.0),
            "grad_clip must be a positive number",
        ),
        (
            "/train/min_lr",
            serde_json::json!(-0.5),
            "min_lr must be between 0 and lr",
        ),
        (
            "/train/weight_decay",
            serde_json::json!(50.0),
            "weight_decay must be between 0 and 1",
        ),
    ];
    for (pointer, value, expected) in cases {
        let mut c = good.clone();
        let keys: Vec<&str> = pointer.trim_start_matches('/').split('/').collect();
        let mut slot = &mut c;
        for k in keys {
            slot = &mut slot[k];
        }
        *slot = value;
        let path = dir.join("config.json");
        std::fs::write(&path, c.to_string()).unwrap();
        refused(&["train", "--config", s(&path)], expected);
    }
    let sft = serde_json::json!({
        "out": "out", "init": s(&base()), "seed": 1, "repeats": 1_000_000_000u64, "seq_len": 16,
        "train": {"steps": 1, "batch_size": 1, "lr": 0.001}
    });
    let path = dir.join("sft.json");
    std::fs::write(&path, sft.to_string()).unwrap();
    refused(&["sft", "--config", s(&path)], "repeats must be 1 to");
    let mut rag = sft.clone();
    rag["repeats"] = serde_json::json!(1);
    rag["rag_dialogs"] = serde_json::json!(1_000_000_000u64);
    std::fs::write(&path, rag.to_string()).unwrap();
    refused(
        &["sft", "--config", s(&path)],
        "rag_dialogs must be at most",
    );
    let mut copy = rag.clone();
    copy["rag_dialogs"] = serde_json::json!(0);
    copy["copy_drills"] = serde_json::json!(10);
    copy["copy_share"] = serde_json::json!(0.5);
    copy["seq_len"] = serde_json::json!(256);
    copy["copy_gap"] = serde_json::json!(200);
    std::fs::write(&path, copy.to_string()).unwrap();
    refused(
        &["sft", "--config", s(&path)],
        "copy_gap must leave room for two runs of 40 tokens in seq_len 256, got 200",
    );
}
