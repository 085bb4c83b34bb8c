// Guided lessons in every chapter, in German and English: a goal and at least three steps whose
// "Show me" changes the view through the URL; every checked question answered with two prompts,
// the right answer computed here independently (through the CLI, the model's files or the
// page's own figures) is accepted and a wrong one rejected; progress survives a reload; shared
// links open the named step (also in the lab and in retrieval); every chapter prints as an A4
// handout of at most two pages with its questions; axe finds nothing serious.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, newPage, until, root, shot } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const CHAPTERS = ['overview', 'tokens', 'embeddings', 'positions', 'attention', 'layernorm', 'ffn',
  'logits', 'sampling', 'generation', 'roles', 'training', 'rag'];
const PROMPTS = { de: ['Der Vater spielt mit dem', 'Der König regiert das'], en: ['The father plays with the', 'The king rules the'] };
const chatDir = join(root, 'www/models/chat');
const bin = join(root, 'target/debug/lupe');

let server, browser;
before(async () => {
  server = await serve('/');
  browser = await launch({ webgpu: false });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const cli = (args) => JSON.parse(execFileSync(bin, args, { encoding: 'utf8' }));
const config = JSON.parse(readFileSync(join(chatDir, 'config.json'), 'utf8'));

/** Token texts by id, decoded from tokenizer.json's byte-level vocabulary (GPT-2's byte map). */
const vocab = (() => {
  const bs = [];
  for (let b = 33; b <= 126; b++) bs.push(b);
  for (let b = 161; b <= 172; b++) bs.push(b);
  for (let b = 174; b <= 255; b++) bs.push(b);
  const byteOf = new Map(bs.map((b) => [String.fromCodePoint(b), b]));
  let n = 0;
  for (let b = 0; b < 256; b++) if (!bs.includes(b)) byteOf.set(String.fromCodePoint(256 + n++), b);
  const t = JSON.parse(readFileSync(join(chatDir, 'tokenizer.json'), 'utf8'));
  const out = [];
  for (const [s, id] of Object.entries(t.model.vocab)) {
    const bytes = Buffer.from([...s].map((c) => byteOf.get(c)));
    const text = new TextDecoder('utf-8', { fatal: true });
    try { out[id] = text.decode(bytes); } catch { out[id] = [...bytes].map((b) => `<${b.toString(16).toUpperCase().padStart(2, '0')}>`).join(''); }
  }
  for (const a of t.added_tokens) out[a.id] = a.content;
  return out;
})();
const visible = (s) => s.replaceAll(' ', '␣').replaceAll('\n', '↵').replaceAll('\t', '⇥');
const quoted = (lang, s) => (lang === 'de' ? `«${s}»` : `“${s}”`);
const softmax = (z, t) => { const m = Math.max(...z); const e = z.map((v) => Math.exp((v - m) / t)); const s = e.reduce((a, b) => a + b, 0); return e.map((v) => v / s); };
const ids = (text) => cli(['tokenize', '--tokenizer', chatDir, text]);
const lastLogits = (text) => { const all = cli(['logits', '--model', chatDir, '--ids', ids(text).join(',')]); return all[all.length - 1]; };
const argmax = (v) => v.reduce((best, x, i) => (x > v[best] ? i : best), 0);
const number = (s) => Number(String(s).replace(/[’',\s%]/g, ''));

/** Parameters of the loaded built-in model by part, from its config (tied head). */
function parts() {
  const { vocab_size: v, n_embd: d, n_inner: f, n_layer: n } = config;
  return { embedding: v * d, attention: n * (4 * d * d + 4 * d), ffn: n * (2 * d * f + f + d), norms: n * 4 * d + 2 * d };
}

/**
 * The right answer to a question, computed here: `{ choice }` (an option's index or text),
 * `{ number }` or `{ many }` (flags for the options in their order).
 */
async function expected(page, id, lang, prompt) {
  const options = await page.locator(`li[data-question="${id}"] label.option`).allInnerTexts();
  const pick = (text) => { const i = options.findIndex((o) => o.trim() === text); assert.ok(i >= 0, `${id}: no option ${text} in ${options}`); return { choice: i }; };
  const yesNo = (yes) => ({ choice: yes ? 0 : 1 });
  switch (id) {
    case 'ov-largest-part': { const p = parts(); const order = ['embedding', 'attention', 'ffn', 'norms']; return { choice: argmax(order.map((k) => p[k])) }; }
    case 'ov-next-token': return pick(quoted(lang, visible(vocab[argmax(lastLogits(prompt))])));
    case 'tok-count': return { number: ids(prompt).length };
    case 'tok-merges': {
      const pieces = cli(['tokenize', '--tokenizer', chatDir, '--trace', prompt]).pieces;
      let best = 0;
      pieces.forEach((p, i) => { if (!p.special && p.steps.length >= pieces[best].steps.length) best = i; });
      return { number: pieces[best].steps.length };
    }
    case 'emb-nearest': {
      const first = await page.getByTestId('emb-nearest').locator('.bar-row .bar-label').first().innerText();
      return pick(quoted(lang, first.trim()));
    }
    case 'pos-learned': return { choice: 0 };
    case 'pos-distance': return { number: ids(prompt).length - 1 };
    case 'att-argmax': {
      const n = ids(prompt).length;
      const cells = await page.getByTestId('att-matrix').locator('rect.cell title').allTextContents();
      const row = cells.slice((n - 1) * n, n * n).map(Number);
      return { choice: argmax(row) };
    }
    case 'att-later': return { number: 0 };
    case 'ln-variance': return { number: number(/(?:Varianz|variance) ([\d.]+)/.exec(await page.getByTestId('ln-before').innerText())[1]) };
    case 'ffn-width': return { number: config.n_inner };
    case 'ffn-share': { const p = parts(); return { number: (100 * p.ffn) / (p.ffn + p.attention + config.n_layer * 4 * config.n_embd) }; }
    case 'log-top-prob': return { number: 100 * Math.max(...softmax(lastLogits(prompt), 0.5)) };
    case 'log-order': return yesNo(false);
    case 'sam-top-p': {
      const p = softmax(lastLogits(prompt), 1).sort((a, b) => b - a);
      let sum = 0; let kept = 0;
      while (sum < 0.9) { sum += p[kept]; kept++; }
      return { many: options.map((_, i) => i < kept) };
    }
    case 'sam-final-prob': {
      const chosen = await page.getByTestId('sample-bars').locator('.bar-row.emphasis').innerText();
      return { number: number(/→\s*([\d.]+)\s*%/.exec(chosen)[1]) };
    }
    case 'gen-stop': {
      const g = cli(['generate', '--model', chatDir, '--prompt', prompt, '--max-new-tokens', '24', '--temperature', '1', '--top-k', '0', '--top-p', '1', '--seed', '1']);
      return { choice: { end_token: 0, max_new_tokens: 1, context_full: 2 }[g.stop] };
    }
    case 'role-user-counts': return yesNo(false);
    case 'role-answer-counts': return yesNo(true);
    case 'lab-loss-trend': {
      const chart = page.getByTestId('lab-loss');
      return { choice: Number(await chart.getAttribute('data-last')) < Number(await chart.getAttribute('data-first')) ? 1 : 0 };
    }
    case 'lab-loss-to-prob': {
      const log = JSON.parse(readFileSync(join(chatDir, 'training_log.json'), 'utf8'));
      return { number: 100 * Math.exp(-log.final_val_loss) };
    }
    case 'rag-which-search': {
      // The chapter's default question is the synonym case about the library's opening time.
      const has = async (testid) => (await page.getByTestId(testid).innerText()).match(lang === 'de' ? /Bibliothek ist ab sieben Uhr geöffnet/ : /library is open from seven/) !== null;
      const [v, k] = [await has('rag-vector-hits'), await has('rag-bm25-hits')];
      return { choice: v && !k ? 0 : !v && k ? 1 : v && k ? 2 : 3 };
    }
    default: throw new Error(`no independent answer for ${id}`);
  }
}

/** Answers question `id` with `reply` and returns whether the page accepted it. */
async function reply(page, id, answer) {
  const card = page.locator(`li[data-question="${id}"]`);
  if ('choice' in answer) await card.locator('input[type=radio]').nth(answer.choice).check();
  if ('number' in answer) await card.getByTestId('answer-number').fill(String(Math.round(answer.number * 1000) / 1000));
  if ('many' in answer) {
    const boxes = card.locator('input[type=checkbox]');
    for (let i = 0; i < answer.many.length; i++) await boxes.nth(i).setChecked(answer.many[i]);
  }
  await card.getByTestId('check').click();
  const feedback = card.getByTestId('feedback');
  await until(async () => (await feedback.getAttribute('data-correct')) !== null, true, `${id}: feedback`);
  return { correct: (await feedback.getAttribute('data-correct')) === 'true', text: await feedback.innerText() };
}

/** A reply that must be wrong. */
function wrong(answer, options) {
  if ('choice' in answer) return { choice: (answer.choice + 1) % options };
  if ('number' in answer) return { number: answer.number + 25 };
  return { many: answer.many.map((f, i) => (i === 0 ? !f : f)) };
}

/** Opens a chapter, readies what its questions need, and waits for them. */
async function openChapter(page, slug, lang, prompt) {
  const extra = { sampling: '&t=1&p=0.9', generation: '&t=1' }[slug] ?? '';
  await page.goto(`${server.url}#/${slug}?lang=${lang}&prompt=${encodeURIComponent(prompt)}${extra}`);
  await page.getByTestId('quiz').waitFor({ timeout: 60_000 });
  if (slug === 'training') {
    await page.waitForFunction(() => !document.querySelector('[data-testid=lab-start]')?.disabled, null, { timeout: 60_000 });
    await page.getByTestId('lab-start').click();
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=lab-loss]')?.dataset.step) >= 40, null, { timeout: 90_000 });
    await page.getByTestId('lab-pause').click();
  }
  if (slug === 'rag') await page.getByTestId('rag-vector-hits').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-question]')].every((q) => q.dataset.ready === 'true'), null, { timeout: 60_000 });
}

for (const lang of ['de', 'en']) {
  test(`every chapter (${lang}): a goal, 3–6 steps, and "Show me" opens each step's state through the URL`, async () => {
    const { page, context, errors } = await newPage(browser, { locale: lang === 'de' ? 'de-CH' : 'en', viewport: { width: 1366, height: 900 } });
    for (const slug of CHAPTERS) {
      await page.goto(`${server.url}#/${slug}?lang=${lang}`);
      const lesson = page.getByTestId('lesson');
      await lesson.waitFor({ timeout: 60_000 });
      assert.ok((await page.getByTestId('lesson-goal').innerText()).length > 40, slug);
      const steps = lesson.locator('ol.steps > li');
      const n = await steps.count();
      assert.ok(n >= 3 && n <= 6, `${slug}: ${n} steps`);
      assert.equal(await lesson.locator('li[aria-current="step"]').count(), 1);
      for (let i = 0; i < n; i++) {
        await steps.nth(i).getByTestId('show-me').click();
        await until(() => new URL(page.url()).hash.includes(`lesson=${i + 1}`), true, `${slug} step ${i + 1} in the URL`);
        await until(() => steps.nth(i).getAttribute('aria-current'), 'step', `${slug} step ${i + 1} marked current`);
      }
    }
    // Spot checks: the state a step names is on screen.
    await page.goto(`${server.url}#/attention?lang=${lang}`);
    await page.getByTestId('lesson').locator('li[data-step="2"]').getByTestId('show-me').click();
    await until(() => /layer=1/.test(page.url()) && /head=2/.test(page.url()), true, 'layer 2, head 3');
    await page.getByTestId('lesson').locator('li[data-step="3"]').getByTestId('show-me').click();
    await until(() => page.getByRole('button', { name: lang === 'de' ? 'Mit Maske' : 'Masked', exact: true }).getAttribute('aria-pressed'), 'true', 'the masked view');
    await page.goto(`${server.url}#/logits?lang=${lang}`);
    await page.getByTestId('lesson').locator('li[data-step="2"]').getByTestId('show-me').click();
    await until(() => page.getByTestId('temperature').inputValue(), '0.5', 'the slider at 0.5');
    await page.goto(`${server.url}#/training?lang=${lang}`);
    await page.getByTestId('lesson').locator('li[data-step="4"]').getByTestId('show-me').click();
    await until(() => page.getByTestId('lab-tab-sft').getAttribute('aria-selected'), 'true', 'the SFT tab');
    assert.deepEqual(errors, []);
    await context.close();
  });

  test(`checked questions (${lang}): with two prompts the right answer is accepted, a wrong one rejected`, async () => {
    const { page, context, errors } = await newPage(browser, { locale: lang === 'de' ? 'de-CH' : 'en', viewport: { width: 1366, height: 900 } });
    let checked = 0;
    for (const slug of CHAPTERS) {
      for (const prompt of PROMPTS[lang]) {
        await openChapter(page, slug, lang, prompt);
        const questions = await page.locator('li[data-question]').evaluateAll((els) => els.map((e) => e.dataset.question));
        for (const id of questions) {
          const right = await expected(page, id, lang, prompt);
          const options = await page.locator(`li[data-question="${id}"] label.option`).count();
          const yes = await reply(page, id, right);
          assert.ok(yes.correct, `${slug} ${id} (${prompt}): ${JSON.stringify(right)} → ${yes.text}`);
          const no = await reply(page, id, wrong(right, options));
          assert.ok(!no.correct, `${slug} ${id}: a wrong reply was accepted`);
          assert.match(no.text, /\d/, `${slug} ${id}: the feedback quotes numbers: ${no.text}`);
          checked++;
        }
        if (slug === 'training' || slug === 'rag') break; // Their questions do not read the prompt.
      }
    }
    assert.ok(checked >= 40, `${checked} checks`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('progress survives a reload and can be reset; a shared link opens the named step', async () => {
  const { page, context } = await newPage(browser, { locale: 'de-CH', viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.url}#/tokens?lang=de`);
  await page.getByTestId('lesson').locator('li[data-step="1"]').getByTestId('show-me').click();
  await openChapter(page, 'tokens', 'de', 'Der Vater spielt mit dem');
  const right = await expected(page, 'tok-count', 'de', 'Der Vater spielt mit dem');
  assert.ok((await reply(page, 'tok-count', right)).correct);
  await page.reload();
  await page.getByTestId('lesson').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('lesson-progress').innerText(), /1 von 5 Schritten gezeigt · 1 von 2 Fragen richtig/);
  assert.equal(await page.locator('li[data-step="1"] .step-done').count(), 1);
  await page.getByTestId('reset-progress').click();
  assert.match(await page.getByTestId('lesson-progress').innerText(), /0 von 5 Schritten gezeigt · 0 von 2 Fragen richtig/);
  await page.reload();
  await page.getByTestId('lesson').waitFor({ timeout: 60_000 });
  assert.match(await page.getByTestId('lesson-progress').innerText(), /^0 von 5/);

  // A teacher's link: step 3 of the attention lesson.
  await page.goto(`${server.url}#/attention?lang=de&lesson=3`);
  await page.getByTestId('lesson').waitFor({ timeout: 60_000 });
  assert.equal(await page.locator('li[aria-current="step"]').getAttribute('data-step'), '3');
  // The lab: tab, source and model settings from the link.
  await page.goto(`${server.url}#/training?lang=de&view=sft&lesson=4`);
  await until(() => page.getByTestId('lab-tab-sft').getAttribute('aria-selected'), 'true', 'the SFT tab');
  assert.equal(await page.locator('li[aria-current="step"]').getAttribute('data-step'), '4');
  await page.goto(`${server.url}#/training?lang=de&src=stories&width=32&layers=1&lesson=1`);
  await page.getByTestId('lab-source').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('lab-width').inputValue(), '32');
  assert.equal(await page.getByTestId('lab-layers').inputValue(), '1');
  assert.ok(await page.getByTestId('lab-source').locator('input[type=radio]').nth(2).isChecked());
  // Retrieval: question, k and the search for the prompt.
  await page.goto(`${server.url}#/rag?lang=de&q=${encodeURIComponent('Wer unterrichtet Musik?')}&rk=2&rrf=10&method=vector&lesson=4`);
  await page.getByTestId('rag-vector-hits').waitFor({ timeout: 90_000 });
  assert.equal(await page.getByTestId('rag-question').inputValue(), 'Wer unterrichtet Musik?');
  assert.equal(await page.getByTestId('rag-k').inputValue(), '2');
  assert.equal(await page.getByTestId('rag-rrf').inputValue(), '10');
  assert.equal(await page.getByTestId('rag-vector-hits').locator('li').count(), 2);
  assert.ok(await page.getByTestId('rag-from-vector').isChecked());
  assert.equal(await page.locator('li[aria-current="step"]').getAttribute('data-step'), '4');
  await context.close();
});

test('every chapter prints as an A4 handout of at most two pages, with its questions', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lupe-print-'));
  const { page, context } = await newPage(browser, { locale: 'de-CH', viewport: { width: 1366, height: 900 } });
  for (const slug of CHAPTERS) {
    await page.goto(`${server.url}#/${slug}?lang=de`);
    await page.getByTestId('quiz').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    const first = (await page.locator('li[data-question] .q-text').first().innerText().catch(() => '')) || null;
    const file = join(dir, `${slug}.pdf`);
    writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))[1]);
    assert.ok(pages <= 2, `${slug}: ${pages} pages`);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    assert.match(text, /Ziel:/, `${slug}: the goal`);
    if (first) assert.ok(text.includes(first.replace(/\s+/g, ' ').slice(0, 30)), `${slug}: the first question is printed`);
    assert.ok(!/Für Lehrpersonen/.test(text), `${slug}: teacher notes print only when asked`);
    if (slug === 'attention') {
      // The live figure is on the handout (its token labels), legible without colour.
      assert.match(text, /␣spielt/);
    }
  }
  // Teacher notes print when open.
  await page.goto(`${server.url}#/attention?lang=de&teacher=1`);
  await page.getByTestId('teacher').waitFor({ timeout: 60_000 });
  const file = join(dir, 'attention-teacher.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', printBackground: true }));
  assert.match(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }), /Für Lehrpersonen/);
  await context.close();
});

