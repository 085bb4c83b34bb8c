// Training-lab benchmark (issue 8): the default pretraining run (built-in corpus, 2 layers,
// d 64, batch 8 × 48) in the page's Web Worker in headless Chromium, for 60 s: training speed
// against the same run natively on one thread (examples/bench_lab.rs, same run), the time until
// the validation loss drops below 2 nats against the 60 s target, and the validation loss after
// 60 s against the untrained one (ln V). Prints what the model writes at 60 s.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serve, launch, newPage, root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const native = JSON.parse(execFileSync(join(root, 'target/release/examples/bench_lab'), { env: { ...process.env, RAYON_NUM_THREADS: '1' } }).toString());
const server = await serve('/');
const browser = await launch({ webgpu: false });
const version = browser.version();
const rows = [];
try {
  const { page } = await newPage(browser, { locale: 'en', viewport: { width: 1280, height: 900 } });
  await page.goto(`${server.url}#/training?lang=en`);
  await page.waitForFunction(() => !document.querySelector('[data-testid=lab-start]')?.disabled, null, { timeout: 60_000 });
  await page.getByTestId('lab-start').click();
  const t0 = Date.now();
  let below2 = null;
  const rates = [];
  while (Date.now() - t0 < 60_000) {
    await page.waitForTimeout(250);
    const s = await page.evaluate(() => {
      const c = document.querySelector('[data-testid=lab-loss]');
      const status = document.querySelector('[data-testid=lab-status]')?.innerText ?? '';
      return { val: c?.dataset.val ? Number(c.dataset.val) : null, rate: Number((status.match(/([\d.]+) tokens per second/) ?? [])[1] ?? NaN) };
    });
    if (below2 === null && s.val !== null && s.val < 2.0) below2 = (Date.now() - t0) / 1000;
    if (Number.isFinite(s.rate) && Date.now() - t0 > 5000) rates.push(s.rate);
  }
  const chart = page.getByTestId('lab-loss');
  const val = Number(await chart.getAttribute('data-val'));
  const step = Number(await chart.getAttribute('data-step'));
  const vocab = Number((await page.locator('.meta', { hasText: 'Vocabulary' }).first().innerText()).match(/Vocabulary (\d+)/)[1]);
  console.log(`after 60 s: step ${step}, validation loss ${val}`);
  console.log((await page.locator('[data-testid=lab-samples] li').first().innerText()).trim());
  rates.sort((a, b) => a - b);
  const rate = rates[Math.floor(rates.length / 2)];
  rows.push({ bench: 'lab', figure: 'pretraining in the Web Worker (wasm, 1 thread), default run: 2 layers, d 64, batch 8 × 48, median over 60 s', value: rate, unit: 'tokens/s', peer: 'the same run natively, 1 thread (examples/bench_lab.rs)', peerValue: native.tokens_per_s });
  rows.push({ bench: 'lab', figure: 'default run from random weights: time until the validation loss is below 2 nats', value: below2 ?? NaN, unit: 's', peer: 'target: visibly sensible text within', peerValue: 60 });
  rows.push({ bench: 'lab', figure: 'default run: validation loss after 60 s', value: val, unit: 'nats', peer: 'untrained: ln V', peerValue: Math.log(vocab) });
} finally {
  await browser.close();
  await server.close();
}
await record(rows, `Chromium ${version} headless, Web Worker`);
