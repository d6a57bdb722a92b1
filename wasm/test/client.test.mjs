// createClient against a local X stand-in on 127.0.0.1: validation before sending, parsing, waits and retries.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { xp, startServer, expectXPError } from './helpers.mjs';

await xp.init();

const SEARCH = '/2/tweets/search/recent?query=cat';
const json = { 'content-type': 'application/json; charset=utf-8' };
const invalidRequestBody = JSON.stringify({
  errors: [{ parameters: { query: ['cat'] }, message: 'There were errors processing your request' }],
  title: 'Invalid Request',
  detail: 'One or more parameters to your request was invalid.',
  type: 'https://api.twitter.com/2/problems/invalid-request',
});
const ok = { status: 200, headers: json, body: '{"data":[{"id":"1","text":"cat"}],"meta":{"result_count":1}}' };
const serviceUnavailable = { status: 503, headers: json, body: '{"title":"Service Unavailable","detail":"Service Unavailable","type":"about:blank","status":503}' };

// The stand-in answers from a per-test script: scripts[path] = [answer for call 1, answer for call 2, …].
let script = [];
const server = await startServer((req, body, n) => {
  const step = script[Math.min(n, script.length) - 1];
  return typeof step === 'function' ? step(req, body) : step;
});
after(() => server.close());

// Each test gets a client whose waits are recorded instead of slept.
function setup(steps, options = {}) {
  script = steps;
  server.requests.length = 0;
  const waits = [];
  const retries = [];
  const client = xp.createClient({
    baseUrl: server.origin,
    bearerToken: 'test-token',
    sleep: async (ms) => {
      waits.push(ms);
    },
    onRetry: (e) => retries.push(e),
    ...options,
  });
  return { client, waits, retries };
}

test('400: parsed, not retried', async () => {
  const { client, waits } = setup([{ status: 400, headers: json, body: invalidRequestBody }]);
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 400);
  assert.equal(res.parsed.class, 'invalid-request');
  assert.equal(res.body, invalidRequestBody, 'the body comes back byte-identical');
  assert.equal(res.attempts, 1);
  assert.equal(server.requests.length, 1);
  assert.deepEqual(waits, []);
});

test('429 with remaining 0 and reset in 2 s: one wait of about 2 s, then success', async () => {
  const reset = () => String(Math.floor(Date.now() / 1000) + 2);
  const { client, waits, retries } = setup([
    () => ({
      status: 429,
      headers: { ...json, 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': reset() },
      body: '{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}',
    }),
    ok,
  ]);
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 200);
  assert.equal(res.parsed.class, 'success');
  assert.equal(res.attempts, 2);
  assert.equal(server.requests.length, 2);
  assert.equal(waits.length, 1);
  // Node's Date header has whole seconds, so the reset is 1–3 s away from the client's clock, plus X's margin.
  assert.ok(waits[0] >= 1000 && waits[0] <= 5000, `waited ${waits[0]} ms`);
  assert.equal(retries[0].status, 429);
  assert.equal(retries[0].reason, 'rate-limit-reset');
  assert.equal(retries[0].parsed.rateLimit.remaining, 0);
});

test('503 twice: backs off twice, then success', async () => {
  const { client, waits, retries } = setup([serviceUnavailable, serviceUnavailable, ok]);
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 200);
  assert.equal(server.requests.length, 3);
  assert.equal(waits.length, 2);
  assert.ok(waits.every((ms) => ms >= 0 && ms <= 60000), JSON.stringify(waits));
  assert.deepEqual(retries.map((r) => [r.attempt, r.status, r.reason]), [
    [1, 503, 'server-error-backoff'],
    [2, 503, 'server-error-backoff'],
  ]);
});

test('503 forever with maxAttempts 2: gives up after 2 calls and resolves with the last answer', async () => {
  const { client, waits } = setup([serviceUnavailable], { maxAttempts: 2 });
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 503);
  assert.equal(res.parsed.class, 'server-error');
  assert.equal(res.attempts, 2);
  assert.equal(server.requests.length, 2);
  assert.equal(waits.length, 1);
});

test('policy: a reset beyond maxWaitMs parks instead of waiting', async () => {
  const { client, waits } = setup(
    [{ status: 429, headers: { ...json, 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 600) }, body: '{}' }],
    { policy: { maxWaitMs: 5000 } },
  );
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 429);
  assert.equal(server.requests.length, 1);
  assert.deepEqual(waits, []);
  assert.equal(res.advice.retry, false);
  assert.equal(res.advice.parked, true);
  assert.ok(res.advice.notBefore >= Date.now() + 500 * 1000, 'notBefore says when to come back');
});

test('partial 200: resolved at once with the partial errors', async () => {
  const body = JSON.stringify({
    data: [{ id: '1', text: 'cat' }],
    errors: [{ value: '2', detail: 'Could not find tweet with ids: [2].', title: 'Not Found Error', resource_type: 'tweet', parameter: 'ids', resource_id: '2', type: 'https://api.twitter.com/2/problems/resource-not-found' }],
  });
  const { client, waits } = setup([{ status: 200, headers: json, body }]);
  const res = await client.request('GET', '/2/tweets?ids=1,2');
  assert.equal(res.parsed.class, 'partial');
  assert.equal(res.parsed.partialErrors[0].slug, 'resource-not-found');
  assert.equal(res.body, body);
  assert.equal(server.requests.length, 1);
  assert.deepEqual(waits, []);
});

