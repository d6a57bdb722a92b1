// Browser tests of the linter page: Debian's chromium driven by
// playwright-core against web/dist served on 127.0.0.1. Run by web/test.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const SHOTS = fileURLToPath(new URL('../screenshots', import.meta.url));

// The codes core/query reports, pinned from core/query/codes.go (CodeExplicitAnd,
// CodeConjunctionOnly, CodeLowercaseOr).
const CODE_EXPLICIT_AND = 'explicit-and';
const CODE_STANDALONE = 'conjunction-only';
const CODE_LOWERCASE_OR = 'lowercase-or';

let server;
let browser;
let page;

before(async () => {
  assert.ok(existsSync(`${DIST}/pkg/xpreflight.wasm`), `${DIST} has no pkg/xpreflight.wasm: run web/build.sh first`);
  mkdirSync(SHOTS, { recursive: true });
  server = await serve(DIST);
  browser = await launch();
  page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.setDefaultTimeout(30_000); // generous: CI machines may be shared and slow
  page.on('pageerror', (err) => {
    throw new Error(`page error: ${err.message}`);
  });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** open loads the page (optionally with a hash) and waits until the checker is ready. */
async function open(hash = '') {
  await page.goto(`${server.url}${hash}`);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  return page.evaluate(() => window.xpreflightReadyMs);
}

/** lint types a query and waits until the findings list has settled for it. */
async function lint(query, { type = false } = {}) {
  await page.locator('#query').fill('');
  if (type) await page.locator('#query').pressSequentially(query);
  else await page.locator('#query').fill(query);
  await page.waitForFunction((q) => {
    const want = `#q=${encodeURIComponent(q)}`;
    const hashed = location.hash === want || location.hash.startsWith(`${want}&`);
    return hashed && document.getElementById('diagnostics').dataset.query === q;
  }, query);
  return page.evaluate(() => ({
    codes: [...document.querySelectorAll('#diagnostics li[data-code]')].map((li) => li.dataset.code),
    marks: [...document.querySelectorAll('#query-backdrop mark')].map((m) => ({ text: m.textContent, codes: m.dataset.codes, cls: m.className })),
    count: document.getElementById('diag-count').textContent,
    verdict: document.getElementById('query-verdict').textContent,
  }));
}

test('time to interactive: query linting is ready after load (reported; budget 1 s)', async (t) => {
  const ms = await open();
  t.diagnostic(`time to interactive: ${ms} ms (budget 1000 ms)`);
  console.log(`web: time to interactive ${ms} ms (first load, fresh profile; budget 1000 ms)`);
  // A sanity bound only (the 1 s budget is measured by web/bench.sh, never asserted).
  assert.ok(ms > 0 && ms < 15_000, `ready after ${ms} ms`);
  await page.waitForSelector('html[data-full-ready="true"]');
  const full = await page.evaluate(() => window.xpreflightFullReadyMs);
  t.diagnostic(`every panel usable (full module): ${full} ms`);
  console.log(`web: query linting usable at ${ms} ms, every panel at ${full} ms (query-only module first)`);
  assert.ok(full >= ms, `the full module (${full} ms) cannot be ready before the query panel (${ms} ms)`);
  // Each module is fetched exactly once: the page's first script reuses the preload for its streaming compile,
  // and the full module is fetched by the worker only.
  assert.equal(server.requests.get('/pkg/xpreflight-query.wasm'), 1, 'the query-only wasm is fetched exactly once');
  assert.equal(server.requests.get('/pkg/xpreflight.wasm'), 1, 'the wasm is fetched exactly once');
  assert.equal(server.requests.get('/checker-worker.js'), 1, 'the full checker runs in its worker');
  // One script for the page (bundled) and no stylesheet request (inlined).
  assert.equal([...server.requests.keys()].filter((p) => p.startsWith('/src/')).length, 0, [...server.requests.keys()].join(' '));
  assert.equal(server.requests.get('/style.css'), undefined);
});

test('until the full module is ready, queries lint on the query-only one and the other panels show loading', async () => {
  // Hold back the full module: the page must be usable for queries without it.
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  let held = 0;
  await page.route('**/pkg/xpreflight.wasm', async (route) => {
    held++;
    await released;
    await route.continue();
  });
  try {
    await page.goto('about:blank');
    await open(`#url=${encodeURIComponent('/2/tweets/search/recent?query=cat')}`);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.fullReady), undefined);
    for (let i = 0; i < 250 && held === 0; i++) await new Promise((r) => setTimeout(r, 20));
    assert.ok(held >= 1, 'the full module is requested once the query-only one is up');
    const r = await lint('cat AND dog');
    assert.deepEqual(r.codes, [CODE_EXPLICIT_AND]);
    for (const id of ['request-panel', 'response-panel']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('aria-busy'), 'true', id);
    }
    // The request from the link waits for the full module, saying so; nothing is lost from the link.
    assert.equal(await page.locator('#req-result [data-loading="request"]').count(), 1);
    assert.match(await page.locator('#req-result').textContent(), /Loading the request checker/);
    await page.locator('#res-status').fill('503');
    await page.waitForSelector('#res-result [data-loading="response"]');
    assert.match(await page.locator('#load-status').textContent(), /loading the request and response checks/);
    await page.waitForFunction(() => location.hash.includes('status=503') && location.hash.includes('url='));

    release();
    await page.waitForSelector('html[data-full-ready="true"]');
    // What was typed or linked meanwhile is checked as soon as the full module is up.
    await page.waitForSelector('#req-route');
    assert.equal(await page.locator('#req-route').textContent(), 'GET /2/tweets/search/recent');
    await page.waitForSelector('#res-class');
    assert.equal(await page.locator('[data-loading]').count(), 0);
    for (const id of ['request-panel', 'response-panel']) {
      assert.equal(await page.locator(`#${id}`).getAttribute('aria-busy'), 'false', id);
    }
    assert.deepEqual((await lint('has:media')).codes, [CODE_STANDALONE], 'queries now lint on the full module');
  } finally {
    release();
    await page.unroute('**/pkg/xpreflight.wasm');
  }
});

