//! Helpers shared by the native integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// `target/gpt2/`, holding GPT-2's vocab.json and merges.txt, rebuilt from npm's js-tiktoken by
/// `tests/gpt2/vocab-from-npm.mjs` when missing (1.5 MB, so not in git).
pub fn gpt2_dir() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join("gpt2");
    if !dir.join("merges.txt").is_file() {
        let status = std::process::Command::new("node")
            .arg(root.join("tests/gpt2/vocab-from-npm.mjs"))
            .arg(&dir)
            .status();
        assert!(
            status.is_ok_and(|s| s.success()),
            "could not build target/gpt2 from npm's js-tiktoken; run `npm ci` (scripts/test.sh does)"
        );
    }
    dir
}

/// A fresh, empty folder for one test's files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
