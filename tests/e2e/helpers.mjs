// Shared pieces of the browser tests: a static server for dist/ (at / or under a subpath, as
// GitHub Pages serves it) and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, stat, mkdir } from 'node:fs/promises';
import { extname, join, normalize, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..', '..');
export const dist = join(root, 'dist');
export const screenshots = join(here, 'screenshots');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.safetensors': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves `dist/` below `prefix` on 127.0.0.1 (a free port). Records every path and every 404.
 * `extra(req, res, path)` may answer a request first (returning true), e.g. a mock mirror.
 */
export async function serve(prefix = '/', extra = null) {
  const missing = [];
  const served = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    served.push(path);
    if (extra && await extra(req, res, path)) return;
    if (!path.startsWith(prefix)) {
      missing.push(path);
      res.writeHead(404).end('not found');
      return;
    }
    let rel = normalize(path.slice(prefix.length));
    if (rel.startsWith('..')) { res.writeHead(403).end(); return; }
    let file = join(dist, rel);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      missing.push(path);
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    missing,
    served,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

/**
 * Starts headless Chromium; `webgpu` adds --enable-unsafe-webgpu (SwiftShader here); `extra`
 * adds more flags (the GPU benchmark's --enable-webgpu-developer-features).
 */
export async function launch({ webgpu = true, extra = [] } = {}) {
  const args = [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
  if (webgpu) args.push('--enable-unsafe-webgpu');
  args.push(...extra);
  return chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args });
}

/** A new page that records console errors and uncaught exceptions into `errors`. */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, context, errors };
}

/** Waits until the start-up GPU probe has finished and returns "gpu" or "cpu". */
export async function backendOf(page) {
  const status = page.getByTestId('backend-status');
  await status.and(page.locator(':not([data-backend="checking"])')).waitFor({ timeout: 60_000 });
  return status.getAttribute('data-backend');
}

export async function shot(page, name) {
  await mkdir(screenshots, { recursive: true });
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
}

/** Waits until `fn()` (evaluated in Node, may be async) returns `expected`; fails after 10 s. */
export async function until(fn, expected, what = 'value') {
  const deadline = Date.now() + 10_000;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last === expected) return;
    await new Promise((ok) => setTimeout(ok, 50));
  }
  throw new Error(`${what}: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}`);
}

/** Waits until the chapter heading reads `text`. */
export async function heading(page, text) {
  await until(() => page.locator('main h1').innerText(), text, 'chapter heading');
}

/** Waits until keyboard focus is on an element with this tag name. */
export async function focusOn(page, tag) {
  await until(() => page.evaluate(() => document.activeElement?.tagName), tag, 'focused element');
}
