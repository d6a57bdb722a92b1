// Browser test of the Post panel: the live weighted counter, the overflow and the entities highlighted.
// Debian's chromium driven by playwright-core against web/dist on 127.0.0.1 (run by web/test.sh).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync(`${DIST}/pkg/xpreflight-query.wasm`), `${DIST} has no package: run web/build.sh first`);
  server = await serve(DIST);
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => {
    throw new Error(`page error: ${err.message}`);
  });
  await page.goto(server.url);
  await page.waitForSelector('html[data-ready="true"]');
  await page.waitForSelector('#post-panel #post-text');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** type fills the post box and waits until the lists describe that text. */
async function type(text, { typed = false } = {}) {
  const box = page.locator('#post-text');
  await box.fill('');
  if (typed) await box.pressSequentially(text);
  else await box.fill(text);
  await page.waitForFunction((t) => document.getElementById('post-entities').dataset.text === t, text);
  return page.evaluate(() => ({
    count: document.getElementById('post-count').textContent,
    weighted: Number(document.getElementById('post-count').dataset.weighted),
    over: document.getElementById('post-count').classList.contains('over'),
    verdict: document.getElementById('post-verdict').textContent,
    entities: [...document.querySelectorAll('#post-entities li')].map((li) => [li.dataset.kind, li.querySelector('code').textContent]),
    marks: [...document.querySelectorAll('#post-backdrop mark')].map((m) => [m.className, m.dataset.kind ?? '', m.textContent]),
    codes: [...document.querySelectorAll('#post-diagnostics li[data-code]')].map((li) => `${li.dataset.severity}:${li.dataset.code}`),
  }));
}

test('the counter weighs as X does while typing, and entities are highlighted', async () => {
  const text = 'Hi @jack see https://example.com/a/long/path #news $TWTR 🎉';
  const r = await type(text, { typed: true });
  assert.equal(r.weighted, 3 + 5 + 5 + 23 + 7 + 6 + 2);
  assert.equal(r.count, `${r.weighted} / 280`);
  assert.equal(r.verdict, 'Valid');
  assert.deepEqual(r.entities, [['mention', '@jack'], ['url', 'https://example.com/a/long/path'], ['hashtag', '#news'], ['cashtag', '$TWTR']]);
  assert.deepEqual(r.marks.map(([cls, kind]) => `${cls}:${kind}`), ['entity:mention', 'entity:url', 'entity:hashtag', 'entity:cashtag']);
  assert.deepEqual(r.codes, []);
});

test('the part past 280 is marked; long posts decide error or warning', async () => {
  const text = '語'.repeat(139) + 'abcd';
  let r = await type(text);
  assert.equal(r.weighted, 282);
  assert.ok(r.over);
  assert.deepEqual(r.marks, [['overflow', '', 'cd']]);
  assert.deepEqual(r.codes, ['warning:post-long-form']);
  await page.selectOption('#post-long', 'false');
  await page.waitForFunction(() => document.querySelector('#post-diagnostics li[data-code]')?.dataset.severity === 'error');
  r = await type(text);
  assert.deepEqual(r.codes, ['error:post-too-long']);
  assert.equal(r.verdict, 'Invalid');
  await page.selectOption('#post-long', 'true');
  r = await type(text + ' ');
  assert.equal(r.count, '283 / 25000');
  assert.deepEqual(r.codes, []);
  await page.selectOption('#post-long', '');
});
