// Offline use: after one visit the service worker has the app, the built-in models (base, chat,
// retrieval, and the search model with its projection head) and the training lab's worker, so the page reloads and computes with the network gone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, until } from './helpers.mjs';

test('after the first visit the app and the built-in models work offline', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: false });
  try {
    const { page, context, errors } = await newPage(browser, { locale: 'en' });
    await page.goto(`${server.url}#/tokens?lang=en`);
    await page.locator('.chips .chip').first().waitFor({ timeout: 60_000 });
    await page.evaluate(() => navigator.serviceWorker.ready);
    const cached = () => page.evaluate(async () => {
      const cache = await caches.open('lupe-app-v1');
      return (await cache.keys()).map((r) => new URL(r.url).pathname).sort();
    });
    await until(async () => (await cached()).filter((p) => p.endsWith('model.safetensors')).length, 4, 'the four models cached');
    const paths = await cached();
    assert.ok(paths.includes('/lupe-lab_bg.wasm') && paths.includes('/lupe-lab_loader.js'), `the lab worker is cached: ${paths}`);
    assert.ok(paths.some((p) => p.endsWith('_bg.wasm')), `the wasm is cached: ${paths}`);
    assert.ok(paths.includes('/'), 'the page is cached');
    assert.ok(paths.includes('/models/embed/projection.safetensors'), `the search model's head is cached: ${paths}`);

    await context.setOffline(true);
    const before = server.served.length;
    // A deep link into another chapter, with the base model, while offline.
    await page.goto(`${server.url}#/logits?lang=en&model=base`);
    await page.reload();
    await page.getByTestId('logit-bars').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('[data-model="base"]').getAttribute('aria-pressed'), 'true');
    assert.equal(server.served.length, before, 'nothing reached the server while offline');
    assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(e)), []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
