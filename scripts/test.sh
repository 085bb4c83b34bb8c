#!/usr/bin/env bash
# Runs every test Lupe has, installing what testing needs where it is missing:
#   setup · fmt · clippy (native, wasm32) · native tests (GPU on Mesa lavapipe) · wasm tests in
#   headless Chromium (WebGPU on SwiftShader) · release build of the site · end-to-end tests
#   against that build on 127.0.0.1.
# Prints one summary line per stage and exits non-zero if any stage failed.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
export CARGO_TERM_COLOR=never
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=180
# Mesa's drivers complain on every device open when this is unset (no desktop session in CI).
export XDG_RUNTIME_DIR="${XDG_RUNTIME_DIR:-/tmp}"

names=()
results=()
failed=0

stage() {
    local name=$1
    shift
    local start=$SECONDS
    printf '\n=== %s: %s\n' "$name" "$*"
    if "$@"; then
        results+=("PASS  $name ($((SECONDS - start)) s)")
    else
        results+=("FAIL  $name ($((SECONDS - start)) s)")
        failed=$((failed + 1))
    fi
    names+=("$name")
}

summary() {
    printf '\n=== summary\n'
    printf '%s\n' "${results[@]}"
    printf 'stages: %d passed, %d failed\n' "$(( ${#names[@]} - failed ))" "$failed"
}

stage setup scripts/setup.sh --test
if [ $failed -gt 0 ]; then summary; exit 1; fi

stage fmt cargo fmt --check
stage clippy-native cargo clippy --all-targets --locked -- -D warnings
stage clippy-wasm cargo clippy --target wasm32-unknown-unknown --lib --bins --tests --locked -- -D warnings
stage test-native cargo test --locked
stage test-wasm cargo test --target wasm32-unknown-unknown --lib --bins --tests --locked
before=$failed
stage build-site scripts/build-site.sh
if [ $failed -eq $before ]; then
    stage e2e npm run --silent e2e
fi

summary
[ $failed -eq 0 ]
