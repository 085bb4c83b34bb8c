// Page benchmark: release wasm size (raw and gzip, against the same build before wasm-opt),
// total page transfer, and time to first render in headless Chromium (against the first paint
// of the static loading screen in the same load).
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { serve, launch, dist, root } from '../e2e/helpers.mjs';
import { record } from './record.mjs';

const RUNS = 15;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const gz = (buf) => gzipSync(buf, { level: 9 }).length;

const files = await readdir(dist);
const wasmName = files.find((f) => f.endsWith('_bg.wasm'));
const wasm = await readFile(join(dist, wasmName));
const preOpt = await readFile(join(root, 'target/wasm-bindgen/release/lupe-web_bg.wasm'));

const server = await serve('/');
const browser = await launch({ webgpu: true });
const firstRender = [];
const bootPaint = [];
let transfer = 0;
const browserName = `Chromium ${browser.version()} headless`;
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ locale: 'en-US' });
    const page = await context.newPage();
    server.served.length = 0;
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.querySelector('#main h1')) {
          window.__lupeFirstRender = performance.now();
          obs.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(server.url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__lupeFirstRender !== undefined);
    const t = await page.evaluate(() => ({
      render: window.__lupeFirstRender,
      paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
    firstRender.push(t.render);
    bootPaint.push(t.paint);
    await page.getByTestId('backend-status').and(page.locator(':not([data-backend="checking"])')).waitFor();
    // What one visit transfers: every file it asked for, as gzip would send it.
    transfer = 0;
    for (const path of new Set(server.served)) {
      const file = path.endsWith('/') ? 'index.html' : path.slice(1);
      transfer += gz(await readFile(join(dist, file)));
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

await record([
  { bench: 'page', figure: 'release wasm, raw', value: wasm.length / 1024, unit: 'KiB', peer: 'same build before wasm-opt', peerValue: preOpt.length / 1024 },
  { bench: 'page', figure: 'release wasm, gzip -9', value: gz(wasm) / 1024, unit: 'KiB', peer: 'same build before wasm-opt', peerValue: gz(preOpt) / 1024 },
  { bench: 'page', figure: 'total page transfer (gzip -9, all requests)', value: transfer / 1024, unit: 'KiB', peer: 'release wasm alone (gzip)', peerValue: gz(wasm) / 1024 },
  { bench: 'page', figure: `first render of the app, median of ${RUNS} loads (localhost)`, value: median(firstRender), unit: 'ms', peer: 'first paint of the static loading screen', peerValue: median(bootPaint) },
], browserName);