test('fallbacks: a query-only wasm served without application/wasm, and a worker that cannot start', async () => {
  const warnings = [];
  const onConsole = (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); };
  page.on('console', onConsole);
  // Not application/wasm: the early WebAssembly.compileStreaming must fail, and init() load the file itself.
  await page.route('**/pkg/xpreflight-query.wasm', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-type': 'application/octet-stream' } });
  });
  await page.route('**/checker-worker.js', (route) => route.fulfill({ status: 404, body: 'not found' }));
  try {
    await page.goto('about:blank');
    await open(`#url=${encodeURIComponent('/2/tweets/search/recent?query=cat')}`);
    assert.deepEqual((await lint('cat AND dog')).codes, [CODE_EXPLICIT_AND]);
    await page.waitForSelector('html[data-full-ready="true"]');
    await page.waitForSelector('#req-route');
    assert.equal(await page.locator('#req-route').textContent(), 'GET /2/tweets/search/recent');
    assert.ok(warnings.some((w) => w.includes('compiling the query-only module early failed')), warnings.join('\n'));
    assert.ok(warnings.some((w) => w.includes('the checker worker did not start')), warnings.join('\n'));
  } finally {
    page.off('console', onConsole);
    await page.unroute('**/pkg/xpreflight-query.wasm');
    await page.unroute('**/checker-worker.js');
  }
});

test('typing "cat AND dog" underlines AND with the explicit-AND error', async () => {
  await open();
  const r = await lint('cat AND dog', { type: true });
  assert.ok(r.codes.includes(CODE_EXPLICIT_AND), `codes: ${r.codes}`);
  const mark = r.marks.find((m) => m.codes.split(' ').includes(CODE_EXPLICIT_AND));
  assert.ok(mark, `no underline for ${CODE_EXPLICIT_AND}: ${JSON.stringify(r.marks)}`);
  assert.equal(mark.text, 'AND');
  assert.match(mark.cls, /\berror\b/);
  assert.equal(r.verdict, 'Invalid');
  assert.match(r.count, /^[1-9]\d* errors?, \d+ warnings?$/);
});

