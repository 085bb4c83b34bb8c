//! The native command-line tool; see `lupe --help` and [`lupe::cli`].

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    lupe::cli::main()
}

/// The command-line tool is native only; in the browser `lupe-web` runs instead. This entry
/// point exists so that `cargo test --target wasm32-unknown-unknown` can build every binary.
#[cfg(target_arch = "wasm32")]
fn main() {}
