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
