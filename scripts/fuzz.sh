#!/usr/bin/env bash
# Fuzzes the loaders (model.safetensors, config.json, tokenizer.json, vocab.json + merges.txt,
# training configs) for SECONDS (default 600) with the mutators of tests/fuzz.rs. Every input
# that makes a loader panic or allocate beyond its bound is written to tests/fuzz/found/, where
# the test command replays it; an input that kills the process (an allocation the system
# refuses) is rescued from target/fuzz-current.bin.
#
#   scripts/fuzz.sh [SECONDS]
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
seconds="${1:-600}"
current=target/fuzz-current.bin
rm -f "$current"
FUZZ_SECONDS="$seconds" cargo test --release --locked --test fuzz -- --ignored --nocapture long_fuzz
status=$?
if [ -f "$current" ]; then
    # The process died inside a case: its first line names the target, the rest is the input.
    target=$(head -n 1 "$current")
    mkdir -p tests/fuzz/found
    name="tests/fuzz/found/${target}-crash-$(date +%s).bin"
    tail -n +2 "$current" > "$name"
    echo "[fuzz] the process died on an input; kept as $name"
    status=1
fi
exit $status
