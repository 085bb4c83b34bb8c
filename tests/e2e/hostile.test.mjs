// Hostile input on the page: a dropped-in model folder that lies about its size, a tokenizer
// that does not belong to its model, a tensor given twice and a file cut off each get a message
// that names the file and the problem, and the loaded model, the prompt and the link stay. The
// training lab refuses a crafted link with absurd settings instead of allocating for them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, until, root, shot } from './helpers.mjs';

const base = join(root, 'www/models/base');
const config = readFileSync(join(base, 'config.json'), 'utf8');
const tokenizer = readFileSync(join(base, 'tokenizer.json'), 'utf8');
const weights = readFileSync(join(base, 'model.safetensors'));

/** A folder with the three files, each the base model's unless given. */
function folder(files) {
  const dir = mkdtempSync(join(tmpdir(), 'lupe-hostile-'));
  const all = { 'config.json': config, 'tokenizer.json': tokenizer, 'model.safetensors': weights, ...files };
  for (const [name, body] of Object.entries(all)) writeFileSync(join(dir, name), body);
  return ['config.json', 'model.safetensors', 'tokenizer.json'].map((f) => join(dir, f));
}

/** The weights with `wte.weight` a second time as `transformer.wte.weight` (appended data). */
function duplicateTensor() {
  const n = Number(weights.readBigUInt64LE(0));
  const header = JSON.parse(weights.subarray(8, 8 + n).toString('utf8'));
  const data = weights.subarray(8 + n);
  const wte = header['wte.weight'];
  const [from, to] = wte.data_offsets;
  header['transformer.wte.weight'] = { ...wte, data_offsets: [data.length, data.length + to - from] };
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, data, data.subarray(from, to)]);
}

/** The tokenizer with 50 special tokens beyond the model's vocabulary. */
function biggerTokenizer() {
  const t = JSON.parse(tokenizer);
  const size = JSON.parse(config).vocab_size;
  for (let i = 0; i < 50; i++) {
    t.added_tokens.push({ content: `<|extra${i}|>`, id: size + i, lstrip: false, normalized: false, rstrip: false, single_word: false, special: true });
  }
  return JSON.stringify(t);
}

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch({ webgpu: false });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test('a hostile model folder: a message naming file and problem; model, prompt and link stay', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en' });
  const prompt = 'My own words stay here';
  await page.goto(`${server.url}#/attention?lang=en&prompt=${encodeURIComponent(prompt)}`);
  await page.locator('.chips .chip').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('more-models').click();
  const input = page.getByTestId('local-files');
  const error = page.getByTestId('local-error');
  const cases = [
    ['a config that claims 100,000 layers', { 'config.json': JSON.stringify({ ...JSON.parse(config), n_layer: 100000 }) },
      /config\.json: this model would need [\d.]+ GB of memory, more than the limit of 1\.5 GB/],
    ['a tokenizer from another model', { 'tokenizer.json': biggerTokenizer() },
      /the tokenizer has 1409 tokens but the model only 1359: they do not belong together/],
    ['a tensor given twice', { 'model.safetensors': duplicateTensor() },
      /model\.safetensors holds the tensor wte\.weight twice/],
    ['weights cut off', { 'model.safetensors': weights.subarray(0, 5000) }, /damaged or cut off/],
    ['a config that is not JSON', { 'config.json': '{"n_layer": 4,' }, /config\.json is not valid JSON/],
    ['a layer_norm_epsilon that is text', { 'config.json': JSON.stringify({ ...JSON.parse(config), layer_norm_epsilon: 'tiny' }) },
      /config\.json: layer_norm_epsilon must be a number/],
  ];
  for (const [what, files, message] of cases) {
    await input.setInputFiles(folder(files));
    await until(async () => message.test(await error.innerText().catch(() => '')), true, `${what}: ${message}`);
    if (what.startsWith('a tokenizer')) await shot(page, 'hostile-tokenizer-en');
    // The built-in chat model stays in use, with the student's prompt, in the page and the link.
    assert.equal(await page.locator('[data-model="chat"]').getAttribute('aria-pressed'), 'true', what);
    assert.equal(await page.locator('#prompt').inputValue(), prompt, what);
    assert.match(decodeURIComponent(page.url()), new RegExp(`prompt=${prompt}`), what);
    await page.getByTestId('att-matrix').waitFor();
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the lab refuses a crafted link with absurd settings and keeps working', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en' });
  await page.goto(`${server.url}#/training?lang=en&width=100000&layers=2`);
  const start = page.getByTestId('lab-start');
  await until(() => start.isEnabled(), true, 'the lab is ready');
  await start.click();
  await page.getByTestId('lab-error').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('lab-error').innerText(), /model width 16–256 \(a multiple of 4\) and 1–6 layers, please/);
  await shot(page, 'hostile-lab-en');
  // A sensible width from the menu trains as usual.
  await page.getByTestId('lab-width').selectOption('32');
  await start.click();
  await until(async () => /\d/.test(await page.getByTestId('lab-status').innerText().catch(() => '')), true, 'training runs');
  assert.equal(await page.getByTestId('lab-error').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
