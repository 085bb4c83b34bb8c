// The WebGPU backend in the page (SwiftShader in headless Chromium): the switch in the status
// line, chapters computed on the graphics card with the same numbers as on the CPU, the
// choice remembered, and the label that says which backend computed what is on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, until, shot } from './helpers.mjs';

const alphaCells = (page) => page.getByTestId('att-matrix').locator('rect.cell title')
  .evaluateAll((els) => els.map((e) => e.textContent));

test('WebGPU computes the chapters with the CPU\'s numbers, and the choice is remembered', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: true });
  try {
    const { page, context, errors } = await newPage(browser, { locale: 'en' });
    await page.goto(`${server.url}#/attention?lang=en&layer=2&head=1`);
    await page.getByTestId('compute').waitFor({ timeout: 60_000 });
    // SwiftShader is a software GPU: the CPU path stays the default, and the page says so.
    assert.equal(await page.locator('button[data-compute="cpu"]').getAttribute('aria-pressed'), 'true');
    assert.match(await page.getByTestId('backend-status').innerText(), /WebGPU is available too \(google swiftshader\)/);
    await page.locator('[data-testid="computed-on"][data-compute="cpu"]').waitFor();
    const onCpu = await alphaCells(page);

    await page.locator('button[data-compute="gpu"]').click();
    await page.locator('[data-testid="computed-on"][data-compute="gpu"]').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('backend-status').innerText(), /Computing with WebGPU: google swiftshader/);
    assert.match(await page.getByTestId('computed-on').innerText(), /graphics card \(WebGPU\)/);
    const onGpu = await alphaCells(page);
    assert.equal(onGpu.length, onCpu.length);
    const n = Math.round(Math.sqrt(onGpu.length));
    for (let r = 0; r < n; r++) {
      const row = onGpu.slice(r * n, (r + 1) * n);
      const sum = row.map((t) => parseFloat(t)).filter((v) => !Number.isNaN(v)).reduce((a, b) => a + b, 0);
      assert.ok(Math.abs(sum - 1) < 2e-3, `row ${r} sums to ${sum}`);
    }
    for (let i = 0; i < onGpu.length; i++) {
      const [a, b] = [parseFloat(onGpu[i]), parseFloat(onCpu[i])];
      if (Number.isNaN(b)) assert.equal(onGpu[i], onCpu[i]);
      else assert.ok(Math.abs(a - b) <= 1e-3, `α[${i}]: GPU ${onGpu[i]} vs CPU ${onCpu[i]}`);
    }

    // Typing recomputes on the GPU; other chapters use it too.
    await page.locator('#prompt').fill('The king rules the');
    await until(() => page.getByTestId('token-count').innerText(), '4 tokens', 'the new prompt');
    await page.locator('[data-testid="computed-on"][data-compute="gpu"]').waitFor({ timeout: 60_000 });
    await page.goto(`${server.url}#/logits?lang=en`);
    await page.getByTestId('logit-bars').waitFor({ timeout: 60_000 });

    // The choice survives a reload.
    await page.reload();
    await page.locator('[data-testid="computed-on"][data-compute="gpu"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('button[data-compute="gpu"]').getAttribute('aria-pressed'), 'true');
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('a GPU device lost mid-use falls back to the CPU with a notice, keeping prompt and view', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: true });
  try {
    const { page, context } = await newPage(browser, { locale: 'en' });
    // Keep a handle on every device the page opens, to pull it away later as a driver reset would.
    await page.addInitScript(() => {
      const request = GPUAdapter.prototype.requestDevice;
      window.__devices = [];
      GPUAdapter.prototype.requestDevice = async function (...args) {
        const device = await request.apply(this, args);
        window.__devices.push(device);
        return device;
      };
    });
    await page.goto(`${server.url}#/attention?lang=en&layer=1&head=2&token=2`);
    await page.locator('button[data-compute="gpu"]').click();
    await page.locator('[data-testid="computed-on"][data-compute="gpu"]').waitFor({ timeout: 60_000 });
    assert.ok(await page.evaluate(() => window.__devices.length) > 0);
    await page.evaluate(() => window.__devices.forEach((d) => d.destroy()));

    await page.locator('#prompt').fill('The queen reads a book');
    await page.getByTestId('gpu-failed').waitFor({ timeout: 60_000 });
    assert.match(await page.getByTestId('gpu-failed').innerText(), /now computes on the CPU; your text and your choices stay/);
    await page.locator('[data-testid="computed-on"][data-compute="cpu"]').waitFor({ timeout: 60_000 });
    assert.equal(await page.locator('#prompt').inputValue(), 'The queen reads a book');
    assert.match(page.url(), /#\/attention\?.*layer=1.*head=2/);
    // With the device gone there is nothing to switch back to until the page is reloaded.
    assert.equal(await page.locator('button[data-compute="gpu"]').count(), 0);
    assert.ok((await alphaCells(page)).length > 0);
    await shot(page, 'webgpu-lost');
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
