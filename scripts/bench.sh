#!/usr/bin/env bash
# Measures speed and size and appends rows to BENCHMARKS.md (date, machine, figure, and the ratio
# against a peer measured in the same run). Not part of the test command: numbers are recorded,
# not asserted.
#
#   scripts/bench.sh            every benchmark
#   scripts/bench.sh page       one or more of: page visualizer tokenizer model training gpu lab rag
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
scripts/setup.sh --test
venv=target/bench/pyref

# The peers in Python (transformers, torch, onnx), in a virtual environment of their own:
#   pyref "import check" package…
pyref() {
    local check=$1
    shift
    [ -x "$venv/bin/python" ] || python3 -m venv "$venv"
    "$venv/bin/python" -c "$check" 2>/dev/null || "$venv/bin/pip" install -q "$@"
}

# A wasm example built for Node: wasm_for_node EXAMPLE → target/bench/wasm/EXAMPLE.js
wasm_for_node() {
    cargo build --release --target wasm32-unknown-unknown --example "$1"
    wasm-bindgen --target nodejs --out-dir target/bench/wasm \
        "target/wasm32-unknown-unknown/release/examples/$1.wasm"
    echo '{"type":"commonjs"}' > target/bench/wasm/package.json
}

benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(page visualizer tokenizer model training gpu lab rag)
for b in "${benches[@]}"; do
    case "$b" in
        page)
            scripts/build-site.sh >/dev/null
            node tests/bench/page.mjs
            ;;
        visualizer)
            scripts/build-site.sh >/dev/null
            node tests/bench/visualizer.mjs
            ;;
        tokenizer)
            python3 -c 'import tokenizers' 2>/dev/null || python3 -m pip install -q tokenizers==0.23.3
            node tests/gpt2/vocab-from-npm.mjs
            node tests/bench/mixed-text.mjs
            cargo build --release --example bench_tokenizer
            wasm_for_node tokenizer_wasm
            node tests/bench/tokenizer.mjs
            ;;
        model)
            # The peer: Hugging Face transformers on the CPU.
            pyref 'import torch, transformers' torch transformers safetensors
            cargo build --release --example bench_model
            wasm_for_node model_wasm
            PYREF="$venv/bin/python" node tests/bench/model.mjs
            ;;
        training)
            pyref 'import torch, transformers' torch transformers safetensors
            cargo build --release --example bench_training
            wasm_for_node training_wasm
            PYREF="$venv/bin/python" node tests/bench/training.mjs
            ;;
        gpu)
            # Lupe's WebGPU path in headless Chromium; the peer is onnxruntime-web running the
            # model benchmark's weights exported to ONNX by transformers.
            pyref 'import torch, transformers, onnx, onnxscript' torch transformers safetensors onnx onnxscript
            if [ ! -f target/bench/models/gpt2-124m/model.safetensors ]; then
                cargo build --release --example bench_model
                target/release/examples/bench_model target/bench/models >/dev/null
            fi
            cargo build --release --target wasm32-unknown-unknown --example gpu_wasm
            wasm-bindgen --target web --out-dir target/bench/gpu-web \
                target/wasm32-unknown-unknown/release/examples/gpu_wasm.wasm
            "$venv/bin/python" tests/bench/export_onnx.py target/bench/models target/bench/gpu-web
            if [ ! -f target/bench/ort/node_modules/onnxruntime-web/package.json ]; then
                mkdir -p target/bench/ort
                echo '{"private": true}' > target/bench/ort/package.json
                (cd target/bench/ort && npm install --no-audit --no-fund onnxruntime-web@1.30.0)
            fi
            node tests/bench/gpu.mjs
            ;;
        lab)
            cargo build --release --example bench_lab
            scripts/build-site.sh >/dev/null
            node tests/bench/lab.mjs
            ;;
        rag)
            cargo build --release --example rag_eval
            node tests/bench/rag.mjs
            ;;
        *) echo "bench: unknown benchmark '$b' (known: page visualizer tokenizer model training gpu lab rag)" >&2; exit 2 ;;
    esac
done