test('"has:media" alone is reported as needing a standalone operator', async () => {
  const r = await lint('has:media');
  assert.ok(r.codes.includes(CODE_STANDALONE), `codes: ${r.codes}`);
  const mark = r.marks.find((m) => m.codes.split(' ').includes(CODE_STANDALONE));
  assert.ok(mark, 'underlined');
  assert.ok('has:media'.includes(mark.text) && mark.text.length > 0, `underline covers ${JSON.stringify(mark.text)}`);
});

test('findings are underlined at their UTF-16 spans: warnings, astral characters, several at once', async () => {
  const table = [
    // query, code, severity, underlined text
    ['cat or dog', CODE_LOWERCASE_OR, 'warning', 'or'],
    ['😀 AND x', CODE_EXPLICIT_AND, 'error', 'AND'],
    ['naïve 日本 AND has:media', CODE_EXPLICIT_AND, 'error', 'AND'],
  ];
  for (const [query, code, severity, text] of table) {
    const r = await lint(query);
    const mark = r.marks.find((m) => m.codes.split(' ').includes(code));
    assert.ok(mark, `${query}: no underline for ${code} in ${JSON.stringify(r.marks)}`);
    assert.equal(mark.text, text, query);
    assert.match(mark.cls, new RegExp(`\\b${severity}\\b`), query);
    const li = page.locator(`#diagnostics li[data-code="${code}"]`);
    assert.equal(await li.getAttribute('data-severity'), severity, query);
  }
});

test('a good query shows no findings and no underlines', async () => {
  const r = await lint('(cat OR dog) has:images -is:retweet lang:en');
  assert.deepEqual(r.codes, []);
  assert.deepEqual(r.marks, []);
  assert.equal(r.verdict, 'Valid');
  assert.equal(r.count, '0 errors, 0 warnings');
  assert.equal(await page.locator('#formatted').textContent(), '(cat OR dog) has:images -is:retweet lang:en');
});

test('clicking a finding (or Enter on it) selects its span in the editor', async () => {
  await lint('cat AND dog');
  const item = page.locator(`#diagnostics li[data-code="${CODE_EXPLICIT_AND}"] button.diag`);
  await item.click();
  let sel = await page.evaluate(() => [document.activeElement.id, document.getElementById('query').selectionStart, document.getElementById('query').selectionEnd]);
  assert.deepEqual(sel, ['query', 4, 7]);
  await item.focus();
  await page.keyboard.press('Enter');
  sel = await page.evaluate(() => [document.activeElement.id, document.getElementById('query').selectionStart, document.getElementById('query').selectionEnd]);
  assert.deepEqual(sel, ['query', 4, 7]);
});

test('a fixable finding shows its change beside a Fix button; "Fix all safe" applies every safe fix', async () => {
  await lint('cat AND dog from:@jack');
  const fix = page.locator(`#diagnostics li[data-code="${CODE_EXPLICIT_AND}"] .fix`);
  assert.equal(await fix.getAttribute('data-safe'), 'true');
  assert.equal(await fix.locator('del').textContent(), 'AND ', 'the diff shows what goes');
  assert.equal(await page.locator('#fix-all').textContent(), 'Fix all safe (2)');
  await fix.locator('button.apply-fix').click();
  await page.waitForFunction(() => document.getElementById('diagnostics').dataset.query === 'cat dog from:@jack');
  assert.deepEqual(await page.locator('#diagnostics li[data-code]').evaluateAll((lis) => lis.map((li) => li.dataset.code)), ['username-at-sign']);
  await page.locator('#fix-all').click();
  await page.waitForFunction(() => document.getElementById('diagnostics').dataset.query === 'cat dog from:jack');
  assert.equal(await page.locator('#query-verdict').textContent(), 'Valid');
  assert.equal(await page.locator('#fix-all').isHidden(), true, 'nothing left to fix');
  await page.waitForFunction(() => location.hash.startsWith(`#q=${encodeURIComponent('cat dog from:jack')}`));
});

