// Tokenizer benchmark (scripts/bench.sh tokenizer builds the binaries first): GPT-2 encoding
// natively against Hugging Face tokenizers and in wasm against js-tiktoken, each pair in the same
// run on the same text; training speed; long inputs. Appends rows to BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const run = (cmd, args) => JSON.parse(execFileSync(cmd, args, { cwd: root, encoding: 'utf8' }));
const gpt2 = join(root, 'target/gpt2');
const mixed = join(root, 'target/bench/mixed-1mb.txt');
const mixed10 = join(root, 'target/bench/mixed-10mb.txt');

const synthetic = join(root, 'target/bench/synthetic-1mb.txt');
const native = run(join(root, 'target/release/examples/bench_tokenizer'), [gpt2, mixed, mixed10, synthetic]);
const hf = run('python3', [join(root, 'tests/bench/hf_tokenizer.py'), gpt2, mixed]);
if (hf.tokens !== native.tokens) throw new Error(`token counts differ: ours ${native.tokens}, HF ${hf.tokens}`);
const wasm = run('node', [join(root, 'tests/bench/tokenizer-wasm.mjs')]);
if (!wasm.identical_ids) throw new Error('wasm and js-tiktoken disagree on the mixed text');

await record([
  { bench: 'tokenizer', figure: 'GPT-2 encode, 1 MiB mixed text, native (1 thread)', value: native.encode_mb_per_s, unit: 'MB/s', peer: `HF tokenizers ${hf.version} encode(), same text & files`, peerValue: hf.encode_mb_per_s },
  { bench: 'tokenizer', figure: 'GPT-2 encode, 1 MiB mixed text, native (1 thread)', value: native.encode_mb_per_s, unit: 'MB/s', peer: `HF tokenizers ${hf.version} encode_batch() of the lines, all cores`, peerValue: hf.batch_mb_per_s },
  { bench: 'tokenizer', figure: 'GPT-2 encode, 1 MiB mixed text, wasm in Node', value: wasm.ours_mb_per_s, unit: 'MB/s', peer: `js-tiktoken 1.0.21, Node ${wasm.node}`, peerValue: wasm.peer_mb_per_s },
  { bench: 'tokenizer', figure: 'GPT-2 encode, 10 MiB mixed text, native', value: native.encode_10mb_mb_per_s, unit: 'MB/s', peer: 'same, 1 MiB (no blow-up: ratio ≈ 1)', peerValue: native.encode_mb_per_s },
  { bench: 'tokenizer', figure: 'GPT-2 encode, one 1 MiB word ("aaaa…"), native', value: native.one_mb_word_s * 1e3, unit: 'ms', peer: '1 MiB of mixed text', peerValue: 1e3 / native.encode_mb_per_s * 1.048576 },
  { bench: 'tokenizer', figure: 'GPT-2 encode, 1 MiB synthetic prose (~79k distinct words), native', value: native.synthetic_mb_per_s, unit: 'MB/s', peer: '1 MiB of mixed text', peerValue: native.encode_mb_per_s },
  { bench: 'tokenizer', figure: 'train byte-level BPE on 1 MiB synthetic prose to 4,096 tokens, native', value: native.train_1mb_4096_s * 1e3, unit: 'ms', peer: 'target 10 s', peerValue: 10_000 },
  { bench: 'tokenizer', figure: 'load GPT-2 vocab.json + merges.txt, native', value: native.load_ms, unit: 'ms', peer: '–', peerValue: null },
]);
