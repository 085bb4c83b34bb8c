//! `lupe train`, `lupe sft`, `lupe nearest` and `lupe analogy` as a user runs them, on tiny
//! configurations: they produce a loadable model folder, and bad settings get clear messages.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;
use std::process::Command;

mod common;

fn lupe(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lupe"))
        .args(args)
        .output()
        .expect("lupe runs")
}

fn write_config(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

const CORPUS: &str = "Der Hund bellt. Die Katze miaut. Der König regiert das Land. Die Königin regiert das Land. \
    The dog barks. The cat meows. The king rules the land. The queen rules the land.\n";

fn pretrain_config(out: &str, extra_train: &str, seq_len: usize, n_ctx: usize) -> String {
    format!(
        r#"{{"out": "{out}", "seed": 1, "corpus": {{"files": ["corpus.txt"]}}, "vocab_size": 420,
            "model": {{"d_model": 16, "n_layer": 1, "n_head": 2, "d_ff": 32, "n_ctx": {n_ctx}}},
            "seq_len": {seq_len},
            "train": {{"steps": 12, "batch_size": 4, "lr": 0.01, "warmup": 2, "eval_every": 6{extra_train}}},
            "checkpoint_every": 4}}"#
    )
}

#[test]
fn pretrain_then_sft_then_ask_the_embeddings() {
    let dir = common::scratch("cli-train-sft");
    std::fs::write(dir.join("corpus.txt"), CORPUS.repeat(40)).unwrap();
    let cfg = write_config(&dir, "base.json", &pretrain_config("base", "", 16, 32));
    let out = lupe(&["train", "--config", &cfg]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(summary["steps"], 12);
    let base = dir.join("base");
    for f in [
        "config.json",
        "model.safetensors",
        "tokenizer.json",
        "training_log.json",
    ] {
        assert!(base.join(f).is_file(), "missing {f}");
    }
    assert!(
        !base.join("checkpoint").exists(),
        "the checkpoint is removed after a finished run"
    );
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(base.join("training_log.json")).unwrap())
            .unwrap();
    assert_eq!(log["log"].as_array().unwrap().len(), 12);
    assert!(
        log["final_val_loss"].as_f64().unwrap() < log["log"][0]["train_loss"].as_f64().unwrap()
    );

    let near = lupe(&[
        "nearest",
        "--model",
        base.to_str().unwrap(),
        "-k",
        "3",
        "Hund",
    ]);
    assert_eq!(
        near.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&near.stderr)
    );
    let near: serde_json::Value = serde_json::from_slice(&near.stdout).unwrap();
    assert_eq!(near.as_array().unwrap().len(), 3);
    assert!(near[0][1].as_f64().unwrap() <= 1.0);
    let an = lupe(&[
        "analogy",
        "--model",
        base.to_str().unwrap(),
        "König",
        "Hund",
        "Katze",
    ]);
    assert_eq!(an.status.code(), Some(0));
    let missing = lupe(&[
        "nearest",
        "--model",
        base.to_str().unwrap(),
        "Donaudampfschiff",
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("is not one token"));

    let sft = write_config(
        &dir,
        "chat.json",
        r#"{"out": "chat", "init": "base", "seed": 2, "repeats": 1,
        "pretraining_share": 0.1, "seq_len": 16,
        "train": {"steps": 4, "batch_size": 4, "lr": 0.005, "eval_every": 2}}"#,
    );
    let out = lupe(&["sft", "--config", &sft]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let log: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("chat/training_log.json")).unwrap())
            .unwrap();
    assert_eq!(log["kind"], "sft");
    assert!(log["counted_tokens"].as_u64().unwrap() > 0);
    // From the base model: no earlier SFT run.
    assert_eq!(log["earlier_runs"], serde_json::json!([]));
    // A run that continues the chat model in place keeps the record of the run before it.
    let more = write_config(
        &dir,
        "chat_more.json",
        r#"{"out": "chat", "init": "chat", "seed": 3, "repeats": 1, "seq_len": 16,
        "train": {"steps": 2, "batch_size": 4, "lr": 0.005, "eval_every": 2}}"#,
    );
    let out = lupe(&["sft", "--config", &more]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let more: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("chat/training_log.json")).unwrap())
            .unwrap();
    let earlier = more["earlier_runs"].as_array().unwrap();
    assert_eq!(earlier.len(), 1);
    assert_eq!(earlier[0]["seed"], 2);
    assert_eq!(earlier[0]["settings"]["steps"], 4);
    assert_eq!(earlier[0]["final_val_loss"], log["final_val_loss"]);
    assert_eq!(more["settings"]["steps"], 2);
}

#[test]
fn bad_training_settings_get_clear_messages() {
    let dir = common::scratch("cli-train-bad");
    std::fs::write(dir.join("corpus.txt"), CORPUS.repeat(40)).unwrap();
    let cases = [
        (
            pretrain_config("a", r#", "learning_rate": 1"#, 16, 32),
            "unknown field `learning_rate`",
        ),
        (
            pretrain_config("b", "", 64, 32),
            "longer than the model's context of 32",
        ),
        (
            pretrain_config("c", "", 16, 32).replace("corpus.txt", "missing.txt"),
            "cannot read",
        ),
    ];
    for (i, (text, expected)) in cases.iter().enumerate() {
        let cfg = write_config(&dir, &format!("bad{i}.json"), text);
        let out = lupe(&["train", "--config", &cfg]);
        assert_eq!(out.status.code(), Some(1), "case {i}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "case {i}: {err}");
    }
    // Too little text for one sequence.
    std::fs::write(dir.join("corpus.txt"), "Hund.").unwrap();
    let cfg = write_config(&dir, "small.json", &pretrain_config("d", "", 16, 32));
    let out = lupe(&["train", "--config", &cfg]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("too short"));
    // A learning rate that makes the loss blow up: stop, say so, keep the last good checkpoint.
    std::fs::write(dir.join("corpus.txt"), CORPUS.repeat(40)).unwrap();
    let cfg = write_config(
        &dir,
        "nan.json",
        &pretrain_config("e", "", 16, 32).replace(r#""lr": 0.01"#, r#""lr": 1e30"#),
    );
    let out = lupe(&["train", "--config", &cfg]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("stopped being a number") && err.contains("learning rate"),
        "{err}"
    );
    assert!(
        !dir.join("e/model.safetensors").exists(),
        "no final model from a failed run"
    );
}
