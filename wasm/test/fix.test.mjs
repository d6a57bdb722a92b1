// fixQuery / fixRequest through the package, and createClient's `fix` option against a local X stand-in.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { xp, startServer, expectXPError } from './helpers.mjs';

await xp.init();

test('validateQuery carries fixes whose spans index the JS string', () => {
  const query = 'from:@jack “big bird”';
  const r = xp.validateQuery({ query });
  const at = r.diagnostics.find((d) => d.code === 'username-at-sign');
  assert.equal(at.fixes.length, 1);
  assert.equal(at.fixes[0].safe, true);
  const [edit] = at.fixes[0].edits;
  assert.equal(query.slice(edit.span.start, edit.span.end), '@');
  const curly = r.diagnostics.find((d) => d.code === 'typographic-quote');
  const spans = curly.fixes[0].edits.map((e) => query.slice(e.span.start, e.span.end));
  assert.deepEqual(spans, ['“', '”'], 'UTF-16 spans land on the curly quotes');
});

test('fixQuery applies safe fixes by default and every fix with apply: all', () => {
  const safe = xp.fixQuery({ query: 'cat AND dog has:medias' });
  assert.equal(safe.query, 'cat dog has:medias');
  assert.deepEqual(safe.applied.map((a) => a.code), ['explicit-and']);
  assert.equal(safe.report.valid, false, 'the guess is not applied');
  const all = xp.fixQuery({ query: 'cat AND dog has:medias', apply: 'all' });
  assert.equal(all.query, 'cat dog has:media');
  assert.equal(all.report.valid, true);
});

test('fixQuery refuses an unknown apply mode with bad-input', () => {
  return expectXPError(assert, () => xp.fixQuery({ query: 'cat', apply: 'some' }), 'bad-input', /apply/);
});

test('fixRequest edits the URL, percent-encoding what it writes', () => {
  const r = xp.fixRequest({ method: 'GET', url: '/2/tweets/search/recent?query=%E2%80%9Chappy%20birthday%E2%80%9D%20cat&max_results=5', apply: 'all' });
  assert.equal(r.url, '/2/tweets/search/recent?query=%22happy%20birthday%22%20cat&max_results=10');
  assert.equal(r.result.valid, true);
  assert.deepEqual(r.applied.map((a) => a.code), ['invalid-query', 'out-of-range']);
});

const json = { 'content-type': 'application/json' };
const server = await startServer(() => ({ status: 200, headers: json, body: '{"data":[],"meta":{"result_count":0}}' }));
after(() => server.close());

test("createClient({fix: 'safe'}) sends the repaired request and reports what changed", async () => {
  server.requests.length = 0;
  const client = xp.createClient({ baseUrl: server.origin, bearerToken: 't', fix: 'safe' });
  const res = await client.request('GET', '/2/tweets/search/recent?query=rock%20AND%20roll%20from%3A%40jack');
  assert.equal(res.status, 200);
  assert.deepEqual(res.fixes.map((a) => a.code), ['invalid-query', 'invalid-query']);
  assert.equal(server.requests.length, 1);
  assert.equal(server.requests[0].url, '/2/tweets/search/recent?query=rock%20roll%20from%3Ajack');
});

test('without the fix option nothing is rewritten: the invalid request is refused unsent', async () => {
  server.requests.length = 0;
  const client = xp.createClient({ baseUrl: server.origin, bearerToken: 't' });
  await assert.rejects(client.request('GET', '/2/tweets/search/recent?query=rock%20AND%20roll'), (err) => err.code === 'invalid-request');
  assert.equal(server.requests.length, 0);
});

test('createClient refuses an unknown fix mode', () => {
  return expectXPError(assert, () => xp.createClient({ fix: 'yes' }), 'bad-input', /fix must be/);
});
