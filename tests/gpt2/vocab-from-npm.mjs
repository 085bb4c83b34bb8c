// Writes GPT-2's vocab.json and merges.txt, rebuilt from the ranks that ship inside the npm
// package js-tiktoken, into target/gpt2/ (or the folder given as the first argument). The files
// are 1.5 MB, so they are generated here instead of kept in git.
//
// tiktoken stores GPT-2's vocabulary as ranks: token bytes → rank, where the rank is the GPT-2
// token id and rank 256 + n is the n-th merge. Each merge's two parts are found by running BPE
// on the token's bytes with only the lower ranks: the result must be exactly two tokens.
import { mkdir, writeFile, readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import gpt2 from 'js-tiktoken/ranks/gpt2';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = process.argv[2] ?? join(root, 'target', 'gpt2');

// GPT-2's byte → character mapping (see src/tokenizer/bytes.rs).
const printable = (b) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
const byteChar = [];
let shifted = 0;
for (let b = 0; b < 256; b++) byteChar[b] = String.fromCodePoint(printable(b) ? b : 256 + shifted++);
const text = (bytes) => Array.from(bytes, (b) => byteChar[b]).join('');

// token (as a key string) → rank, and rank → bytes
const rankOf = new Map();
const bytesOf = [];
for (const line of gpt2.bpe_ranks.split('\n').filter(Boolean)) {
  const [, offset, ...tokens] = line.split(' ');
  tokens.forEach((t, i) => {
    const bytes = Buffer.from(t, 'base64');
    const rank = Number(offset) + i;
    rankOf.set(bytes.toString('latin1'), rank);
    bytesOf[rank] = bytes;
  });
}
const key = (bytes) => Buffer.from(bytes).toString('latin1');

/** BPE on `bytes` using only ranks below `maxRank`; returns the parts as byte arrays. */
function bpe(bytes, maxRank) {
  let parts = Array.from(bytes, (b) => [b]);
  for (;;) {
    let best = null;
    for (let i = 0; i + 1 < parts.length; i++) {
      const r = rankOf.get(key([...parts[i], ...parts[i + 1]]));
      if (r !== undefined && r < maxRank && (best === null || r < best[0])) best = [r, i];
    }
    if (best === null) return parts;
    const i = best[1];
    parts.splice(i, 2, [...parts[i], ...parts[i + 1]]);
  }
}

const n = bytesOf.length;
const vocab = {};
for (let id = 0; id < n; id++) vocab[text(bytesOf[id])] = id;
for (const [content, id] of Object.entries(gpt2.special_tokens)) vocab[content] = id;
const merges = ['#version: 0.2'];
for (let rank = 256; rank < n; rank++) {
  const parts = bpe(bytesOf[rank], rank);
  if (parts.length !== 2) throw new Error(`token ${rank} does not split into two lower-ranked parts`);
  merges.push(`${text(parts[0])} ${text(parts[1])}`);
}

const vocabJson = JSON.stringify(vocab);
const mergesTxt = merges.join('\n') + '\n';
let same = false;
try {
  same = (await readFile(join(out, 'vocab.json'), 'utf8')) === vocabJson
    && (await readFile(join(out, 'merges.txt'), 'utf8')) === mergesTxt;
} catch { /* not there yet */ }
if (!same) {
  await mkdir(out, { recursive: true });
  await writeFile(join(out, 'vocab.json'), vocabJson);
  await writeFile(join(out, 'merges.txt'), mergesTxt);
}
console.log(`GPT-2 vocabulary: ${Object.keys(vocab).length} tokens, ${merges.length - 1} merges in ${out}${same ? ' (unchanged)' : ''}`);
