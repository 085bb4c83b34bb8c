// More models: GPT-2 from a hub mirror (progress, a download that breaks off and resumes with a
// range request, Cache Storage for the next visit) and a model from the user's own files (a
// broken set leaves the loaded model in place; a large model is computed layer by layer).
//
// The mirror serves the built-in base model's files under /hub/ in place of GPT-2's 550 MB, so
// the test runs offline and fast; the code path is the same.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, newPage, until, root, shot } from './helpers.mjs';

const base = join(root, 'www/models/base');
const files = {
  'config.json': readFileSync(join(base, 'config.json')),
  'tokenizer.json': readFileSync(join(base, 'tokenizer.json')),
  'model.safetensors': readFileSync(join(base, 'model.safetensors')),
};
const ranges = [];
let breakNext = true;

/** The mock mirror: range requests answered with 206; the first weights request breaks off. */
async function mirror(req, res, path) {
  if (!path.startsWith('/hub/')) return false;
  const body = files[path.slice(5)];
  if (!body) { res.writeHead(404).end(); return true; }
  const cors = { 'access-control-allow-origin': '*', 'content-type': 'application/octet-stream' };
  const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
  if (range) {
    ranges.push(`${path} ${req.headers.range}`);
    const from = Number(range[1]);
    res.writeHead(206, { ...cors, 'content-length': body.length - from, 'content-range': `bytes ${from}-${body.length - 1}/${body.length}` });
    res.end(body.subarray(from));
    return true;
  }
  res.writeHead(200, { ...cors, 'content-length': body.length });
  if (path.endsWith('.safetensors') && breakNext) {
    breakNext = false;
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => setTimeout(() => res.destroy(), 50));
    return true;
  }
  res.end(body);
  return true;
}

