// Orientation: the overview with the live map, parameter counts and scale; the compact map atop
// every chapter; the glossary and the links into it — in German and English, on a phone and a
// projector, with an accessibility scan.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, newPage, until, root, shot, heading } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const CHAPTERS = ['overview', 'tokens', 'embeddings', 'positions', 'attention', 'layernorm', 'ffn',
  'logits', 'sampling', 'generation', 'roles', 'training', 'rag'];

let server, browser;
before(async () => {
  server = await serve('/');
  browser = await launch({ webgpu: false });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * The parameters a safetensors file holds, from its header: the element counts of its tensors,
 * without the attention-mask buffers GPT-2 checkpoints carry, and an LM head that merely repeats
 * the token embedding (a tied head) counted once.
 */
function parametersIn(file) {
  const bytes = readFileSync(file);
  const n = Number(bytes.readBigUInt64LE(0));
  const header = JSON.parse(bytes.subarray(8, 8 + n).toString('utf8'));
  let total = 0;
  for (const [name, t] of Object.entries(header)) {
    if (name === '__metadata__' || /attn\.(masked_)?bias$/.test(name) && !/c_attn|c_proj/.test(name)) continue;
    if (/lm_head\.weight$/.test(name)) continue; // tied in every model this test loads
    total += t.shape.reduce((a, b) => a * b, 1);
  }
  return total;
}

async function axe(page, name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, help: v.help }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad, [], `${name}: ${JSON.stringify(bad)}`);
}

async function noOverflow(page, what) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.ok(scroll <= width, `${what}: the page is ${scroll} px wide in a ${width} px window`);
}