test('lessons: axe with steps and teacher notes open; screenshots at 1366, 390 and in presenter mode', async () => {
  for (const [name, viewport, hash] of [
    ['lesson-attention-1366-de', { width: 1366, height: 900 }, 'attention?lang=de&teacher=1&lesson=2'],
    ['lesson-sampling-390-en', { width: 390, height: 844 }, 'sampling?lang=en&teacher=1'],
    ['lesson-attention-presenter-en', { width: 1366, height: 768 }, 'attention?lang=en&presenter=1&lesson=2'],
  ]) {
    const { page, context } = await newPage(browser, { viewport });
    await page.goto(`${server.url}#/${hash}`);
    await page.getByTestId('quiz').waitFor({ state: 'attached', timeout: 60_000 });
    await page.waitForTimeout(400);
    if (!hash.includes('presenter')) {
      await page.addScriptTag({ path: axePath });
      const bad = await page.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations // eslint-disable-line no-undef
        .filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, nodes: v.nodes.length })));
      assert.deepEqual(bad, [], name);
      const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
      assert.ok(scroll <= width, `${name}: ${scroll} px wide`);
    } else {
      // On the projector the current step and its figure are on the first screen.
      const step = await page.locator('li[aria-current="step"]').boundingBox();
      const figure = await page.getByTestId('att-arcs').boundingBox();
      assert.ok(step.y + step.height <= 768, `the step ends at ${step.y + step.height}`);
      assert.ok(figure && figure.y + figure.height <= 768, `the arcs end at ${figure?.y + figure?.height}`);
      assert.equal(await page.locator('li.step:visible').count(), 1, 'one step at a time');
    }
    await shot(page, name);
    await context.close();
  }
});