let server, browser;
before(async () => {
  server = await serve('/', mirror);
  browser = await launch({ webgpu: false });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function openModels(page, hash) {
  await page.goto(`${server.url}#/${hash}`);
  await page.locator('.chips .chip').first().waitFor({ timeout: 60_000 });
  await page.getByTestId('more-models').click();
  await page.getByTestId('models-panel').waitFor();
}

test('GPT-2 download: progress, a break, resume with a range request, then from the cache', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en' });
  await openModels(page, 'tokens?lang=en');
  await page.locator('details.source summary').click();
  await page.getByTestId('gpt2-source').fill(`${server.url}hub/`);
  await page.getByTestId('gpt2-download').click();
  // The weights break off half way: a clear message, and a resume button with what arrived.
  await page.getByTestId('gpt2-error').waitFor({ timeout: 30_000 });
  assert.match(await page.getByTestId('gpt2-error').innerText(), /did not finish[\s\S]*model\.safetensors: the download broke off/);
  assert.match(await page.getByTestId('gpt2-download').innerText(), /Resume/);
  await shot(page, 'models-resume-en');
  // The page keeps working meanwhile: the chat model is still in use.
  assert.equal(await page.locator('[data-model="chat"]').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('gpt2-download').click();
  await until(() => page.locator('[data-model="gpt2"]').getAttribute('aria-pressed').catch(() => null), 'true', 'GPT-2 is in use');
  assert.equal(ranges.length, 1, `one range request: ${ranges}`);
  assert.match(ranges[0], /model\.safetensors bytes=\d+-/);
  assert.ok(Number(/bytes=(\d+)/.exec(ranges[0])[1]) > 0);
  await page.locator('.chips .chip').first().waitFor();
  assert.match(page.url(), /model=gpt2/);

  // A new visit with the link loads GPT-2 from Cache Storage, without the mirror.
  const hubRequests = server.served.filter((p) => p.startsWith('/hub/')).length;
  const again = await context.newPage();
  await again.goto(page.url());
  await until(() => again.locator('[data-model="gpt2"]').getAttribute('aria-pressed').catch(() => null), 'true', 'GPT-2 again');
  await again.locator('.chips .chip').first().waitFor();
  assert.equal(server.served.filter((p) => p.startsWith('/hub/')).length, hubRequests, 'no request to the mirror');
  assert.deepEqual(errors.filter((e) => !/Failed to load resource|ERR_/.test(e)), []);
  await context.close();
});

/** Writes a random GPT-2-style model with over 10 M parameters (so the page computes it layer by layer). */
function largeModel() {
  const dir = mkdtempSync(join(tmpdir(), 'lupe-large-'));
  const cfg = JSON.parse(files['config.json']);
  Object.assign(cfg, { n_embd: 256, n_head: 4, n_inner: 1024, n_layer: 13, n_positions: 128 });
  const [v, d, f, L, T] = [cfg.vocab_size, 256, 1024, 13, 128];
  const shapes = { 'wte.weight': [v, d], 'wpe.weight': [T, d], 'ln_f.weight': [d], 'ln_f.bias': [d] };
  for (let i = 0; i < L; i++) {
    Object.assign(shapes, {
      [`h.${i}.ln_1.weight`]: [d], [`h.${i}.ln_1.bias`]: [d], [`h.${i}.ln_2.weight`]: [d], [`h.${i}.ln_2.bias`]: [d],
      [`h.${i}.attn.c_attn.weight`]: [d, 3 * d], [`h.${i}.attn.c_attn.bias`]: [3 * d],
      [`h.${i}.attn.c_proj.weight`]: [d, d], [`h.${i}.attn.c_proj.bias`]: [d],
      [`h.${i}.mlp.c_fc.weight`]: [d, f], [`h.${i}.mlp.c_fc.bias`]: [f],
      [`h.${i}.mlp.c_proj.weight`]: [f, d], [`h.${i}.mlp.c_proj.bias`]: [d],
    });
  }
  const header = {};
  let offset = 0;
  const parts = [];
  let seed = 1;
  for (const [name, shape] of Object.entries(shapes)) {
    const n = shape.reduce((a, b) => a * b, 1);
    const data = new Float32Array(n);
    const one = name.includes('ln_') && name.endsWith('weight');
    for (let i = 0; i < n; i++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      data[i] = one ? 1 : ((seed / 2 ** 32) - 0.5) * 0.04;
    }
    header[name] = { dtype: 'F32', shape, data_offsets: [offset, offset + n * 4] };
    offset += n * 4;
    parts.push(Buffer.from(data.buffer));
  }
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  writeFileSync(join(dir, 'model.safetensors'), Buffer.concat([len, json, ...parts]));
  writeFileSync(join(dir, 'config.json'), JSON.stringify(cfg));
  writeFileSync(join(dir, 'tokenizer.json'), files['tokenizer.json']);
  return dir;
}

test('own files: a broken set keeps the loaded model; a large model is computed layer by layer', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en' });
  await openModels(page, 'attention?lang=en');
  const input = page.getByTestId('local-files');
  await input.setInputFiles(['config.json', 'model.safetensors', 'tokenizer.json'].map((f) => join(base, f)));
  await until(() => page.locator('[data-model="local"]').getAttribute('aria-pressed').catch(() => null), 'true', 'own model in use');
  assert.match(await page.getByTestId('local-loaded').innerText(), /config\.json, model\.safetensors, tokenizer\.json/);
  await page.getByTestId('att-matrix').waitFor();

  // Missing and damaged files: a message naming them; the own model stays in use.
  await input.setInputFiles([join(base, 'config.json')]);
  await page.getByTestId('local-error').waitFor();
  assert.match(await page.getByTestId('local-error').innerText(), /missing: model\.safetensors, tokenizer\.json/);
  const dir = mkdtempSync(join(tmpdir(), 'lupe-broken-'));
  writeFileSync(join(dir, 'model.safetensors'), files['model.safetensors'].subarray(0, 5000));
  await input.setInputFiles([join(base, 'config.json'), join(dir, 'model.safetensors'), join(base, 'tokenizer.json')]);
  await until(async () => /damaged or cut off/.test(await page.getByTestId('local-error').innerText().catch(() => '')), true, 'damaged weights named');
  assert.equal(await page.locator('[data-model="local"]').getAttribute('aria-pressed'), 'true');
  await page.getByTestId('att-matrix').waitFor();
  await shot(page, 'models-local-error-en');

  // A model over 10 M parameters: progress per layer, then the chapter with 13 layers.
  const large = largeModel();
  await input.setInputFiles(['config.json', 'model.safetensors', 'tokenizer.json'].map((f) => join(large, f)));
  const computing = await page.waitForFunction(() => document.querySelector('[data-testid="computing"]')?.innerText, null, { timeout: 60_000, polling: 'raf' });
  assert.match(await computing.jsonValue(), /Computing layer \d+ of 13/);
  await page.getByTestId('att-matrix').waitFor({ timeout: 60_000 });
  await until(() => page.locator('[data-testid="head-grid"] .head-grid-row').count().catch(() => 0), 13, 'all 13 layers in the grid');
  assert.deepEqual(errors, []);
  await context.close();
});