test('a guess is marked as one and is applied only by its own button', async () => {
  await lint('cat has:medias');
  const fix = page.locator('#diagnostics li[data-code="unknown-operator"] .fix');
  assert.equal(await fix.getAttribute('data-safe'), 'false');
  assert.equal(await fix.locator('button.apply-fix').textContent(), 'Fix (guess)');
  assert.equal(await fix.locator('ins').textContent(), 'has:media');
  assert.equal(await page.locator('#fix-all').isHidden(), true, '"Fix all safe" does not apply guesses');
  await fix.locator('button.apply-fix').click();
  await page.waitForFunction(() => document.getElementById('diagnostics').dataset.query === 'cat has:media');
  assert.equal(await page.locator('#query-verdict').textContent(), 'Valid');
});

test('the hash round-trips: a link restores the query, pickers and response', async () => {
  await open();
  await page.locator('#tier').selectOption('enterprise');
  await page.locator('#endpoint').selectOption('search_all');
  await page.locator('#res-status').fill('503');
  await lint('cat AND dog 😀 "a&b=c" #tag');
  await page.waitForFunction(() => location.hash.includes('status=503'));
  const hash = await page.evaluate(() => location.hash);
  assert.ok(hash.startsWith(`#q=${encodeURIComponent('cat AND dog 😀 "a&b=c" #tag')}&`), hash);
  const before = await page.locator('#diagnostics').innerHTML();

  await page.goto('about:blank');
  await open(hash);
  assert.equal(await page.locator('#query').inputValue(), 'cat AND dog 😀 "a&b=c" #tag');
  assert.equal(await page.locator('#tier').inputValue(), 'enterprise');
  assert.equal(await page.locator('#endpoint').inputValue(), 'search_all');
  assert.equal(await page.locator('#res-status').inputValue(), '503');
  assert.equal(await page.locator('#diagnostics').innerHTML(), before);

  // Changing the hash in place (a pasted link) re-renders the view.
  await page.evaluate(() => { location.hash = `#q=${encodeURIComponent('has:media')}`; });
  await page.waitForFunction(() => document.getElementById('query').value === 'has:media');
  assert.ok(await page.locator(`#diagnostics li[data-code="${CODE_STANDALONE}"]`).count() > 0);
});

test('a link with a value the pickers do not offer is kept and reported, not dropped', async () => {
  await open(`#q=cat&endpoint=search_everything`);
  assert.equal(await page.locator('#endpoint').inputValue(), 'search_everything');
  await page.waitForSelector('#query-error:not([hidden])');
  const message = await page.locator('#query-error').textContent();
  assert.match(message, /^bad-input: /);
  assert.match(message, /search_everything/);
  await page.locator('#endpoint').selectOption('search_recent');
  await page.waitForSelector('#query-error', { state: 'hidden' });
});

