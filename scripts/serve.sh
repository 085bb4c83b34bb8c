#!/usr/bin/env bash
# Installs what is missing and serves Lupe at http://127.0.0.1:8080, rebuilding on change.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
echo "[serve] http://127.0.0.1:8080  (Ctrl+C stops)"
exec trunk serve "$@"
