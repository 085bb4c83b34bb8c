//! The browser entry point, built by Trunk (see `index.html`); the app lives in `lupe::ui`.

#[cfg(target_arch = "wasm32")]
fn main() {
    lupe::ui::start();
}

/// The web app only runs in a browser; natively, say how to serve it.
#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    eprintln!("lupe-web is the browser app: serve it with ./scripts/serve.sh");
    std::process::ExitCode::from(2)
}
