// Model benchmark (scripts/bench.sh model builds the binaries first): decoding speed and the
// traced forward pass, natively against transformers on the same weights, and in wasm (Node)
// against the native build. Appends rows to BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const run = (cmd, args) => JSON.parse(execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
const dir = join(root, 'target/bench/models');
const native = run(join(root, 'target/release/examples/bench_model'), [dir]);
const hf = run(process.env.PYREF ?? 'python3', [join(root, 'tests/bench/hf_model.py'), dir, String(native.builtin.threads)]);
const wasm = run('node', [join(root, 'tests/bench/model-wasm.mjs')]);

const rows = [];
for (const [name, label] of [['builtin', 'built-in size (d 128, 4 layers, V 2048)'], ['gpt2-124m', 'GPT-2 124M shape']]) {
  const same = JSON.stringify(native[name].greedy_tokens) === JSON.stringify(hf[name].greedy_tokens);
  if (!same) throw new Error(`${name}: Lupe and transformers generated different tokens from the same weights`);
  const peer = `transformers ${hf.transformers} / torch ${hf.torch}, ${hf.threads} threads, same weights`;
  rows.push(
    { bench: 'model', figure: `${label}: greedy decoding, native (${native[name].threads} threads)`, value: native[name].tokens_per_s, unit: 'tokens/s', peer, peerValue: hf[name].tokens_per_s },
    { bench: 'model', figure: `${label}: traced forward pass over 64 tokens, native`, value: native[name].traced_forward_64_ms, unit: 'ms', peer: `${peer} (output_attentions + hidden states)`, peerValue: hf[name].traced_forward_64_ms },
    { bench: 'model', figure: `${label}: greedy decoding, wasm (simd128) in Node ${wasm.node}`, value: wasm[name].tokens_per_s, unit: 'tokens/s', peer: 'the native build, same run', peerValue: native[name].tokens_per_s },
    { bench: 'model', figure: `${label}: traced forward pass over 64 tokens, wasm in Node`, value: wasm[name].traced_forward_64_ms, unit: 'ms', peer: 'the native build, same run', peerValue: native[name].traced_forward_64_ms },
  );
}
await record(rows);
