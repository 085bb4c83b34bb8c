// Web search and RAG (chapter 12) in headless Chromium: the handbook chunked, vector and
// keyword search side by side with the map, the prompt as tokens, the retrieval model answering
// right with the retrieved chunks (and not without), the offline web search with the model's own
// query, and bad input: an empty knowledge base, a binary file, a question with no match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, newPage, shot } from './helpers.mjs';

const ready = (page) => page.waitForFunction(() => !document.querySelector('[data-testid=rag-ask-button]')?.disabled, null, { timeout: 60_000 });

test('retrieval puts the right chunks into the prompt and the answer uses them', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: false });
  try {
    const { page, context, errors } = await newPage(browser, { locale: 'de', viewport: { width: 1280, height: 900 } });
    await page.goto(`${server.url}#/rag?lang=de`);
    await ready(page);
    const count = Number((await page.getByTestId('rag-chunk-count').innerText()).match(/\d+/)[0]);
    assert.ok(count >= 15, `${count} chunks`);
    // Chunk size changes the cut (and rebuilds the index).
    await page.getByTestId('rag-size').fill('30');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid=rag-chunk-count]').innerText.match(/\d+/)[0]) < n, count);
    await page.getByTestId('rag-size').fill('10');
    await ready(page);

    await page.getByTestId('rag-question').fill('Wann öffnet die Bibliothek?');
    await page.getByTestId('rag-question').press('Enter');
    await page.getByTestId('rag-answer').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('[data-testid=rag-vector-hits] li').count(), 2);
    assert.equal(await page.locator('[data-testid=rag-keyword-hits] li').count(), 2);
    assert.match(await page.locator('[data-testid=rag-keyword-hits] li').first().innerText(), /Bibliothek öffnet um sieben Uhr/);
    assert.equal(await page.locator('[data-testid=rag-map] circle.map-hit').count(), 2);
    assert.equal(await page.locator('[data-testid=rag-map] path.map-query').count(), 1);
    // The prompt starts with the context as a system message and ends with the assistant marker.
    const chips = await page.locator('[data-testid=rag-prompt-tokens] .chip').allInnerTexts();
    assert.equal(chips[0], '<|system|>');
    assert.equal(chips[chips.length - 1], '<|assistant|>');
    await page.getByTestId('rag-from-keywords').check();
    await page.waitForFunction(() => document.querySelector('[data-testid=rag-answer]').innerText.includes('sieben'), null, { timeout: 30_000 });
    assert.doesNotMatch(await page.getByTestId('rag-answer-plain').innerText(), /sieben/);
    await shot(page, 'rag');

    await page.getByTestId('rag-web-search').click();
    await page.getByTestId('rag-web-steps').waitFor();
    assert.match(await page.getByTestId('rag-web-query').innerText(), /Bibliothek/);
    assert.match(await page.getByTestId('rag-web-answer').innerText(), /Bibliothek öffnet um zehn Uhr/);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test('an empty knowledge base, a binary file and a question with no match are explained', async () => {
  const server = await serve('/');
  const browser = await launch({ webgpu: false });
  try {
    const { page, context } = await newPage(browser, { locale: 'en' });
    await page.goto(`${server.url}#/rag?lang=en`);
    await ready(page);
    await page.getByTestId('rag-handbook').uncheck();
    await page.getByTestId('rag-empty').waitFor();
    assert.ok(await page.getByTestId('rag-ask-button').isDisabled());
    await page.getByTestId('rag-upload').setInputFiles([
      { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0xc3, 0x28]) },
      { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('The chess club meets on Friday in room four. The choir sings on Monday.') },
    ]);
    await page.getByTestId('rag-notice').waitFor();
    assert.match(await page.getByTestId('rag-notice').innerText(), /photo\.jpg is not a text file/);
    assert.match(await page.getByTestId('rag-docs').innerText(), /notes\.txt/);
    await ready(page);
    await page.getByTestId('rag-question').fill('Xylophone?');
    await page.getByTestId('rag-ask-button').click();
    await page.getByTestId('rag-no-match').waitFor();
    assert.match(await page.getByTestId('rag-no-match').innerText(), /No chunk contains a word of the question/);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
