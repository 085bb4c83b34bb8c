// Visualizer benchmark (issue 7's budgets): time until the first chapter shows the built-in
// model's numbers after a load on localhost (budget 1 s), and the time from an interaction to
// the next painted frame (budget 100 ms): the temperature slider, choosing a token, changing
// the layer, one generation step, typing a character into the prompt. The peer of an
// interaction is an empty frame measured the same way on the same page (what any update costs
// at least).
import { serve, launch } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const RUNS = 15;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

const server = await serve('/');
const browser = await launch({ webgpu: false });
const browserName = `Chromium ${browser.version()} headless, CPU path`;
const rows = [];

/** In the page: runs `act`, then waits for the next frame to be drawn; milliseconds. */
const frameAfter = (page, act, arg) => page.evaluate(async ([act, arg]) => {
  const t0 = performance.now();
  // eslint-disable-next-line no-new-func
  new Function('arg', act)(arg);
  await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
  return performance.now() - t0;
}, [act, arg]);

try {
  // First render with the model's numbers (token chips) and first contentful paint.
  const ready = [];
  const paint = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
    const page = await context.newPage();
    // The first chapter is the overview: its live map draws the prompt's tokens (`.map-chip`);
    // other chapters draw them as chips.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('.chips .chip, .map-chip')) { window.__chips = performance.now(); obs.disconnect(); }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__chips !== undefined, null, { timeout: 60_000 });
    const t = await page.evaluate(() => ({ chips: window.__chips, fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN }));
    ready.push(t.chips);
    paint.push(t.fcp);
    await context.close();
  }
  rows.push({ bench: 'visualizer', figure: `first chapter with the built-in model's tokens on screen, median of ${RUNS} loads`, value: median(ready), unit: 'ms', peer: 'first paint of the static loading screen', peerValue: median(paint) });

  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1366, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const measure = async (figure, hash, readySel, act, args) => {
    await page.goto(`${server.url}#/${hash}`);
    await page.locator(readySel).first().waitFor({ timeout: 60_000 });
    const empty = [];
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      empty.push(await frameAfter(page, '', null));
      times.push(await frameAfter(page, act, args[i % args.length]));
    }
    rows.push({ bench: 'visualizer', figure: `${figure}, median of ${RUNS}`, value: median(times), unit: 'ms', peer: 'an empty frame on the same page', peerValue: median(empty) });
  };
  await measure('temperature slider → logits bars redrawn', 'logits?lang=en', '[data-testid="logit-bars"]',
    `const i = document.querySelector('[data-testid="temperature"]'); i.value = arg; i.dispatchEvent(new Event('input', { bubbles: true }));`,
    ['0.5', '1.5', '0.8', '2.0']);
  await measure('choose a token → attention arcs redrawn', 'attention?lang=en', '[data-testid="att-matrix"]',
    `const chips = document.querySelectorAll('.picker button.chip'); chips[arg % chips.length].click();`,
    [0, 1, 2, 3, 4]);
  await measure('change the layer → attention chapter redrawn', 'attention?lang=en', '[data-testid="att-matrix"]',
    `const b = document.querySelectorAll('[data-testid="layer-picker"] button'); b[arg % b.length].click();`,
    [1, 2, 3, 0]);
  await measure('one generation step forward (a forward pass with KV cache)', 'generation?lang=en', '[data-testid="gen-tokens"]',
    `document.querySelector('button[aria-label="Step forward"]').click();`, [0]);
  await measure('type a character → tokens, forward pass and chapter redrawn', 'tokens?lang=en', '.chips .chip',
    `const t = document.getElementById('prompt'); t.value = t.value.length > 60 ? 'The father plays with the' : t.value + 'e'; t.dispatchEvent(new InputEvent('input', { bubbles: true }));`, [0]);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
await record(rows, browserName);
