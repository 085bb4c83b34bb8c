// Every chapter with the built-in models, as a user relies on it: real values on screen, links
// that restore a view, and an accessibility scan (axe-core) with no serious or critical findings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, newPage, until, root, shot } from './helpers.mjs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
let server, browser;
before(async () => {
  server = await serve('/');
  browser = await launch({ webgpu: false });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a chapter and waits until the model has answered (its content is on screen). */
async function open(hash, ready, options = {}) {
  const { page, context, errors } = await newPage(browser, { locale: 'de-CH', viewport: { width: 1280, height: 900 }, ...options });
  await page.goto(`${server.url}#/${hash}`);
  await page.locator(ready).first().waitFor({ timeout: 60_000 });
  return { page, context, errors };
}

/** Token ids of a text by the CLI (the same tokenizer file the page loads). */
function ids(text, model = 'chat') {
  const bin = join(root, 'target/debug/lupe');
  return JSON.parse(execFileSync(bin, ['tokenize', '--tokenizer', join(root, 'www/models', model), text], { encoding: 'utf8' }));
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

test('tokens: the chips are the tokenizer\'s ids; merges replay; the seed example merges l o first', async () => {
  const { page, context, errors } = await open('tokens?lang=de&prompt=Der%20K%C3%B6nig%20regiert%20das', '.chips');
  const chipIds = await page.locator('section[aria-labelledby="tok-chips"] .chip').evaluateAll((els) => els.map((e) => +e.dataset.id));
  assert.deepEqual(chipIds, ids('Der König regiert das'));
  const replay = page.getByTestId('merge-replay');
  assert.match(await replay.innerText(), /Schritt 0 von \d+/);
  await replay.getByRole('button', { name: 'Zum Ende', exact: true }).click();
  await until(async () => /Regel Nr\./.test(await replay.innerText()), true, 'a rule is shown');
  assert.match(page.url(), /step=\d+/);
  await page.getByRole('button', { name: 'Häufigstes Paar verschmelzen', exact: true }).click();
  assert.match(await page.getByTestId('seed-rules').innerText(), /l\s*\+\s*o\s*→\s*lo/);
  await page.getByRole('button', { name: 'Nächste Regel lernen', exact: true }).click();
  await page.getByTestId('train-rules').waitFor();
  await axe(page, 'tokens');
  assert.deepEqual(errors, []);
  await context.close();
});

test('embeddings: the row, neighbours with angles, the map, and König − Mann + Frau', async () => {
  const { page, context } = await open('embeddings?lang=de&model=base&prompt=Der%20K%C3%B6nig&token=1', '[data-testid="emb-row"]');
  const [der, koenig] = ids('Der König', 'base');
  assert.ok(der >= 0);
  assert.match(await page.getByTestId('emb-row').innerText(), new RegExp(`Token-ID ${koenig} → Zeile ${koenig}`));
  const near = await page.getByTestId('emb-nearest').locator('.bar-row').count();
  assert.equal(near, 8);
  assert.match(await page.getByTestId('emb-nearest').innerText(), /\d\.\d{3} · \d+°/);
  assert.ok((await page.getByTestId('vocab-map').locator('circle.dot').count()) > 1000);
  await until(async () => (await page.getByTestId('analogy-result').innerText()).includes('Königin'), true, 'Königin among the results');
  await page.getByTestId('map-search').fill('Hund');
  assert.ok((await page.locator('.map-label').count()) >= 3);
  await axe(page, 'embeddings');
  await context.close();
});

test('attention: each row of α sums to 1, the mask hides the future, a shared link restores layer and head', async () => {
  const { page, context } = await open('attention?lang=en&layer=1&head=2&token=2&prompt=The%20king%20rules%20the%20land', '[data-testid="att-matrix"]');
  assert.equal(await page.getByTestId('layer-picker').locator('[aria-pressed="true"]').innerText(), '2');
  assert.equal(await page.getByTestId('head-picker').locator('[aria-pressed="true"]').innerText(), '3');
  const cells = await page.getByTestId('att-matrix').locator('rect.cell title').evaluateAll((els) => els.map((e) => e.textContent));
  const n = Math.round(Math.sqrt(cells.length));
  assert.equal(n * n, cells.length);
  assert.equal(n, ids('The king rules the land').length);
  for (let r = 0; r < n; r++) {
    const row = cells.slice(r * n, (r + 1) * n).map((t) => parseFloat(t));
    const sum = row.reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 2e-3, `row ${r} sums to ${sum}`);
    for (let c = r + 1; c < n; c++) assert.match(cells[r * n + c], /masked/);
  }
  assert.equal(await page.getByTestId('head-grid').locator('button.thumb').count(), 16);
  await page.getByTestId('head-grid').locator('button.thumb').nth(5).click();
  await until(() => page.url().includes('layer=1&head=1'), true, 'the URL follows the grid');
  assert.ok((await page.getByTestId('att-arcs').locator('.arc path').count()) === 3);
  // Resting the pointer on a token shows what that token attends to.
  await page.getByTestId('att-arcs').locator('.arc-token').nth(4).hover();
  await until(() => page.getByTestId('att-arcs').locator('.arc path').count(), 5, 'arcs of the hovered token');
  assert.match(page.url(), /token=4/);
  await axe(page, 'attention');
  await context.close();
});

test('layernorm, FFN, positions: real numbers for the chosen token', async () => {
  let { page, context } = await open('layernorm?lang=en', '[data-testid="ln-after"]');
  assert.match(await page.getByTestId('ln-before').innerText(), /Mean -?\d\.\d{3} · variance \d+\.\d{3}/);
  assert.equal(await page.locator('.hist-bar').count(), 50);
  await axe(page, 'layernorm');
  await context.close();
  ({ page, context } = await open('ffn?lang=en', '[data-testid="gelu-plot"]'));
  assert.ok((await page.getByTestId('gelu-plot').locator('circle.neuron').count()) > 100);
  assert.equal(await page.getByTestId('ffn-top').locator('.bar-row').count(), 10);
  await axe(page, 'ffn');
  await context.close();
  ({ page, context } = await open('positions?lang=en&prompt=The%20dog', '[data-testid="pos-sum"]'));
  assert.equal(await page.getByTestId('pos-sum').locator('.sum-row').count(), 2);
  await axe(page, 'positions');
  await context.close();
});

test('logits: moving the temperature slider changes the bars', async () => {
  const { page, context } = await open('logits?lang=en', '[data-testid="logit-bars"]');
  const top = async () => parseFloat(await page.getByTestId('logit-bars').locator('.bar-value').first().innerText());
  const before = await top();
  await page.getByTestId('temperature').fill('3');
  await until(async () => (await top()) < before, true, 'the top probability falls at temperature 3');
  assert.match(page.url(), /t=3/);
  await axe(page, 'logits');
  await context.close();
});

test('sampling: greedy, a seeded draw, and appending the token', async () => {
  const { page, context } = await open('sampling?lang=en&t=0', '[data-testid="draw"]');
  assert.match(await page.getByTestId('draw').innerText(), /Greedy rolls no dice/);
  await page.getByTestId('method').getByRole('button', { name: 'Top-p', exact: true }).click();
  await until(async () => /Random number 0\.\d{4} →/.test(await page.getByTestId('draw').innerText()), true, 'a draw is shown');
  const draw = await page.getByTestId('draw').innerText();
  assert.match(await page.getByTestId('kept').innerText(), /of [\d,]+ tokens stay in play/);
  const count = await page.getByTestId('token-count').innerText();
  await page.getByTestId('append').click();
  await until(async () => (await page.getByTestId('token-count').innerText()) !== count, true, 'the prompt grew');
  // The same link gives the same draw.
  const { page: again, context: c2 } = await newPage(browser, { locale: 'en' });
  await again.goto(page.url());
  await again.getByTestId('draw').waitFor({ timeout: 60_000 });
  const now = await page.getByTestId('draw').innerText();
  await until(() => again.getByTestId('draw').innerText(), now, 'same draw for the same link');
  assert.notEqual(now, draw, 'after appending, the next draw is a new roll');
  await axe(page, 'sampling');
  await c2.close();
  await context.close();
});

test('generation: steps are kept as history, and the link restores the generated text', async () => {
  const { page, context } = await open('generation?lang=en&seed=7', '[data-testid="gen-tokens"]');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await until(() => page.getByTestId('gen-history').locator('.history-col').count(), 3, 'three steps');
  assert.match(page.url(), /step=3/);
  const text = await page.getByTestId('gen-text').innerText();
  const { page: again, context: c2 } = await newPage(browser, { locale: 'en' });
  await again.goto(page.url());
  await again.getByTestId('gen-text').waitFor({ timeout: 60_000 });
  assert.equal(await again.getByTestId('gen-text').innerText(), text);
  await axe(page, 'generation');
  await c2.close();
  await context.close();
});

test('roles: the chat as tokens by role, and answers from both models', async () => {
  const { page, context } = await open('roles?lang=de', '[data-testid="role-tokens"]');
  const tokens = page.getByTestId('role-tokens');
  await until(async () => (await tokens.innerText()).includes('<|assistant|>'), true, 'the assistant marker');
  assert.ok((await tokens.locator('.chip.counts').count()) > 3);
  assert.ok((await tokens.locator('.chip.role-user').count()) > 2);
  assert.equal(await page.getByTestId('answer-chat').locator('p').innerText(), 'Der König regiert das Land.');
  await page.getByTestId('role-2').fill('Was macht der Hund?');
  await until(() => page.getByTestId('answer-chat').locator('p').innerText(), 'Der Hund bellt.', 'the chat model answers');
  await axe(page, 'roles');
  await context.close();
});

test('bad input: empty prompt, too long, unknown characters', async () => {
  const { page, context } = await open('tokens?lang=en', '.chips');
  await page.locator('#prompt').fill('');
  await page.getByText('Type some text').waitFor();
  await page.locator('#prompt').fill('The dog barks. '.repeat(100));
  await page.getByText(/the model reads at most 256/).waitFor();
  await page.locator('#prompt').fill('Ωμέγα 🦊');
  await until(async () => (await page.locator('section[aria-labelledby="tok-chips"] .chip').count()) > 5, true, 'byte tokens');
  assert.match(await page.locator('section[aria-labelledby="tok-chips"]').innerText(), /<[0-9A-F]{2}>/);
  await context.close();
});

test('screenshots of every chapter: desktop and phone', async () => {
  for (const [name, hash, ready] of [
    ['tokens', 'tokens', '.chips'], ['embeddings', 'embeddings', '[data-testid="vocab-map"]'], ['positions', 'positions', '[data-testid="pos-sum"]'],
    ['attention', 'attention', '[data-testid="att-matrix"]'], ['layernorm', 'layernorm', '[data-testid="ln-after"]'], ['ffn', 'ffn', '[data-testid="gelu-plot"]'],
    ['logits', 'logits', '[data-testid="logit-bars"]'], ['sampling', 'sampling', '[data-testid="draw"]'], ['generation', 'generation?step=6', '[data-testid="gen-history"]'],
    ['roles', 'roles', '[data-testid="answer-chat"]'],
  ]) {
    for (const [device, viewport, lang] of [['desktop', { width: 1366, height: 900 }, 'de'], ['phone', { width: 390, height: 844 }, 'en']]) {
      const { page, context } = await open(`${hash}${hash.includes('?') ? '&' : '?'}lang=${lang}`, ready, { viewport });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} ${device}: ${overflow}px too wide`);
      await shot(page, `chapter-${name}-${device}-${lang}`);
      await context.close();
    }
  }
});
