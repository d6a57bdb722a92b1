// The query-only module (xpreflight-query.wasm, init({ module: 'query' })): validateQuery works, every other op
// refuses by name until the full module is loaded, then everything runs on the full one. Own process: starts
// uninitialised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { gzipSync, constants } from 'node:zlib';
import { xp, DIST, WASM_URL, freshModule, expectXPError } from './helpers.mjs';

const QUERY_WASM_URL = new URL('xpreflight-query.wasm', DIST);
const heavyOps = {
  validateRequest: { method: 'GET', url: '/2/tweets/search/recent?query=cat' },
  parseResponse: { status: 200, headers: {}, body: '{"data":[]}' },
  adviseRetry: { attempt: 1, status: 503 },
};

test('query-only first: validateQuery works, the other ops throw query-only, then the full module takes over', async () => {
  await expectXPError(assert, () => xp.validateQuery({ query: 'cat' }), 'not-initialized');
  await xp.init({ module: 'query' }); // the full one is started after the checks below, so none can race it

  const q = xp.validateQuery({ query: 'cat AND dog' });
  assert.equal(q.valid, false);
  assert.deepEqual(q.diagnostics.map((d) => [d.code, d.span]), [['explicit-and', { start: 4, end: 7 }]]);
  await expectXPError(assert, () => xp.validateQuery({ query: 'cat', bogus: 1 }), 'bad-input', /bogus/);
  for (const [op, input] of Object.entries(heavyOps)) {
    const err = await expectXPError(assert, () => xp[op](input), 'query-only', /needs the full module.*await init\(\)/);
    assert.equal(err.op, op);
  }

  await xp.init();
  assert.deepEqual(xp.validateQuery({ query: 'cat AND dog' }), q, 'both modules lint queries identically');
  assert.equal(xp.validateRequest(heavyOps.validateRequest).valid, true);
  assert.equal(xp.parseResponse(heavyOps.parseResponse).class, 'success');
  assert.equal(typeof xp.adviseRetry(heavyOps.adviseRetry).retry, 'boolean');
});

test('init({ module }) is idempotent per module and checks its options', async () => {
  assert.equal(xp.init({ module: 'query' }), xp.init({ module: 'query', wasm: QUERY_WASM_URL }));
  assert.notEqual(xp.init({ module: 'query' }), xp.init());
  await expectXPError(assert, () => xp.init({ module: 'lite' }), 'bad-input', /module must be 'full' or 'query', got string lite/);
  await expectXPError(assert, () => xp.init({ module: 'query', wasm: 42 }), 'bad-input', /got number 42/);
  await expectXPError(assert, () => xp.init({ module: 'query', extra: true }), 'bad-input', /unknown option\(s\) "extra"; expected \{ wasm, module \}/);
});

test('the query-only .wasm handed to init() as the full module still refuses other ops by name', async () => {
  const m = await freshModule('query-as-full');
  await m.init(await readFile(QUERY_WASM_URL));
  assert.equal(m.validateQuery({ query: 'has:media' }).diagnostics[0].code, 'conjunction-only');
  await expectXPError(assert, () => m.validateRequest(heavyOps.validateRequest), 'query-only');
});

test('the query-only .wasm is smaller than the full one and within the size budget', async (t) => {
  const gzip = async (url) => gzipSync(await readFile(url), { level: constants.Z_BEST_COMPRESSION }).length;
  const [query, full] = [await gzip(QUERY_WASM_URL), await gzip(WASM_URL)];
  const budget = Number((await readFile(new URL('../size-budget.txt', import.meta.url), 'utf8')).split('\n').filter((l) => !l.startsWith('#')).join('').trim());
  t.diagnostic(`xpreflight-query.wasm: ${query} bytes gzip -9; xpreflight.wasm: ${full} (${Math.round((100 * query) / full)}%)`);
  assert.ok(query < full, `query-only ${query} ≥ full ${full}: did the build tag stop leaving out jsonschema?`);
  assert.ok(query <= budget, `xpreflight-query.wasm is ${query} bytes gzip, over the budget of ${budget}`);
});
