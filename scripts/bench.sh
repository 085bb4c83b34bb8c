#!/usr/bin/env bash
# Measures speed and size and appends rows to BENCHMARKS.md (date, machine, figure, and the ratio
# against a peer measured in the same run). Not part of the test command: numbers are recorded,
# not asserted.
#
#   scripts/bench.sh            every benchmark
#   scripts/bench.sh page       one of: page
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
scripts/setup.sh --test
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(page)
for b in "${benches[@]}"; do
    case "$b" in
        page)
            scripts/build-site.sh >/dev/null
            node tests/bench/page.mjs
            ;;
        *) echo "bench: unknown benchmark '$b' (known: page)" >&2; exit 2 ;;
    esac
done