for (const [lang, locale, sep] of [['de', 'de-CH', "'"], ['en', 'en', ',']]) {
  test(`overview (${lang}): live map, parameters counted from the tensors, scale`, async () => {
    const { page, context, errors } = await newPage(browser, { locale, viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}`);
    await heading(page, lang === 'de' ? 'Überblick: das ganze Modell' : 'Overview: the whole model');
    assert.equal(await page.evaluate(() => document.documentElement.lang), lang === 'de' ? 'de-CH' : 'en');
    const map = page.getByTestId('live-map');
    await map.waitFor({ timeout: 60_000 });
    // The map is the loaded model's: its shapes, the prompt's tokens and the likeliest next ones.
    const text = await map.textContent();
    assert.match(text, /1.359 × 128/);
    assert.match(text, /4 × (Schicht|layer)/);
    assert.match(text, /128 → 512 → 128/);
    assert.match(text, /d_k = 32/);
    assert.match(text, /\d+(\.\d)? %/, 'candidates with probabilities at the output');
    assert.ok((await map.locator('.map-chip').count()) >= 3, 'the prompt\'s tokens at the input');
    const links = await map.locator('a.map-node').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.ok(links.length >= 14);
    for (const href of links) assert.ok(CHAPTERS.includes(/#\/(\w+)/.exec(href)[1]), href);
    // Every parameter, counted from the loaded tensors: the same as the file's header says.
    const expected = parametersIn(join(root, 'www/models/chat/model.safetensors'));
    const total = page.getByTestId('param-total');
    assert.equal(Number(await total.getAttribute('data-value')), expected);
    assert.equal(await total.innerText(), expected.toLocaleString('en').replaceAll(',', sep));
    assert.match(await page.getByTestId('tying-note').innerText(), lang === 'de' ? /einmal gezählt/ : /counted once/);
    const scale = page.getByTestId('scale-table');
    assert.equal(await scale.locator('tbody tr').count(), 3);
    const gpt3 = await scale.locator('tr[data-model="gpt3"]').innerText();
    assert.match(gpt3, new RegExp(`175${sep}000${sep}000${sep}000`));
    // 175 B / 1'000'064 ≈ 174'989×
    assert.match(gpt3, new RegExp(`174${sep}989×`));
    await page.getByTestId('loop-example').waitFor();
    await axe(page, `overview ${lang}`);
    await shot(page, `overview-1366-${lang}`);
    // Clicking a box opens its chapter.
    await map.locator('a.map-node[data-chapter="attention"]').click();
    await heading(page, 'Self-Attention');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`every chapter shows the map with exactly its own part marked (${lang})`, async () => {
    const { page, context } = await newPage(browser, { locale, viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}#/overview?lang=${lang}`);
    await page.getByTestId('live-map').waitFor({ timeout: 60_000 });
    for (const slug of CHAPTERS) {
      await page.evaluate((s) => { window.location.hash = `#/${s}?lang=${document.documentElement.lang.slice(0, 2)}`; }, slug);
      await until(() => page.locator('article.chapter').getAttribute('data-chapter'), slug, `chapter ${slug}`);
      const marked = page.getByTestId('mini-map').locator('[aria-current="step"]');
      assert.equal(await marked.count(), 1, slug);
      assert.equal(await marked.getAttribute('data-chapter'), slug);
      assert.equal(await page.getByTestId('mini-map').locator('a').count(), CHAPTERS.length);
    }
    // The glossary is an appendix: no numbered part, so no map.
    await page.evaluate(() => { window.location.hash = '#/glossary'; });
    await until(() => page.locator('article.chapter').getAttribute('data-chapter'), 'glossary', 'glossary');
    assert.equal(await page.getByTestId('mini-map').count(), 0);
    await context.close();
  });

  test(`glossary (${lang}): every entry in both languages, linked to an existing chapter`, async () => {
    const { page, context, errors } = await newPage(browser, { locale, viewport: { width: 1366, height: 900 } });
    await page.goto(`${server.url}#/glossary?lang=${lang}`);
    const list = page.getByTestId('glossary');
    await list.waitFor({ timeout: 60_000 });
    const entries = await list.locator('.glossary-entry').evaluateAll((els) => els.map((e) => ({
      id: e.dataset.term,
      term: e.querySelector('dfn').textContent.trim(),
      other: e.querySelector('.other-lang [lang]').textContent.trim(),
      otherLang: e.querySelector('.other-lang [lang]').getAttribute('lang'),
      definition: e.querySelector('dd').textContent.trim(),
      chapter: e.querySelector('dd a').dataset.chapter,
    })));
    assert.ok(entries.length >= 40, `${entries.length} entries`);
    for (const e of entries) {
      assert.ok(e.term && e.other, e.id);
      assert.equal(e.otherLang, lang === 'de' ? 'en' : 'de-CH');
      assert.ok(e.definition.length > 40, e.id);
      assert.ok(CHAPTERS.includes(e.chapter), `${e.id} → ${e.chapter}`);
    }
    assert.ok(entries.some((e) => e.term === (lang === 'de' ? 'Kopf' : 'head') && e.other === (lang === 'de' ? 'head' : 'Kopf')));
    // The filter narrows the list.
    await page.getByTestId('glossary-filter').fill(lang === 'de' ? 'KV-Cache' : 'KV cache');
    await until(() => list.locator('.glossary-entry').count(), 1, 'one entry left');
    assert.equal(await list.locator('.glossary-entry').getAttribute('data-term'), 'kv-cache');
    await page.getByTestId('glossary-filter').fill('');
    // An entry's chapter link opens that chapter.
    await list.locator('.glossary-entry[data-term="logit"] dd a').click();
    await until(() => page.locator('article.chapter').getAttribute('data-chapter'), 'logits', 'the logits chapter');
    await axe(page, `logits after glossary ${lang}`);
    // And a term's first use in a chapter links back to its entry.
    const term = page.locator('.chapter a.term[data-term="logit"]').first();
    await term.waitFor();
    await term.click();
    await until(() => page.locator('.glossary-entry.current').getAttribute('data-term'), 'logit', 'the entry is marked');
    assert.match(page.url(), /#\/glossary\?.*term=logit/);
    await axe(page, `glossary ${lang}`);
    await shot(page, `glossary-${lang}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('phone (390 px): no horizontal overflow; the map folds to one line and opens', async () => {
  const { page, context } = await newPage(browser, { locale: 'de-CH', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(`${server.url}#/overview?lang=de`);
  await page.getByTestId('live-map').waitFor({ timeout: 60_000 });
  await noOverflow(page, 'overview');
  await shot(page, 'overview-390-de');
  for (const slug of ['glossary', 'attention', 'training', 'rag']) {
    await page.evaluate((s) => { window.location.hash = `#/${s}?lang=de`; }, slug);
    await until(() => page.locator('article.chapter').getAttribute('data-chapter'), slug, slug);
    await page.waitForTimeout(300);
    await noOverflow(page, slug);
  }
  await page.evaluate(() => { window.location.hash = '#/attention?lang=de'; });
  await until(() => page.locator('article.chapter').getAttribute('data-chapter'), 'attention', 'attention');
  const mini = page.getByTestId('mini-map');
  assert.match(await mini.locator('.mini-line').innerText(), /Teil 5 von 13: Self-Attention/);
  assert.equal(await mini.locator('.mini-flow').isVisible(), false);
  await mini.getByRole('button', { name: 'Karte öffnen' }).click();
  assert.equal(await mini.locator('.mini-flow').isVisible(), true);
  await noOverflow(page, 'attention with the map open');
  await context.close();
});

test('projector (1366 × 768, presenter): the map does not push the prompt off the first screen', async () => {
  const { page, context } = await newPage(browser, { locale: 'en', viewport: { width: 1366, height: 768 } });
  await page.goto(`${server.url}#/overview?lang=en&presenter=1`);
  await page.getByTestId('live-map').waitFor({ timeout: 60_000 });
  await shot(page, 'overview-presenter-en');
  for (const slug of ['tokens', 'attention', 'sampling']) {
    await page.evaluate((s) => { window.location.hash = `#/${s}?lang=en&presenter=1`; }, slug);
    await until(() => page.locator('article.chapter').getAttribute('data-chapter'), slug, slug);
    await page.evaluate(() => window.scrollTo(0, 0));
    const box = await page.locator('#prompt').boundingBox();
    assert.ok(box && box.y + box.height <= 768, `${slug}: the prompt ends at ${box?.y + box?.height} px`);
  }
  await context.close();
});

test('a dropped-in GPT-2 (the tiny fixture): the map and the count follow its tensors', async () => {
  // GPT-2's fixture has no tokenizer; the CLI learns one that fits its 317-token vocabulary.
  const dir = mkdtempSync(join(tmpdir(), 'lupe-tiny-'));
  const fixture = join(root, 'tests/model/tiny-gpt2');
  copyFileSync(join(fixture, 'config.json'), join(dir, 'config.json'));
  copyFileSync(join(fixture, 'model.safetensors'), join(dir, 'model.safetensors'));
  const text = join(dir, 'text.txt');
  writeFileSync(text, 'the king rules the land and the queen rules with him. '.repeat(40));
  execFileSync(join(root, 'target/debug/lupe'), ['train-tokenizer', '--vocab-size', '300', '--out', join(dir, 'tokenizer.json'), text]);
  const { page, context, errors } = await newPage(browser, { locale: 'en', viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.url}#/overview?lang=en&prompt=the%20king%20rules`);
  await page.getByTestId('live-map').waitFor({ timeout: 60_000 });
  await page.getByTestId('more-models').click();
  await page.getByTestId('local-files').setInputFiles(['config.json', 'model.safetensors', 'tokenizer.json'].map((f) => join(dir, f)));
  await until(() => page.locator('[data-model="local"]').getAttribute('aria-pressed').catch(() => null), 'true', 'own model in use');
  const expected = parametersIn(join(fixture, 'model.safetensors'));
  await until(async () => Number(await page.getByTestId('param-total').getAttribute('data-value')), expected, 'parameters of the tiny model');
  const text2 = await page.getByTestId('live-map').textContent();
  assert.match(text2, /317 × 48/);
  assert.match(text2, /3 × layer/);
  assert.match(text2, /48 → 192 → 48/);
  assert.match(text2, /d_k = 12/);
  assert.deepEqual(errors, []);
  await context.close();
});
