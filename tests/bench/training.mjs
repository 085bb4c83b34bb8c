// Training benchmark (scripts/bench.sh training builds the binaries first): tokens per second of
// forward + backward + AdamW on the built-in model's shape, natively (threads) and in wasm,
// against PyTorch on the CPU with the same model size and batch. Appends rows to BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const run = (cmd, args) => JSON.parse(execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const native = run(join(root, 'target/release/examples/bench_training'), ['10']);
const torch = run(process.env.PYREF ?? 'python3', [join(root, 'tests/bench/torch_training.py'), String(native.threads)]);
const wasm = run('node', [join(root, 'tests/bench/training-wasm.mjs')]);
const peer = `PyTorch ${torch.torch} CPU, ${torch.threads} threads, same shape and batch`;
await record([
  { bench: 'training', figure: `built-in shape (d 128, 4 layers, V 2048), batch 16 × 128, native (${native.threads} threads)`, value: native.tokens_per_s, unit: 'tokens/s', peer, peerValue: torch.tokens_per_s },
  { bench: 'training', figure: `built-in shape, batch 16 × 128, wasm (simd128, 1 thread) in Node ${wasm.node}`, value: wasm.tokens_per_s, unit: 'tokens/s', peer, peerValue: torch.tokens_per_s },
]);
