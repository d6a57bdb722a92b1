// Unit tests of the page's DOM-free modules (run by web/test.sh with node --test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { encodeState, decodeState, DEFAULTS } from '../src/state.js';
import { segments } from '../src/spans.js';
import { parseHeaders, splitRequestLine, queryParameters } from '../src/headers.js';
import { duration, short, pretty } from '../src/format.js';
import { kind, waitMs } from '../src/retry-chart.js';
import { applyEdits } from '../src/edits.js';

test('state: hash round-trips every field, including characters that need escaping', () => {
  const cases = [
    { q: 'cat AND dog' },
    { q: '"exact phrase" #tag @user (a OR b) -is:retweet & = % + 😀 naïve' },
    { q: 'x', endpoint: 'stream_rule', tier: 'enterprise', method: 'POST', url: '/2/tweets?x=1&y=2', body: '{"text":"a&b=c"}' },
    { status: '429', headers: 'x-rate-limit-remaining: 0\nx-rate-limit-reset: 1700000000', response: '{"title":"Too Many Requests"}', rmethod: 'POST', rurl: '/2/tweets', stream: '1', reqtier: 'enterprise' },
  ];
  for (const input of cases) {
    const state = { ...DEFAULTS, ...input };
    assert.deepEqual(decodeState(encodeState(state)), state, JSON.stringify(input));
  }
});

test('state: the query is written as #q=<encodeURIComponent(query)> and defaults are left out', () => {
  assert.equal(encodeState({ ...DEFAULTS, q: 'has:media lang:en' }), `#q=${encodeURIComponent('has:media lang:en')}`);
  assert.equal(encodeState(DEFAULTS), '');
});

test('state: unknown keys are ignored, a bad escape keeps its raw text, a missing "=" means empty', () => {
  const s = decodeState('#q=%E0%A4%A&evil=1&url');
  assert.equal(s.q, '%E0%A4%A');
  assert.equal(s.url, '');
  assert.equal(Object.hasOwn(s, 'evil'), false);
});

test('spans: segments cut the text at UTF-16 spans with the strongest severity', () => {
  const text = 'cat AND dog';
  const segs = segments(text, [{ code: 'and', severity: 'error', span: { start: 4, end: 7 } }]);
  assert.deepEqual(segs.map((s) => [s.text, s.severity]), [['cat ', null], ['AND', 'error'], [' dog', null]]);
});

test('spans: overlapping findings split into pieces; error beats warning', () => {
  const segs = segments('abcdef', [
    { code: 'w', severity: 'warning', span: { start: 0, end: 4 } },
    { code: 'e', severity: 'error', span: { start: 2, end: 6 } },
  ]);
  assert.deepEqual(segs.map((s) => [s.text, s.severity, s.indexes]), [
    ['ab', 'warning', [0]], ['cd', 'error', [0, 1]], ['ef', 'error', [1]],
  ]);
});

test('spans: astral characters count two UTF-16 units, as the core reports them', () => {
  const text = '😀 AND x';
  const segs = segments(text, [{ code: 'and', severity: 'error', span: { start: 3, end: 6 } }]);
  assert.equal(segs.find((s) => s.severity).text, 'AND');
});

test('spans: an empty span becomes a point; spans past the end are clamped, not dropped', () => {
  const segs = segments('(a', [
    { code: 'eof', severity: 'error', span: { start: 2, end: 2 } },
    { code: 'far', severity: 'warning', span: { start: 1, end: 99 } },
  ]);
  assert.deepEqual(segs.map((s) => [s.text, s.severity, s.point]), [
    ['(', null, false], ['a', 'warning', false], ['', 'error', true],
  ]);
});

test('headers: name: value lines, status line, repeated names, junk reported with its line', () => {
  const { headers, status, skipped } = parseHeaders('HTTP/2 429 Too Many Requests\nX-Rate-Limit-Remaining: 0\nset-cookie: a\nset-cookie: b\nnot a header\n\nvia:1.1 x');
  assert.equal(status, 429);
  assert.deepEqual(headers, { 'x-rate-limit-remaining': '0', 'set-cookie': 'a, b', via: '1.1 x' });
  assert.deepEqual(skipped, [{ line: 5, text: 'not a header' }]);
});

test('headers: request lines and query parameters', () => {
  assert.deepEqual(splitRequestLine('get /2/users/me HTTP/1.1'), { method: 'GET', url: '/2/users/me' });
  assert.deepEqual(splitRequestLine(' /2/tweets?ids=1 '), { method: null, url: '/2/tweets?ids=1' });
  assert.deepEqual(splitRequestLine('FETCH /x'), { method: null, url: 'FETCH /x' });
  assert.deepEqual(queryParameters('https://api.x.com/2/tweets/search/recent?query=cat+has%3Amedia&max_results=5#frag'), [
    { name: 'query', value: 'cat has:media' }, { name: 'max_results', value: '5' },
  ]);
  assert.deepEqual(queryParameters('/2/users/me'), []);
});

test('format: durations long and short', () => {
  const table = [[850, '850 ms', '850ms'], [12000, '12 s', '12s'], [1500, '1.5 s', '1.5s'], [245000, '4 min 5 s', '4.1m'], [3600000, '1 h', '1h'], [7380000, '2 h 3 min', '2.1h']];
  for (const [ms, long, compact] of table) {
    assert.equal(duration(ms), long, `duration(${ms})`);
    assert.equal(short(ms), compact, `short(${ms})`);
  }
});