test('with a dropped-in GPT-2 (the tiny fixture) a step says what it cannot do, and the questions still work', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lupe-tiny-lesson-'));
  const fixture = join(root, 'tests/model/tiny-gpt2');
  copyFileSync(join(fixture, 'config.json'), join(dir, 'config.json'));
  copyFileSync(join(fixture, 'model.safetensors'), join(dir, 'model.safetensors'));
  writeFileSync(join(dir, 'text.txt'), 'the king rules the land and the queen rules with him. '.repeat(40));
  execFileSync(bin, ['train-tokenizer', '--vocab-size', '300', '--out', join(dir, 'tokenizer.json'), join(dir, 'text.txt')]);
  const { page, context, errors } = await newPage(browser, { locale: 'en', viewport: { width: 1366, height: 900 } });
  await page.goto(`${server.url}#/attention?lang=de`);
  await page.getByTestId('lesson').waitFor({ timeout: 60_000 });
  await page.getByTestId('more-models').click();
  await page.getByTestId('local-files').setInputFiles(['config.json', 'model.safetensors', 'tokenizer.json'].map((f) => join(dir, f)));
  await until(() => page.locator('[data-model="local"]').getAttribute('aria-pressed').catch(() => null), 'true', 'own model in use');
  // Step 1 names the token «␣dem»: this tokenizer splits the German prompt differently.
  await page.getByTestId('lesson').locator('li[data-step="1"]').getByTestId('show-me').click();
  await page.getByTestId('lesson-shortfall').waitFor();
  assert.match(await page.getByTestId('lesson-shortfall').innerText(), /«␣dem» gibt es hier nicht/);
  assert.match(page.url(), /model=local/);
  // The questions are asked from this model's own numbers.
  await page.waitForFunction(() => [...document.querySelectorAll('li[data-question]')].every((q) => q.dataset.ready === 'true'), null, { timeout: 60_000 });
  const card = page.locator('li[data-question="att-later"]');
  await card.getByTestId('answer-number').fill('0');
  await card.getByTestId('check').click();
  await until(() => card.getByTestId('feedback').getAttribute('data-correct'), 'true', 'accepted');
  assert.deepEqual(errors, []);
  await context.close();
});
