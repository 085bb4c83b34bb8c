// The app shell as a user meets it: loading, backend status, language, deep links, keyboard,
// subpath hosting, screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, backendOf, shot, heading, focusOn, until } from './helpers.mjs';

let server, sub, browser;
before(async () => {
  server = await serve('/');
  sub = await serve('/lupe/');
  browser = await launch({ webgpu: true });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await sub?.close();
});

test('loads without console errors and names the WebGPU adapter', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en-US' });
  await page.goto(server.url);
  // SwiftShader is a software GPU: found and named, but the CPU path computes until asked.
  assert.equal(await backendOf(page), 'cpu');
  assert.match(await page.getByTestId('backend-status').innerText(), /WebGPU is available too \(\S+/);
  await page.locator('button[data-compute="gpu"]').click();
  await until(() => backendOf(page), 'gpu', 'the GPU computes');
  const status = await page.getByTestId('backend-status').innerText();
  assert.match(status, /Computing with WebGPU: \S+/);
  assert.match(status, /largest difference/);
  assert.deepEqual(errors, []);
  assert.deepEqual(server.missing, []);
  await context.close();
});

test('without WebGPU the status says CPU and explains it', async () => {
  const plain = await launch({ webgpu: false });
  try {
    const { page, errors } = await newPage(plain, { locale: 'de-CH' });
    await page.goto(server.url);
    assert.equal(await backendOf(page), 'cpu');
    const status = await page.getByTestId('backend-status').innerText();
    assert.match(status, /Rechnet auf der CPU/);
    assert.match(status, /WebAssembly/);
    assert.deepEqual(errors, []);
  } finally {
    await plain.close();
  }
});

test('language follows the browser, switches, and is remembered', async () => {
  const { page, context } = await newPage(browser, { locale: 'de-DE' });
  await page.goto(server.url);
  await heading(page, 'Überblick: das ganze Modell');
  // Swiss German: the tag, the switch's name.
  assert.equal(await page.getAttribute('html', 'lang'), 'de-CH');
  assert.equal(await page.getByRole('button', { name: 'Deutsch (Schweiz)', exact: true }).getAttribute('aria-pressed'), 'true');

  await page.getByRole('button', { name: 'English', exact: true }).click();
  await heading(page, 'Overview: the whole model');
  await until(() => page.getAttribute('html', 'lang'), 'en', 'html lang');
  await until(() => page.url().endsWith('#/overview?lang=en'), true, 'URL carries the language');
  assert.equal(await page.getByRole('navigation', { name: 'Chapters' }).count(), 1);

  // A fresh visit without a language in the link uses the remembered choice.
  await page.goto(server.url);
  await heading(page, 'Overview: the whole model');
  await context.close();
});

test('a deep link opens its chapter; an unknown one lands on the first with a notice', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en-US' });
  await page.goto(`${server.url}#/attention?lang=de`);
  await heading(page, 'Self-Attention');
  assert.equal(await page.locator('.rail [aria-current="page"]').getAttribute('data-chapter'), 'attention');
  assert.match(await page.locator('.eyebrow').innerText(), /Kapitel 5 von 13/i);
  assert.equal(await page.title(), 'Self-Attention · Lupe');

  await page.goto(`${server.url}#/no-such-chapter?lang=en`);
  await heading(page, 'Overview: the whole model');
  const notice = page.getByTestId('notice');
  assert.match(await notice.innerText(), /no chapter called “no-such-chapter”/);
  await notice.getByRole('button').click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard: arrows step through chapters, links and buttons are reachable', async () => {
  const { page, context } = await newPage(browser, { locale: 'en-US' });
  await page.goto(`${server.url}#/overview?lang=en`);
  await page.locator('main h1').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.waitForURL(/#\/tokens/);
  await heading(page, 'From prompt to tokens');
  // Focus moved to the new chapter's heading.
  await focusOn(page, 'H1');
  await page.keyboard.press('ArrowLeft');
  await page.waitForURL(/#\/overview/);
  await page.keyboard.press('ArrowLeft'); // nothing before the first chapter
  assert.match(page.url(), /#\/overview/);

  // The back button walks the history of chapters.
  await page.locator('a[rel="next"]').click();
  await page.waitForURL(/#\/tokens/);
  await page.goBack();
  await page.waitForURL(/#\/overview/);
  await heading(page, 'Overview: the whole model');

  // On a fresh page the first Tab stop is the skip link, which jumps to the content.
  await page.reload();
  await page.locator('main h1').waitFor();
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => document.activeElement?.className);
  assert.equal(skip, 'skip-link');
  await page.keyboard.press('Enter');
  await focusOn(page, 'H1');
  await context.close();
});

test('works under a subpath, as on GitHub Pages', async () => {
  const { page, context, errors } = await newPage(browser, { locale: 'en-US' });
  await page.goto(`${sub.url}#/ffn`);
  await heading(page, 'Feed-forward network');
  assert.equal(await backendOf(page), 'cpu');
  await page.getByTestId('compute').waitFor();
  assert.deepEqual(sub.missing, []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots: desktop and phone, German and English, light and dark', async () => {
  for (const [name, viewport, lang, scheme] of [
    ['desktop-de-light', { width: 1366, height: 850 }, 'de', 'light'],
    ['desktop-en-dark', { width: 1366, height: 850 }, 'en', 'dark'],
    ['projector-en-light', { width: 1024, height: 768 }, 'en', 'light'],
    ['phone-de-light', { width: 390, height: 844 }, 'de', 'light'],
    ['phone-en-dark', { width: 390, height: 844 }, 'en', 'dark'],
  ]) {
    const { page, context } = await newPage(browser, { viewport, colorScheme: scheme });
    await page.goto(`${server.url}#/attention?lang=${lang}`);
    await backendOf(page);
    // Text must never be cut off sideways on a phone.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: page is ${overflow}px wider than the screen`);
    await shot(page, name);
    await context.close();
  }
});
