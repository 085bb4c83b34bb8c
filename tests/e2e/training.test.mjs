// The training lab (chapter 11) in headless Chromium: real training in the lab's Web Worker.
// Pretraining lowers the loss with the fixed seed and keeps running (and its state) while the
// reader visits another chapter; pause, resume, reset; a learning rate far too high stops with
// an explanation and a lower rate to retry with; SFT shows the loss mask and the answer before
// and after; RLHF ranks answers, trains the reward model and optimises the policy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, shot } from './helpers.mjs';

const stepOf = async (page) => Number(await page.getByTestId('lab-loss').getAttribute('data-step'));

test('pretraining in the page lowers the loss, survives leaving the chapter, pauses and resets', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: false });
  try {
    const { page, context, errors } = await newPage(browser, { locale: 'en', viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}#/training?lang=en`);
    const start = page.getByTestId('lab-start');
    await page.waitForFunction(() => !document.querySelector('[data-testid=lab-start]')?.disabled, null, { timeout: 60_000 });
    await start.click();
    await page.getByTestId('lab-merges').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=lab-merges] li').count(), 40);
    assert.match(await page.getByTestId('lab-cleaning').innerText(), /500 raw pages in, \d+ cleaned pages out/);
    assert.equal(await page.locator('[data-testid=lab-mixture] input[type=range]').count(), 3);
    // The page stays responsive while the worker trains: a frame is drawn within 100 ms.
    const frame = await page.evaluate(() => new Promise((ok) => { const t = performance.now(); requestAnimationFrame(() => ok(performance.now() - t)); }));
    assert.ok(frame < 100, `frame took ${frame} ms`);
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=lab-loss]')?.dataset.step) >= 300, null, { timeout: 90_000 });
    const chart = page.getByTestId('lab-loss');
    const [first, last] = [Number(await chart.getAttribute('data-first')), Number(await chart.getAttribute('data-last'))];
    assert.ok(first > 5.5 && last < first - 2.5, `loss ${first} → ${last}`);
    assert.equal(await page.locator('[data-testid=lab-token-loss] .chip').count(), 32);
    assert.ok(await page.locator('[data-testid=lab-samples] li').count() >= 3);
    assert.equal(await page.locator('[data-testid=lab-mask] td.masked').count(), 28);
    await shot(page, 'lab-pretraining');

    // Another chapter, then back: the run went on and nothing was lost.
    const before = await stepOf(page);
    await page.goto(`${server.url}#/attention?lang=en`);
    await page.getByTestId('att-matrix').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1500);
    await page.goto(`${server.url}#/training?lang=en`);
    await page.getByTestId('lab-loss').waitFor();
    assert.ok(await stepOf(page) > before, 'training continued in the background');
    assert.equal(await page.locator('[data-testid=lab-merges] li').count(), 40);

    await page.getByTestId('lab-pause').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=lab-status]').innerText.startsWith('Paused'));
    const paused = await stepOf(page);
    await page.waitForTimeout(800);
    assert.equal(await stepOf(page), paused);
    await page.getByTestId('lab-resume').click();
    await page.waitForFunction((s) => Number(document.querySelector('[data-testid=lab-loss]').dataset.step) > s, paused);
    await page.getByTestId('lab-reset').click();
    await page.getByTestId('lab-loss').waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('bad settings: empty own text, and a learning rate far too high stops with an offer', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: false });
  try {
    const { page, context } = await newPage(browser, { locale: 'de' });
    await page.goto(`${server.url}#/training?lang=de`);
    await page.waitForFunction(() => !document.querySelector('[data-testid=lab-start]')?.disabled, null, { timeout: 60_000 });
    await page.getByText('Eigener Text').click();
    await page.getByTestId('lab-start').click();
    await page.getByTestId('lab-error').waitFor();
    assert.match(await page.getByTestId('lab-error').innerText(), /empty/);
    // A binary file is refused with a message; a text file fills the text field.
    await page.getByTestId('lab-upload').setInputFiles({ name: 'bild.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe]) });
    await page.getByTestId('lab-upload-error').waitFor();
    assert.match(await page.getByTestId('lab-upload-error').innerText(), /kein Text \(UTF-8\)/);
    await page.getByTestId('lab-upload').setInputFiles({ name: 'text.txt', mimeType: 'text/plain', buffer: Buffer.from('Der Hund bellt im Garten. '.repeat(400)) });
    await page.getByTestId('lab-upload-error').waitFor({ state: 'detached' });
    assert.match(await page.getByTestId('lab-own-text').inputValue(), /^Der Hund bellt im Garten\./);
    await page.getByText('Nur Alltagssätze').click();
    await page.getByTestId('lab-lr').selectOption('100');
    await page.getByTestId('lab-start').click();
    await page.getByTestId('lab-stopped').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('lab-stopped').innerText(), /keine endliche Zahl mehr \(NaN oder ∞\)/);
    await page.getByTestId('lab-lower-lr').click();
    await page.getByTestId('lab-stopped').waitFor({ state: 'detached', timeout: 30_000 });
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=lab-loss]')?.dataset.step) >= 30, null, { timeout: 60_000 });
    assert.equal(await page.getByTestId('lab-lr').inputValue(), '10');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('SFT shows the loss mask and the answer before and after; RLHF ranks, rewards and optimises', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: false });
  try {
    const { page, context, errors } = await newPage(browser, { locale: 'en', viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}#/training?lang=en`);
    await page.getByTestId('lab-tab-sft').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid=sft-start]')?.disabled, null, { timeout: 60_000 });
    await page.getByTestId('sft-start').click();
    await page.getByTestId('sft-example').waitFor({ timeout: 30_000 });
    // User tokens are context (not outlined), assistant tokens count.
    assert.ok(await page.locator('[data-testid=sft-example] .role-user:not(.counts)').count() > 0);
    assert.equal(await page.locator('[data-testid=sft-example] .role-user.counts').count(), 0);
    assert.ok(await page.locator('[data-testid=sft-example] .role-assistant.counts').count() > 0);
    await page.waitForFunction(() => !document.querySelector('[data-testid=sft-after]').innerText.includes('Training …'), null, { timeout: 120_000 });
    const after = await page.getByTestId('sft-after').innerText();
    assert.notEqual(after, await page.getByTestId('sft-before').innerText());
    assert.match(after, /\.\s*$/, 'the fine-tuned model answers in a sentence and stops');
    await shot(page, 'lab-sft');

    await page.getByTestId('lab-tab-rlhf').click();
    await page.getByTestId('rlhf-sample').click();
    await page.getByTestId('rlhf-answers').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=rlhf-answers] li').count(), 4);
    assert.ok(await page.locator('[data-testid=rlhf-vocab] tr').count() >= 3);
    await page.locator('[data-testid=rlhf-answers] li').nth(3).getByRole('button', { name: 'move up' }).click();
    await page.getByTestId('rlhf-rank-save').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=rlhf-comparisons]').innerText.startsWith('6'));
    await page.getByTestId('rlhf-train-reward').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=rlhf-reward-loss]')?.innerText.includes('Step 30'), null, { timeout: 120_000 });
    const loss = Number((await page.getByTestId('rlhf-reward-loss').innerText()).split('Bradley–Terry ')[1]);
    assert.ok(loss < 0.3, `Bradley–Terry loss ${loss}`);
    // The reward model now scores the answers in the order given.
    const scores = await page.locator('[data-testid=rlhf-answers] .score').allInnerTexts();
    const values = scores.map((s) => Number(s.replace('r =', '').trim()));
    assert.equal(values.length, 4);
    assert.ok(values[0] > values[3], `scores ${values}`);
    await page.getByTestId('rlhf-optimise').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=rlhf-policy] tr').length >= 9, null, { timeout: 120_000 });
    const kls = await page.locator('[data-testid=rlhf-policy] tr td:nth-child(3)').allInnerTexts();
    assert.equal(Number(kls[0]), 0, 'the first samples come from the reference itself');
    assert.ok(kls.slice(1).some((k) => Number(k) !== 0));
    await shot(page, 'lab-rlhf');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