test('format: pretty keeps short objects on one line', () => {
  const problem = { type: 'https://api.x.com/2/problems/invalid-request', errors: [{ parameters: { max_results: ['5'] }, message: 'm' }] };
  assert.equal(pretty(problem), '{\n  "type": "https://api.x.com/2/problems/invalid-request",\n  "errors": [{"parameters":{"max_results":["5"]},"message":"m"}]\n}');
  assert.deepEqual(JSON.parse(pretty(problem)), problem);
});

test('retry chart: retry, park and no-retry decisions and their bar heights', () => {
  const now = 1_000_000;
  const table = [
    [{ retry: true, delayMs: 5000, notBefore: now + 5000 }, 'retry', 5000],
    [{ retry: false, delayMs: 0, notBefore: now + 3_600_000 }, 'park', 3_600_000],
    [{ retry: false, delayMs: 0, notBefore: 0 }, 'no-retry', 0],
  ];
  for (const [advice, k, wait] of table) {
    assert.equal(kind(advice, now), k);
    assert.equal(waitMs(advice, now), wait);
  }
});

test('build.sh fails with a clear message when wasm/dist is missing', async () => {
  const { spawnSync } = await import('node:child_process');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { fileURLToPath } = await import('node:url');
  const empty = mkdtempSync(join(tmpdir(), 'xpreflight-noroot-'));
  try {
    const build = fileURLToPath(new URL('../build.sh', import.meta.url));
    const r = spawnSync('bash', [build], { env: { ...process.env, ROOT: empty }, encoding: 'utf8' });
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /wasm\/dist\/xpreflight\.mjs is missing; build the wasm package first/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('full checker: ready, answers by id, errors keep their code, a stopped worker fails every call at once', async () => {
  const { workerChecker } = await import('../src/full-checker.js');
  const saved = globalThis.Worker;
  class FakeWorker {
    constructor(url, opts) {
      if (url === 'throws') throw new Error('no module workers here');
      FakeWorker.last = this;
      Object.assign(this, { url, opts, sent: [], terminated: false });
    }
    postMessage(m) { this.sent.push(m); }
    terminate() { this.terminated = true; }
  }
  globalThis.Worker = FakeWorker;
  try {
    // Ready, then two calls answered out of order, one of them with an error.
    const pending = workerChecker('w.js');
    const w = FakeWorker.last;
    assert.deepEqual(w.opts, { type: 'module' });
    w.onmessage({ data: { ready: true, version: '9.9.9' } });
    const checker = await pending;
    assert.equal(checker.version, '9.9.9');
    const a = checker.validateRequest({ url: '/2/x' });
    const b = checker.parseResponse({ status: 200 });
    assert.deepEqual(w.sent.map((m) => m.op), ['validateRequest', 'parseResponse']);
    assert.deepEqual(w.sent[0].input, { url: '/2/x' });
    w.onmessage({ data: { id: w.sent[1].id, error: { code: 'bad-input', message: 'status: want an int' } } });
    w.onmessage({ data: { id: w.sent[0].id, result: { valid: true } } });
    assert.deepEqual(await a, { valid: true });
    await assert.rejects(b, (err) => err.code === 'bad-input' && err.message === 'status: want an int');

    // The worker dies with a call in flight: that call and every later one fail, none waits forever.
    const inFlight = checker.adviseRetry({ attempt: 1 });
    w.onerror({ message: 'boom', preventDefault() {} });
    await assert.rejects(inFlight, /the checker worker stopped: boom/);
    await assert.rejects(checker.adviseRetry({ attempt: 2 }), /the checker worker stopped: boom/);
    assert.equal(w.terminated, true);
    assert.equal(w.sent.length, 3, 'nothing is posted to a stopped worker');

    // The module fails to load in the worker: the start rejects with its code.
    const failing = workerChecker('w.js');
    FakeWorker.last.onmessage({ data: { failed: { code: 'init-failed', message: 'HTTP 404' } } });
    await assert.rejects(failing, (err) => err.code === 'init-failed' && /HTTP 404/.test(err.message));
    assert.equal(FakeWorker.last.terminated, true);

    // No module workers at all: the start rejects (the page then loads the full module itself).
    await assert.rejects(workerChecker('throws'), /no module workers here/);
  } finally {
    globalThis.Worker = saved;
  }
});

test('edits: UTF-16 spans, in order, insertions and deletions, astral characters before them', () => {
  const table = [
    ['rock AND roll', [{ span: { start: 5, end: 9 }, newText: '' }], 'rock roll'],
    ['“big bird” 😀', [{ span: { start: 0, end: 1 }, newText: '"' }, { span: { start: 9, end: 10 }, newText: '"' }], '"big bird" 😀'],
    ['😀 from:@jack', [{ span: { start: 8, end: 9 }, newText: '' }], '😀 from:jack'],
    ['cat', [{ span: { start: 0, end: 0 }, newText: '"' }, { span: { start: 3, end: 3 }, newText: '"' }], '"cat"'],
    ['unchanged', [], 'unchanged'],
  ];
  for (const [text, edits, want] of table) assert.equal(applyEdits(text, edits), want, text);
});