test('an invalid request is rejected with the would-be problem and never sent', async () => {
  const { client } = setup([ok]);
  const err = await expectXPError(assert, () => client.request('GET', '/2/tweets/search/recent?query=cat&max_results=1000'), 'invalid-request', /not sent/);
  assert.equal(err.problem.type, 'https://api.x.com/2/problems/invalid-request');
  assert.equal(err.problem.title, 'Invalid Request');
  assert.ok(err.problem.errors.some((e) => 'max_results' in e.parameters));
  assert.ok(err.diagnostics.some((d) => d.parameter === 'max_results' && d.severity === 'error'));
  assert.equal(err.route, 'GET /2/tweets/search/recent');
  assert.equal(server.requests.length, 0, 'no network call');
});

test('the bearer token goes to baseUrl only; bodies are JSON-encoded; POST /2/tweets is not retried after a 503', async () => {
  const { client, waits } = setup([serviceUnavailable]);
  const res = await client.request('POST', '/2/tweets', { body: { text: 'hello 🐱' } });
  assert.equal(res.status, 503);
  assert.equal(server.requests.length, 1, 'creating a post is not idempotent: no retry');
  assert.deepEqual(waits, []);
  const sent = server.requests[0];
  assert.equal(sent.headers.authorization, 'Bearer test-token');
  assert.equal(sent.headers['content-type'], 'application/json');
  assert.deepEqual(JSON.parse(sent.body), { text: 'hello 🐱' });
  assert.equal(res.advice.retry, false);

  // An absolute URL to another origin gets no token.
  const seen = [];
  const other = xp.createClient({
    baseUrl: 'https://api.x.com',
    bearerToken: 'secret',
    fetch: async (url, init) => {
      seen.push([url, init.headers.authorization]);
      return new Response(ok.body, { status: 200, headers: json });
    },
  });
  await other.request('GET', 'https://api.twitter.com/2/tweets/search/recent?query=cat');
  await other.request('GET', SEARCH);
  assert.deepEqual(seen, [
    ['https://api.twitter.com/2/tweets/search/recent?query=cat', undefined],
    ['https://api.x.com/2/tweets/search/recent?query=cat', 'Bearer secret'],
  ]);
});

test('network failures are retried, then reported as a typed error', async () => {
  let calls = 0;
  const flaky = async (url, init) => {
    calls++;
    if (calls === 1) throw new TypeError('fetch failed');
    return fetch(url, init);
  };
  const { client, waits } = setup([ok], { fetch: flaky });
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 200);
  assert.equal(calls, 2);
  assert.equal(waits.length, 1);

  const dead = xp.createClient({ fetch: async () => { throw new TypeError('fetch failed'); }, maxAttempts: 3, sleep: async () => {} });
  const err = await expectXPError(assert, () => dead.request('GET', SEARCH), 'network', /no response after 3 attempt/);
  assert.equal(err.attempts, 3);
  assert.equal(err.cause.message, 'fetch failed');
});

test('real waits: the default sleep really waits, and aborting a wait rejects at once', async () => {
  script = [serviceUnavailable, ok];
  server.requests.length = 0;
  const delays = [];
  const client = xp.createClient({ baseUrl: server.origin, onRetry: (e) => delays.push(e.delayMs) });
  const res = await client.request('GET', SEARCH);
  assert.equal(res.status, 200);
  assert.equal(server.requests.length, 2);
  const gap = server.requests[1].at - server.requests[0].at;
  assert.ok(gap >= delays[0] - 5, `waited ${gap} ms between calls, advice said ${delays[0]} ms`);

  // A 429 until reset in 10 s, aborted after the first answer.
  script = [{ status: 429, headers: { ...json, 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(Math.floor(Date.now() / 1000) + 10) }, body: '{}' }];
  server.requests.length = 0;
  const controller = new AbortController();
  const abortable = xp.createClient({ baseUrl: server.origin, signal: controller.signal, onRetry: () => setTimeout(() => controller.abort(new Error('user gave up')), 20) });
  await assert.rejects(abortable.request('GET', SEARCH), /user gave up/);
  assert.equal(server.requests.length, 1);
  // A per-request signal that is already aborted: nothing is sent.
  await assert.rejects(xp.createClient({ baseUrl: server.origin }).request('GET', SEARCH, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  assert.equal(server.requests.length, 1);
});

test('createClient rejects bad options', async () => {
  await expectXPError(assert, () => xp.createClient({ maxAttempts: 0 }), 'bad-input', /maxAttempts/);
  await expectXPError(assert, () => xp.createClient({ retries: 3 }), 'bad-input', /unknown option\(s\) "retries"/);
  await expectXPError(assert, () => xp.createClient({ fetch: 'nope' }), 'bad-input', /fetch must be a function/);
  await expectXPError(assert, () => xp.createClient({ policy: 5 }), 'bad-input', /policy must be an object/);
  server.requests.length = 0;
  await expectXPError(assert, () => xp.createClient({ baseUrl: server.origin, policy: { maxWait: 5 } }).request('GET', SEARCH), 'bad-input', /maxWait/);
  assert.equal(server.requests.length, 0, 'a bad policy is reported before anything is sent');
  await expectXPError(assert, () => xp.createClient().request('', SEARCH), 'bad-input', /method/);
  await expectXPError(assert, () => xp.createClient().request('POST', '/2/tweets', { body: new Blob(['x']) }), 'bad-input', /got a Blob/);
  await expectXPError(assert, () => xp.createClient().request('POST', '/2/tweets', { body: new Uint8Array(3) }), 'bad-input', /got a Uint8Array/);
});