test('a pasted 429 shows the rate-limit state and a retry chart', async () => {
  await open();
  const now = Date.now();
  const reset = Math.floor(now / 1000) + 600;
  await page.locator('#res-headers').fill(`date: ${new Date(now).toUTCString()}\nx-rate-limit-limit: 450\nx-rate-limit-remaining: 0\nx-rate-limit-reset: ${reset}`);
  await page.locator('#res-body').fill('{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}');
  await page.locator('#res-status').fill('429');
  await page.waitForSelector('#retry-chart');
  assert.equal(await page.locator('#res-class').textContent(), 'rate-limited');
  const rows = await page.locator('#rate-limit tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  assert.equal(rows[0][1], '0', 'remaining');
  assert.equal(rows[0][2], '450', 'limit');
  assert.match(rows[0][3], /^in (9 min [1-5]?\d s|10 min)/, 'reset in about ten minutes');
  assert.equal(await page.locator('#res-problems tbody tr').getAttribute('data-slug'), 'about:blank');
  const bars = await page.locator('#retry-chart .attempt-bar').evaluateAll((gs) => gs.map((g) => g.dataset.kind));
  assert.equal(bars.length, 8);
  assert.ok(bars.every((k) => ['retry', 'park', 'no-retry'].includes(k)), bars.join());
  // Remaining 0 means waiting for the reset: the first advice waits minutes, not seconds.
  const first = await page.locator('#retry-table tbody tr').first().evaluate((tr) => [...tr.cells].map((c) => c.textContent));
  assert.ok(first[1] !== 'retry' || /min/.test(first[2]), `attempt 1: ${first}`);
});

test('a 200 with partial errors lists them in their own table with every field', async () => {
  await open();
  await page.click('[data-example="response:partial"]');
  await page.waitForFunction(() => document.getElementById('res-class')?.textContent === 'partial');
  const row = page.locator('#res-partial tbody tr');
  assert.equal(await row.count(), 1);
  assert.equal(await row.getAttribute('data-slug'), 'resource-not-found');
  const more = await row.locator('td.more').textContent();
  for (const field of ['parameter', 'resource_id', 'resource_type', 'value']) assert.ok(more.includes(field), `${field} in ${more}`);
  assert.equal(await page.locator('#res-problems tbody tr').count(), 0);
});

test('the retry chart marks "no retry" and "park" as adviseRetry decides them', async () => {
  await open();
  const kinds = () => page.locator('#retry-chart .attempt-bar').evaluateAll((gs) => gs.map((g) => g.dataset.kind));
  // The usage cap does not clear with the 15-minute window: never retried.
  await page.click('[data-example="response:capped"]');
  await page.waitForFunction(() => document.getElementById('res-class')?.textContent === 'usage-capped');
  assert.deepEqual(await kinds(), Array(8).fill('no-retry'));
  assert.equal(await page.locator('#retry-chart .attempt-bar.no-retry .cross').count(), 8);
  // A stream 429 backs off from a minute; past the cap the advice is to park.
  await page.locator('#res-headers').fill('');
  await page.locator('#res-body').fill('{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}');
  await page.locator('#res-status').fill('429');
  await page.locator('#res-stream').check();
  await page.waitForFunction(() => document.querySelector('#retry-chart .attempt-bar.park'));
  const k = await kinds();
  assert.equal(k[0], 'retry', k.join());
  assert.ok(k.includes('park'), k.join());
  assert.match(await page.locator('#retry-chart .attempt-bar.park .bar-label.park').first().textContent(), /^(park|\d+(\.\d)?[smhd])$/);
  assert.ok((await page.evaluate(() => location.hash)).includes('stream=1'), 'the stream checkbox is in the hash');
});

test('a pasted request shows the route, each parameter verdict and the 400 body X would send', async () => {
  await open();
  await page.locator('#req-url').fill('GET /2/tweets/search/recent?query=has%3Amedia&max_results=5&tweet.fields=created_at,bogus');
  // A table from an earlier state may already be on the page: wait for this input's request line to be split off.
  await page.waitForFunction(() => !document.getElementById('req-url').value.startsWith('GET '));
  await page.waitForSelector('#req-params tr[data-parameter="tweet.fields"]');
  assert.equal(await page.locator('#req-method').inputValue(), 'GET', 'the request line set the method');
  assert.equal(await page.locator('#req-url').inputValue(), '/2/tweets/search/recent?query=has%3Amedia&max_results=5&tweet.fields=created_at,bogus');
  assert.equal(await page.locator('#req-route').textContent(), 'GET /2/tweets/search/recent');
  assert.equal(await page.locator('#req-verdict').textContent(), 'Invalid');
  const rows = await page.locator('#req-params tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.parameter, tr.dataset.verdict]));
  assert.deepEqual(rows, [['query', 'error'], ['max_results', 'error'], ['tweet.fields', 'error']]);
  // The query's own findings are nested under it and marked in its value.
  assert.equal(await page.locator(`#req-params tr[data-parameter="query"] li[data-code="${CODE_STANDALONE}"]`).count(), 1);
  assert.equal(await page.locator('#req-params tr[data-parameter="query"] mark').textContent(), 'has:media');
  const problem = JSON.parse(await page.locator('#req-problem').textContent());
  assert.equal(problem.type, 'https://api.x.com/2/problems/invalid-request');
  assert.equal(problem.title, 'Invalid Request');
  assert.ok(problem.errors.some((e) => JSON.stringify(e.parameters) === '{"max_results":["5"]}'), JSON.stringify(problem.errors));
});

test('a request finding with a fix applies it to the URL box in one click', async () => {
  await page.locator('#req-url').fill('/2/tweets/search/recent?query=rock%20AND%20roll&max_results=5');
  // Wait for this URL's table (the last test's had a max_results fix too).
  await page.waitForFunction(() => document.querySelector('#req-params tr[data-parameter="query"] mark')?.textContent === 'AND');
  const fix = page.locator('#req-params tr[data-parameter="max_results"] .fix');
  assert.equal(await fix.getAttribute('data-safe'), 'false');
  assert.equal(await fix.locator('ins').textContent(), '10');
  await fix.locator('button.apply-fix').click();
  await page.waitForFunction(() => document.getElementById('req-url').value.endsWith('max_results=10'));
  const queryFix = page.locator('#req-params tr[data-parameter="query"] .fix[data-safe="true"]');
  await queryFix.waitFor();
  await queryFix.locator('button.apply-fix').click();
  await page.waitForFunction(() => document.getElementById('req-url').value === '/2/tweets/search/recent?query=rock%20roll&max_results=10');
  await page.waitForFunction(() => document.getElementById('req-verdict')?.textContent === 'Valid');
});

test('a valid request has no findings and no problem body; body findings get their own table', async () => {
  await page.locator('#req-url').fill('/2/tweets/search/recent?query=cat%20has%3Amedia&max_results=10');
  await page.waitForFunction(() => document.getElementById('req-verdict')?.textContent === 'Valid');
  assert.equal(await page.locator('#req-problem').count(), 0);
  const verdicts = await page.locator('#req-params tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.verdict));
  assert.deepEqual(verdicts, ['ok', 'ok']);

  await page.locator('#req-method').selectOption('POST');
  await page.locator('#req-body').fill('{"text": "hello", "reply_settings": "everyone_please"}');
  await page.locator('#req-url').fill('/2/tweets');
  await page.waitForSelector('#req-body-findings');
  assert.equal(await page.locator('#req-route').textContent(), 'POST /2/tweets');
  assert.equal(await page.locator('#req-body-findings tbody tr').getAttribute('data-parameter'), '#/reply_settings');
});

test('accessible: every control has a label, counts are announced, the editor is keyboard-reachable', async () => {
  await open();
  const unlabeled = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, meter')]
    .filter((c) => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby')))
    .map((c) => c.id || c.outerHTML));
  assert.deepEqual(unlabeled, []);
  for (const id of ['diag-count', 'req-live', 'res-live']) {
    assert.equal(await page.locator(`#${id}`).getAttribute('aria-live'), 'polite', id);
  }
  // The skip link is first in tab order and lands in the query panel.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#query-panel');
  await page.locator('#query').focus();
  await page.keyboard.type('has:media');
  await page.waitForFunction(() => document.getElementById('diagnostics').dataset.query === 'has:media');
  assert.equal(await page.locator('#diag-count').textContent(), '1 error, 0 warnings');
});

test('screenshots of the three panels, light, dark and phone', async () => {
  const fill = async (p) => {
    await p.goto(server.url);
    await p.waitForSelector('html[data-full-ready="true"]');
    await p.locator('#query').fill('(cat AND dog) has:media OR');
    await p.click('[data-example="request:search"]');
    await p.click('[data-example="response:429"]');
    await p.waitForSelector('#retry-chart');
    await p.waitForTimeout(300);
  };
  for (const colorScheme of ['light', 'dark']) {
    const b = await launch({ colorScheme });
    const p = b.context.pages()[0] ?? (await b.context.newPage());
    await fill(p);
    for (const id of ['query-panel', 'request-panel', 'response-panel']) {
      await p.locator(`#${id}`).screenshot({ path: `${SHOTS}/${id}-${colorScheme}.png` });
    }
    await p.setViewportSize({ width: 390, height: 844 });
    await p.screenshot({ path: `${SHOTS}/phone-${colorScheme}.png`, fullPage: true });
    // No example, in any panel, makes the page scroll sideways on a phone.
    const examples = await p.locator('[data-example]').evaluateAll((bs) => bs.map((b) => b.dataset.example));
    for (const example of examples) {
      await p.click(`[data-example="${example}"]`);
      await p.waitForTimeout(250);
      const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `with example ${example} the page scrolls sideways on a phone by ${overflow}px`);
    }
    await b.close();
  }
  console.log(`web: screenshots in ${SHOTS}`);
});
