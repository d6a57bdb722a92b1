// Hostile inputs against the JS package on Node's default V8 stack (node --test runs without go_js_wasm_exec's
// 8 MB): the worst shapes for the call stack and for memory get answers, never a crash (issue 13).
import test from 'node:test';
import assert from 'node:assert/strict';
import { xp, freshModule } from './helpers.mjs';

await xp.init();

const groups = (n) => '('.repeat(n) + 'cat' + ')'.repeat(n);
const arrays = (n) => '['.repeat(n) + ']'.repeat(n);
const objects = (n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const json = { 'content-type': 'application/json' };

test('the worst nesting for the stack gets an answer', () => {
  // Each of these ended the Go program before the depth limits (V8's stack ran out near 1,800 groups or 5,000
  // levels of JSON).
  const q = xp.validateQuery({ query: groups(2046), tier: 'enterprise', endpoint: 'search_all' });
  assert.equal(q.valid, true);
  assert.ok(q.diagnostics.some((d) => d.code === 'too-deep'), 'too-deep warns that the deepest groups were not checked');

  const rule = xp.validateRequest({ method: 'POST', url: '/2/tweets/search/stream/rules', headers: json, body: JSON.stringify({ add: [{ value: groups(1023) }] }), tier: 'enterprise' });
  assert.equal(typeof rule.valid, 'boolean');

  for (const body of [arrays(9999), '['.repeat(60_000), '{"text":"a","reply":' + objects(5000) + '}']) {
    const r = xp.validateRequest({ method: 'POST', url: '/2/tweets', headers: json, body });
    assert.ok(r.diagnostics.some((d) => d.code === 'body-too-deep' || d.code === 'body-syntax'), JSON.stringify(r.diagnostics).slice(0, 300));
  }
  const resp = xp.parseResponse({ status: 400, body: '{"errors":[' + objects(9998) + ']}' });
  assert.equal(resp.shape, 'too-deep');
  assert.equal(resp.class, 'invalid-request');
});

test('a 50 MB query is refused before it reaches Go, and memory stays where it was', async () => {
  const fresh = await freshModule('hostile-memory');
  await fresh.init();
  fresh.validateQuery({ query: 'cat' }); // warm
  const before = process.memoryUsage().arrayBuffers;
  const big = 'cat '.repeat(50 * (1 << 18)); // 50 MB
  assert.throws(() => fresh.validateQuery({ query: big }), (err) => err.name === 'XPreflightError' && err.code === 'bad-input' && /at most 65536 bytes/.test(err.message));
  const r = fresh.validateQuery({ query: 'cat has:media' });
  assert.equal(r.valid, true, 'the runtime answers on as before');
  const grown = (process.memoryUsage().arrayBuffers - before) / (1 << 20);
  assert.ok(grown < 8, `WebAssembly memory grew by ${grown.toFixed(1)} MB for a refused call`);
});

test('a query over every level\'s limit is judged by its length alone', () => {
  const r = xp.validateQuery({ query: '('.repeat(5000) });
  assert.equal(r.valid, false);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['query-too-long']);
  assert.equal(r.formatted, '');
});

test('answers stay under 64 KB', () => {
  const answers = [
    xp.validateQuery({ query: ') '.repeat(2048), tier: 'enterprise', endpoint: 'search_all' }),
    xp.validateRequest({ method: 'GET', url: '/2/tweets/search/recent?query=cat' + '&zz=1'.repeat(7000) }),
    xp.parseResponse({ status: 200, body: JSON.stringify({ data: [{ id: '1', text: 'a' }], errors: Array.from({ length: 2000 }, (_, i) => ({ value: String(i), detail: 'Could not find tweet', title: 'Not Found Error', resource_type: 'tweet', parameter: 'ids', resource_id: String(i), type: 'https://api.twitter.com/2/problems/resource-not-found' })) }) }),
  ];
  for (const a of answers) assert.ok(JSON.stringify(a).length <= 64 << 10, `${JSON.stringify(a).length} bytes`);
});

// A Go fatal error or a trap (forced in a test build, wasm/bridge/failure_hook.go: no input reaches one now) is an
// XPreflightError('internal'); nothing is read from the stopped runtime's memory, and init() starts a clean one.
test('a Go fatal error or trap is an XPreflightError, and init() restarts cleanly', async () => {
  const { readFile } = await import('node:fs/promises');
  const wasm = await readFile(new URL('../dist-test/xpreflight-crashtest.wasm', import.meta.url));
  for (const marker of ['xpreflight-test-exit', 'xpreflight-test-trap']) {
    const m = await freshModule(marker);
    await m.init({ wasm });
    assert.equal(m.validateQuery({ query: 'cat' }).valid, true); // the output buffer now holds this answer
    assert.throws(() => m.validateQuery({ query: marker }), (err) => {
      assert.equal(err.name, 'XPreflightError');
      assert.equal(err.code, 'internal', err.message);
      assert.match(err.message, /call init\(\) again/);
      return true;
    });
    assert.throws(() => m.validateQuery({ query: 'cat' }), (err) => err.code === 'not-initialized', 'a stopped runtime is not called again');
    await m.init({ wasm });
    const r = m.validateQuery({ query: 'dog has:media' });
    assert.equal(r.valid, true);
    assert.equal(r.formatted, 'dog has:media', 'the new runtime answers its own call, not a stale one');
  }
});
