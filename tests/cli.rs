//! The command-line tool as a user runs it: exit codes, help, version, JSON output.
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;

fn lupe(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_lupe"))
        .args(args)
        .output()
        .expect("lupe runs")
}

#[test]
fn help_and_version() {
    let out = lupe(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Usage: lupe"), "{text}");
    assert!(text.contains("backend"), "{text}");

    let out = lupe(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("lupe {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn usage_errors_exit_2_with_a_message() {
    for args in [&["--no-such-flag"][..], &["frobnicate"], &[]] {
        let out = lupe(args);
        assert_eq!(out.status.code(), Some(2), "args {args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!err.trim().is_empty(), "args {args:?}: no message");
    }
}

#[test]
fn backend_prints_json_naming_the_adapter() {
    let out = lupe(&["backend"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let name = v["Gpu"]["adapter"]["name"].as_str().unwrap_or_default();
    assert!(!name.is_empty(), "no adapter name in {v}");
    assert_eq!(v["Gpu"]["self_test_max_abs_err"], 0.0);
}

#[test]
fn web_binary_explains_itself_natively() {
    let out = Command::new(env!("CARGO_BIN_EXE_lupe-web"))
        .output()
        .expect("lupe-web runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("serve"));
}

mod common;

fn lupe_in(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lupe"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("lupe runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

#[test]
fn tokenize_with_gpt2_files() {
    let dir = common::gpt2_dir();
    let dir = dir.to_str().unwrap();
    assert_eq!(
        json(&lupe(&["tokenize", "--tokenizer", dir, "Hello world"])),
        serde_json::json!([15496, 995])
    );
    // From standard input, and with special tokens allowed.
    let out = lupe_in(
        &["tokenize", "--tokenizer", dir, "--allow-special"],
        b"<|endoftext|>Hello world",
    );
    assert_eq!(json(&out), serde_json::json!([50256, 15496, 995]));
    let trace = json(&lupe(&[
        "tokenize",
        "--tokenizer",
        dir,
        "--trace",
        "Hausaufgaben",
    ]));
    assert_eq!(trace["pieces"][0]["text"], "Hausaufgaben");
    assert!(trace["pieces"][0]["steps"].as_array().unwrap().len() > 3);
    assert_eq!(
        trace["tokens"][0]["bytes"].as_array().unwrap().len(),
        trace["tokens"][0]["label"].as_str().unwrap().len()
    );
    let greedy = json(&lupe(&[
        "tokenize",
        "--tokenizer",
        dir,
        "--greedy",
        "Hello world",
    ]));
    assert!(greedy.as_array().unwrap().len() >= 2);
    assert_eq!(
        json(&lupe(&["tokenize", "--tokenizer", dir, ""])),
        serde_json::json!([])
    );
}

#[test]
fn tokenize_rejects_bad_input_with_a_message() {
    let dir = common::gpt2_dir();
    let dir = dir.to_str().unwrap();
    let out = lupe_in(&["tokenize", "--tokenizer", dir], b"ok \xff\xfe bad");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("standard input is not valid UTF-8 (invalid byte at offset 3)")
    );

    use std::os::unix::ffi::OsStrExt;
    let bad = std::ffi::OsStr::from_bytes(b"\xff");
    let out = Command::new(env!("CARGO_BIN_EXE_lupe"))
        .args(["tokenize", "--tokenizer", dir])
        .arg(bad)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not valid UTF-8"));

    let scratch = common::scratch("cli-bad-tokenizer");
    let out = lupe(&[
        "tokenize",
        "--tokenizer",
        scratch.join("missing.json").to_str().unwrap(),
        "x",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read"));
    let broken = scratch.join("broken.json");
    std::fs::write(
        &broken,
        "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}, \"merges\": [",
    )
    .unwrap();
    let out = lupe(&["tokenize", "--tokenizer", broken.to_str().unwrap(), "x"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.json") && err.contains("cut off"),
        "{err}"
    );
    let out = lupe(&["tokenize", "--tokenizer", scratch.to_str().unwrap(), "x"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("neither tokenizer.json"));
}

#[test]
fn train_tokenizer_then_use_it() {
    let dir = common::scratch("cli-train");
    let corpus = dir.join("corpus.txt");
    std::fs::write(
        &corpus,
        "Der König regiert das Land. Die Königin regiert mit.\n".repeat(20),
    )
    .unwrap();
    let out_file = dir.join("tokenizer.json");
    let summary = json(&lupe(&[
        "train-tokenizer",
        "--vocab-size",
        "300",
        "--special",
        "<|endoftext|>",
        "--out",
        out_file.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]));
    // Twelve distinct words run out of pairs before 300: training stops early and says so.
    assert_eq!(summary["stopped_early"], true);
    let merges = summary["merges"].as_u64().unwrap();
    assert_eq!(summary["vocab_size"].as_u64().unwrap(), 256 + merges + 1);
    let ids = json(&lupe(&[
        "tokenize",
        "--tokenizer",
        out_file.to_str().unwrap(),
        " König",
    ]));
    assert_eq!(ids.as_array().unwrap().len(), 1);

    // The seed's word-level example.
    let seed = dir.join("seed.txt");
    std::fs::write(&seed, "low lower lowest").unwrap();
    let word_file = dir.join("words.json");
    let summary = json(&lupe(&[
        "train-tokenizer",
        "--word-level",
        "--vocab-size",
        "12",
        "--out",
        word_file.to_str().unwrap(),
        seed.to_str().unwrap(),
    ]));
    // Alphabet e l o r s t w, plus </w> and <unk>: 9 symbols, so 3 merges make 12.
    assert_eq!(summary["merges"], 3);
    let saved: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&word_file).unwrap()).unwrap();
    assert_eq!(
        saved["model"]["merges"],
        serde_json::json!([["l", "o"], ["lo", "w"], ["low", "e"]])
    );

    // Problems are named.
    let out = lupe(&[
        "train-tokenizer",
        "--vocab-size",
        "10",
        "--out",
        out_file.to_str().unwrap(),
        corpus.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("too small"));
    let binary = dir.join("binary.bin");
    std::fs::write(&binary, [0x61, 0xC3, 0x28]).unwrap();
    let out = lupe(&[
        "train-tokenizer",
        "--vocab-size",
        "300",
        "--out",
        out_file.to_str().unwrap(),
        binary.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("binary.bin is not valid UTF-8 (invalid byte at offset 1)")
    );
    let out = lupe(&[
        "train-tokenizer",
        "--vocab-size",
        "300",
        "--out",
        out_file.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
}

fn tiny_model() -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/model/tiny-gpt2").to_string()
}

#[test]
fn logits_and_generate() {
    let dir = tiny_model();
    let logits = json(&lupe(&["logits", "--model", &dir, "--ids", "5,17,300"]));
    let rows = logits.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[0].as_array().unwrap().len(), 317);

    // Greedy continuation equals transformers' generate() (tests/model/expected.json).
    let out = json(&lupe(&[
        "generate",
        "--model",
        &dir,
        "--ids",
        "5,17,300",
        "--max-new-tokens",
        "4",
    ]));
    assert_eq!(out["ids"], serde_json::json!([81, 145, 302, 216]));
    assert_eq!(out["stop"], "max_new_tokens");
    assert!(out.get("text").is_none());

    let sampled = |seed: &str| {
        json(&lupe(&[
            "generate",
            "--model",
            &dir,
            "--ids",
            "5,17",
            "--temperature",
            "0.8",
            "--top-k",
            "20",
            "--top-p",
            "0.9",
            "--seed",
            seed,
        ]))["ids"]
            .clone()
    };
    assert_eq!(sampled("3"), sampled("3"));
    assert_ne!(sampled("3"), sampled("4"));
}

#[test]
fn model_commands_refuse_bad_input() {
    let dir = tiny_model();
    let cases: [(&[&str], &str); 6] = [
        (
            &["logits", "--model", &dir, "--ids", "1,400"],
            "token id 400 is outside the vocabulary",
        ),
        (
            &["logits", "--model", &dir, "--ids", "1,x"],
            "\"x\" is not a token id",
        ),
        (
            &["logits", "--model", &dir, "--ids", ""],
            "at least one token",
        ),
        (
            &["generate", "--model", &dir, "--prompt", "hallo"],
            "needs a tokenizer",
        ),
        (
            &["generate", "--model", &dir, "--ids", "1", "--top-p", "0"],
            "top-p must be a number above 0",
        ),
        (
            &["logits", "--model", "/nonexistent", "--ids", "1"],
            "cannot read /nonexistent/config.json",
        ),
    ];
    for (args, expected) in cases {
        let out = lupe(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    let out = lupe(&[
        "generate",
        "--model",
        &dir,
        "--greedy",
        "--temperature",
        "1",
        "--ids",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn search_prints_the_best_chunks_of_the_given_text_as_json() {
    let dir = std::env::temp_dir().join(format!("lupe-search-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let notes = dir.join("notes.txt");
    std::fs::write(
        &notes,
        "The chess club meets on Friday in room four. The choir sings on Monday in the hall. \
         Ms Zgraggen runs the museum. Bus line 37 goes to the stadium.",
    )
    .unwrap();
    let embedder = concat!(env!("CARGO_MANIFEST_DIR"), "/www/models/embed");
    let run = |method: &str, query: &str| {
        let out = lupe(&[
            "search",
            "--embedder",
            embedder,
            "--knowledge",
            notes.to_str().unwrap(),
            "--query",
            query,
            "-k",
            "2",
            "--method",
            method,
            "--chunk-words",
            "10",
        ]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v.as_array().unwrap().clone()
    };
    // Stop words ("who", "the") do not count: two chunks share a keyword, one of them two.
    let hits = run("bm25", "Who runs the museum near the stadium?");
    assert_eq!(hits.len(), 2);
    assert_eq!(hits[0]["chunk"], "Ms Zgraggen runs the museum.");
    assert_eq!(hits[0]["source"], notes.display().to_string());
    assert!(hits[0]["score"].as_f64().unwrap() > hits[1]["score"].as_f64().unwrap());
    for method in ["vector", "hybrid"] {
        let hits = run(method, "Which bus goes to the stadium?");
        assert_eq!(hits.len(), 2, "{method}");
        assert!(
            hits.iter()
                .all(|h| h["chunk"].is_string() && h["score"].is_f64())
        );
    }
    // Bad input: no knowledge, an unknown method, a binary file.
    let fail = |args: &[&str], expected: &str| {
        let out = lupe(args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    };
    fail(
        &["search", "--embedder", embedder, "--query", "x"],
        "the knowledge base is empty",
    );
    fail(
        &[
            "search",
            "--embedder",
            embedder,
            "--builtin",
            "--query",
            "x",
            "--method",
            "grep",
        ],
        "unknown method",
    );
    let binary = dir.join("photo.jpg");
    std::fs::write(&binary, [0xff, 0xd8, 0xff, 0xe0, 0xc3, 0x28]).unwrap();
    fail(
        &[
            "search",
            "--embedder",
            embedder,
            "--knowledge",
            binary.to_str().unwrap(),
            "--query",
            "x",
        ],
        "is not UTF-8 text",
    );
}
