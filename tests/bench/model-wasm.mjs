// Wasm model benchmark in Node: decoding speed and the traced forward pass over 64 tokens,
// for the shapes of examples/bench_model.rs (same seed, so the same weights). Prints JSON.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { root } from '../e2e/helpers.mjs';

const require = createRequire(import.meta.url);
const { BenchModel } = require(join(root, 'target/bench/wasm/model_wasm.js'));
const out = { node: process.version };
for (const [name, newTokens] of [['builtin', 64], ['gpt2-124m', 16]]) {
  const config = readFileSync(join(root, 'target/bench/models', name, 'config.json'), 'utf8');
  const model = new BenchModel(config, 1n);
  const prompt = new Uint32Array(Array.from({ length: 8 }, (_, i) => i * 7 + 1));
  model.generate(prompt, 2);
  let best = Infinity;
  let tokens;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    tokens = model.generate(prompt, newTokens);
    best = Math.min(best, performance.now() - t);
  }
  const ids = new Uint32Array(Array.from({ length: 64 }, (_, i) => (i * 31 + 5) % 2048));
  let traced = Infinity;
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    model.traced_forward(ids);
    traced = Math.min(traced, performance.now() - t);
  }
  out[name] = { tokens_per_s: newTokens / (best / 1e3), traced_forward_64_ms: traced, greedy_tokens: Array.from(tokens) };
  model.free();
}
console.log(JSON.stringify(out));
