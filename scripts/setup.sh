#!/usr/bin/env bash
# Installs what Lupe needs, skipping whatever is already there (safe to run again and again).
#
#   scripts/setup.sh          tools to build and serve the site: the Rust toolchain with the
#                             wasm32 target (rust-toolchain.toml), trunk and wasm-bindgen-cli at
#                             the pinned versions
#   scripts/setup.sh --site   also the npm packages from package-lock.json (npm ci): binaryen's
#                             wasm-opt for release builds
#   scripts/setup.sh --test   also what the tests need: Debian's chromium, chromium-driver,
#                             mesa-vulkan-drivers and poppler-utils (apt, as root), and the npm
#                             packages
#                             (playwright-core, binaryen)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen version in Cargo.lock

say() { printf '[setup] %s\n' "$*"; }

export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! command -v rustup >/dev/null; then
    echo "[setup] rustup is missing: install it from https://rustup.rs and run this again" >&2
    exit 1
fi
# rust-toolchain.toml pins the toolchain; this installs it (and the wasm32 target) if missing.
rustup show active-toolchain >/dev/null
toolchain=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
if ! rustup target list --installed --toolchain "$toolchain" | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown --toolchain "$toolchain"
fi

version_of() { "$@" 2>/dev/null | head -n1 | awk '{print $2}'; }

if [ "$(version_of trunk --version)" != "$TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (compiles from source; a few minutes)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if [ "$(version_of wasm-bindgen --version)" != "$WASM_BINDGEN_VERSION" ] \
    || [ "$(version_of wasm-bindgen-test-runner --version)" != "$WASM_BINDGEN_VERSION" ]; then
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (compiles from source; a few minutes)"
    # Without --locked: the locked build asks for a webpki-roots version the registry lacks.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

mode="${1:-}"
case "$mode" in
    "") exit 0 ;;
    --site | --test) ;;
    *) echo "[setup] usage: scripts/setup.sh [--site | --test]" >&2; exit 2 ;;
esac

install_npm_packages() {
    if ! command -v npm >/dev/null; then
        echo "[setup] npm is missing: install Node.js (18 or newer) and run this again" >&2
        exit 1
    fi
    # npm ci only when node_modules does not match package-lock.json.
    if ! cmp -s package-lock.json node_modules/.package-lock.json 2>/dev/null; then
        say "installing npm packages (npm ci)"
        npm ci --no-audit --no-fund --loglevel=error
    fi
}

if [ "$mode" = --site ]; then
    install_npm_packages
    exit 0
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
ls /usr/share/vulkan/icd.d/lvp_icd*.json >/dev/null 2>&1 || missing+=(mesa-vulkan-drivers)
# pdfinfo and pdftotext check the printed handouts.
command -v pdfinfo >/dev/null || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null; then sudo="sudo"; else
        echo "[setup] missing Debian packages: ${missing[*]}; install them as root" >&2
        exit 1
    fi
    say "installing ${missing[*]} (apt)"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

install_npm_packages
