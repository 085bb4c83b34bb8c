// Wasm tokenizer benchmark in Node: our tokenizer compiled to wasm against js-tiktoken, in the
// same JS engine, on the same ~1 MB of mixed text (median of 7). Prints JSON.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { Tiktoken } from 'js-tiktoken/lite';
import gpt2 from 'js-tiktoken/ranks/gpt2';
import { root } from '../e2e/helpers.mjs';

const require = createRequire(import.meta.url);
const { BenchTokenizer } = require(join(root, 'target/bench/wasm/tokenizer_wasm.js'));
const dir = join(root, 'target/gpt2');
const text = readFileSync(join(root, 'target/bench/mixed-1mb.txt'), 'utf8');
const bytes = Buffer.byteLength(text);

const ours = new BenchTokenizer(readFileSync(join(dir, 'vocab.json'), 'utf8'), readFileSync(join(dir, 'merges.txt'), 'utf8'));
const peer = new Tiktoken(gpt2);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
function time(f) {
  const runs = [];
  let out;
  for (let i = 0; i < 7; i++) {
    const t = performance.now();
    out = f();
    runs.push(performance.now() - t);
  }
  return { ms: median(runs), out };
}
const a = time(() => ours.encode(text));
const b = time(() => peer.encode(text, [], []));
const same = a.out.length === b.out.length && a.out.every((v, i) => v === b.out[i]);
console.log(JSON.stringify({
  node: process.version,
  ours_mb_per_s: bytes / 1e6 / (a.ms / 1e3),
  peer_mb_per_s: bytes / 1e6 / (b.ms / 1e3),
  identical_ids: same,
  tokens: a.out.length,
}));
