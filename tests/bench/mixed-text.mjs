// Writes target/bench/mixed-1mb.txt (and a 10 MB version): mixed text for tokenizer benchmarks,
// built only from files in this repository — English and German prose (README, the string
// tables), Rust code, and the multilingual GPT-2 fixture texts (CJK, Cyrillic, emoji, numbers,
// URLs, whitespace runs) — repeated in a fixed order up to the size.
import { readFile, writeFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../e2e/helpers.mjs';

async function rustFiles(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await rustFiles(p)));
    else if (e.name.endsWith('.rs')) out.push(p);
  }
  return out.sort();
}

const parts = [
  await readFile(join(root, 'README.md'), 'utf8'),
  ...JSON.parse(await readFile(join(root, 'tests/gpt2/texts.json'), 'utf8')),
];
for (const f of await rustFiles(join(root, 'src'))) parts.push(await readFile(f, 'utf8'));

const outDir = join(root, 'target', 'bench');
await mkdir(outDir, { recursive: true });
for (const [name, size] of [['mixed-1mb.txt', 1 << 20], ['mixed-10mb.txt', 10 << 20]]) {
  let text = '';
  for (let i = 0; text.length < size; i++) text += parts[i % parts.length] + '\n';
  // Cut at a character boundary near the size in bytes.
  let buf = Buffer.from(text, 'utf8').subarray(0, size);
  while (buf.length && (buf[buf.length - 1] & 0xc0) === 0x80) buf = buf.subarray(0, buf.length - 1);
  if (buf.length && buf[buf.length - 1] >= 0xc0) buf = buf.subarray(0, buf.length - 1);
  await writeFile(join(outDir, name), buf);
}
// Synthetic prose without repetition: words built from syllables by a seeded generator, so
// almost every sentence is new (1 MiB, ~100k distinct words) — the hard case for training.
// mulberry32: a small seeded generator with 32-bit integer arithmetic.
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const syllables = ('ka ri to ne la mu so pe de ar en sch ung ei au ber ster lich keit the ing and ' +
  'tion ver ge be zu an ab mi fa ro li sa wo ha bi ku ze gra pro ex con dis ment ness ly er ' +
  'el um ol im ot ack ich ach eu ie ö ü ä ß é').split(' ');
const word = () => {
  let w = '';
  const n = 1 + Math.floor(rand() * 4);
  for (let i = 0; i < n; i++) w += syllables[Math.floor(rand() ** 1.5 * syllables.length)];
  return rand() < 0.1 ? w[0].toUpperCase() + w.slice(1) : w;
};
let synthetic = '';
while (Buffer.byteLength(synthetic) < 1 << 20) {
  const n = 4 + Math.floor(rand() * 12);
  const sentence = Array.from({ length: n }, word).join(' ');
  synthetic += sentence[0].toUpperCase() + sentence.slice(1) + (rand() < 0.2 ? ', ' + Math.floor(rand() * 2000) : '') + '. ';
  if (rand() < 0.1) synthetic += '\n\n';
}
await writeFile(join(outDir, 'synthetic-1mb.txt'), synthetic);
console.log(`mixed and synthetic text in ${outDir}`);
