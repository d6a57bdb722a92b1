// Every op through the wasm module, against the wire contract of DESIGN.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xp, expectXPError } from './helpers.mjs';

await xp.init();

const problemURI = 'https://api.x.com/2/problems/invalid-request';
const httpDate = (ms) => new Date(ms).toUTCString();

test('validateQuery returns the report shape', () => {
  const r = xp.validateQuery({ query: 'from:XDevelopers -is:retweet', endpoint: 'search_all', tier: 'enterprise' });
  assert.deepEqual(Object.keys(r).sort().filter((k) => ['valid', 'length', 'maxLength', 'diagnostics', 'formatted'].includes(k)), ['diagnostics', 'formatted', 'length', 'maxLength', 'valid']);
  assert.equal(typeof r.valid, 'boolean');
  assert.ok(Number.isInteger(r.length) && r.length > 0);
  assert.ok(Number.isInteger(r.maxLength) && r.maxLength >= 512);
  assert.ok(Array.isArray(r.diagnostics));
  assert.equal(typeof r.formatted, 'string');
  assert.equal(r.valid, !r.diagnostics.some((d) => d.severity === 'error'), 'valid is false exactly when some diagnostic is an error');
});

test('validateQuery: valid ⇔ no error diagnostic, for queries good and bad', () => {
  for (const query of ['cat', 'has:media', 'cat AND dog', '(cat OR dog', '-is:retweet', 'x'.repeat(600), 'lang:xx cat', '"unterminated']) {
    for (const endpoint of ['search_recent', 'search_all', 'counts_recent', 'counts_all', 'stream_rule']) {
      const r = xp.validateQuery({ query, endpoint });
      assert.equal(r.valid, !r.diagnostics.some((d) => d.severity === 'error'), `${endpoint}: ${query}`);
      for (const d of r.diagnostics) {
        assert.match(d.code, /^[a-z0-9]+(-[a-z0-9]+)*$/, `code ${d.code} is kebab-case`);
        assert.ok(['error', 'warning'].includes(d.severity));
        assert.ok(d.message.length > 0);
      }
    }
  }
});

test('bad input throws XPreflightError bad-input naming the problem', async () => {
  const cases = [
    ['validateQuery', { query: 'cat', endpoint: 'search' }, /endpoint.*"search"/],
    ['validateQuery', { query: 'cat', tier: 'gold' }, /tier.*"gold".*pay-per-use, free, basic, pro, enterprise/],
    ['validateQuery', { endpoint: 'search_all' }, /missing field "query"/],
    ['validateQuery', { query: 5 }, /field "query"/],
    ['validateQuery', { query: 'cat', qeury: 'dog' }, /qeury/],
    ['validateQuery', null, /input must be an object, got null/],
    ['validateQuery', ['cat'], /input must be an object, got an array/],
    ['validateQuery', 'cat', /input must be an object, got string/],
    ['validateQuery', { query: 10n }, /cannot be encoded as JSON/],
    ['parseResponse', { body: '' }, /status/],
    ['parseResponse', { status: 42, body: '' }, /status/],
    ['adviseRetry', { attempt: 0 }, /attempt/],
    ['adviseRetry', { attempt: 1, random: 1.5 }, /random/],
    ['validateRequest', { url: '/2/tweets' }, /method/],
  ];
  for (const [op, input, message] of cases) {
    const err = await expectXPError(assert, () => xp[op](input), 'bad-input', message);
    assert.equal(err.op, op);
  }
});

test('validateRequest accepts a good search request and names its route', () => {
  for (const url of ['/2/tweets/search/recent?query=from%3AXDevelopers&max_results=10', 'https://api.x.com/2/tweets/search/recent?query=cat', 'https://api.twitter.com/2/tweets/search/recent?query=cat']) {
    const r = xp.validateRequest({ method: 'GET', url });
    assert.equal(r.valid, true, `${url}: ${JSON.stringify(r.diagnostics)}`);
    assert.equal(r.route, 'GET /2/tweets/search/recent');
    assert.equal(r.problem, null);
    assert.ok(Array.isArray(r.diagnostics));
  }
});

test('validateRequest rejects max_results out of range with the problem X would send', () => {
  const r = xp.validateRequest({ method: 'GET', url: '/2/tweets/search/recent?query=cat&max_results=1000' });
  assert.equal(r.valid, false);
  assert.equal(r.route, 'GET /2/tweets/search/recent');
  const d = r.diagnostics.find((d) => d.parameter === 'max_results');
  assert.ok(d, JSON.stringify(r.diagnostics));
  assert.equal(d.severity, 'error');
  assert.equal(d.value, '1000');
  assert.equal(r.problem.type, problemURI);
  assert.equal(r.problem.title, 'Invalid Request');
  assert.equal(r.problem.detail, 'One or more parameters to your request was invalid.');
  assert.ok(r.problem.errors.some((e) => JSON.stringify(e.parameters.max_results) === '["1000"]' && e.message.length > 0), JSON.stringify(r.problem));
});

test('validateRequest: no operation matches → route null, a warning (X serves routes its specs lack)', () => {
  const r = xp.validateRequest({ method: 'GET', url: '/2/no/such/thing' });
  assert.equal(r.route, null);
  assert.equal(r.valid, true);
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity]), [['unknown-route', 'warning']]);
  assert.equal(r.problem, null);
});

test('parseResponse: invalid-request problem (400)', () => {
  const body = JSON.stringify({
    errors: [{ parameters: { max_results: ['1000'] }, message: 'The `max_results` query parameter value [1000] is not between 10 and 100' }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  });
  const r = xp.parseResponse({ status: 400, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
  assert.equal(r.class, 'invalid-request');
  assert.equal(r.status, 400);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].slug, 'invalid-request');
  assert.deepEqual(r.problems[0].errors[0].parameters, { max_results: ['1000'] });
  assert.equal(r.retryable, false);
  assert.deepEqual(r.partialErrors, []);
});

test('parseResponse: 429 with rate-limit headers, Problem and legacy bodies', () => {
  const headers = { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1785585660' };
  const problem = xp.parseResponse({ status: 429, headers, body: '{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}' });
  assert.equal(problem.class, 'rate-limited');
  assert.deepEqual(problem.rateLimit, { limit: 450, remaining: 0, reset: 1785585660 });
  assert.equal(problem.problems[0].slug, 'about:blank');
  assert.equal(problem.retryable, true);
  const legacy = xp.parseResponse({ status: 429, headers, body: '{"errors":[{"code":88,"message":"Rate limit exceeded"}]}' });
  assert.equal(legacy.class, 'rate-limited');
  assert.equal(legacy.problems[0].slug, 'legacy-88');
});

test('parseResponse: 24-hour caps', () => {
  const r = xp.parseResponse({
    status: 429,
    headers: { 'x-app-limit-24hour-limit': '10000', 'x-app-limit-24hour-remaining': '0', 'x-app-limit-24hour-reset': '1785672000' },
    body: '{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}',
  });
  assert.deepEqual(r.rateLimit.appDay, { limit: 10000, remaining: 0, reset: 1785672000 });
});

test('parseResponse: partial 200 keeps every field of each partial error', () => {
  const err = { value: '2', detail: 'Could not find tweet with ids: [2].', title: 'Not Found Error', resource_type: 'tweet', parameter: 'ids', resource_id: '2', type: 'https://api.twitter.com/2/problems/resource-not-found' };
  const r = xp.parseResponse({ status: 200, body: JSON.stringify({ data: [{ id: '1', text: 'hi' }], errors: [err] }), method: 'GET', url: '/2/tweets?ids=1,2' });
  assert.equal(r.class, 'partial');
  assert.equal(r.partialErrors.length, 1);
  assert.deepEqual(r.partialErrors[0], { ...err, slug: 'resource-not-found' });
  assert.equal(r.schema.valid, true);
});

test('parseResponse: a body that is not JSON is reported, not dropped', () => {
  const r = xp.parseResponse({ status: 503, body: '<html><body>upstream connect error</body></html>' });
  assert.equal(r.class, 'server-error');
  assert.equal(r.schema.valid, false);
  assert.ok(r.schema.violations.length > 0);
  for (const v of r.schema.violations) assert.deepEqual(Object.keys(v).sort(), ['instanceLocation', 'keywordLocation', 'message']);
  assert.equal(r.retryable, true);
});

test('adviseRetry: 429 with remaining 0 waits for the reset, anchored by Date', () => {
  const now = 1785585600000;
  const a = xp.adviseRetry({
    attempt: 1, method: 'GET', url: '/2/tweets/search/recent?query=cat', status: 429, now, random: 0.5,
    headers: { 'x-rate-limit-limit': '450', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(now / 1000 + 2), date: httpDate(now) },
  });
  assert.equal(a.retry, true);
  assert.equal(a.reason, 'rate-limit-reset');
  assert.ok(a.delayMs >= 2000 && a.delayMs <= 5000, `delayMs ${a.delayMs}`);
  assert.equal(a.notBefore, now + a.delayMs);
});

test('adviseRetry: 429 with remaining > 0 is a short per-second wait', () => {
  const now = 1785585600000;
  const a = xp.adviseRetry({ attempt: 1, status: 429, now, random: 0.5, headers: { 'x-rate-limit-remaining': '12', 'x-rate-limit-reset': String(now / 1000 + 900), date: httpDate(now) } });
  assert.equal(a.retry, true);
  assert.ok(a.delayMs < 60000, `delayMs ${a.delayMs} should be far below the 15-minute window`);
});

test('adviseRetry: 5xx backs off; POST /2/tweets is not retried; usage caps are not retried', () => {
  const now = 1785585600000;
  const get = xp.adviseRetry({ attempt: 1, method: 'GET', url: '/2/tweets/search/recent?query=cat', status: 503, now, random: 0.5 });
  assert.equal(get.retry, true);
  assert.ok(get.delayMs > 0);
  const post = xp.adviseRetry({ attempt: 1, method: 'POST', url: '/2/tweets', status: 503, now, random: 0.5 });
  assert.equal(post.retry, false);
  const capped = xp.adviseRetry({
    attempt: 1, method: 'GET', url: '/2/tweets/search/recent?query=cat', status: 429, now, random: 0.5,
    body: '{"account_id":"1","product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}',
  });
  assert.equal(capped.retry, false);
  assert.equal(capped.reason, 'usage-capped');
  const network = xp.adviseRetry({ attempt: 1, method: 'GET', url: '/2/users/me', now, random: 0.5 });
  assert.equal(network.retry, true);
});

test('adviseRetry: the wrapper fills now and random', () => {
  const before = Date.now();
  const a = xp.adviseRetry({ attempt: 1, method: 'GET', status: 503 });
  assert.equal(a.retry, true);
  assert.ok(a.notBefore >= before + a.delayMs && a.notBefore <= Date.now() + a.delayMs, `notBefore ${a.notBefore} is relative to Date.now()`);
  const fixed = { attempt: 2, method: 'GET', status: 503, now: 1785585600000, random: 0.25 };
  assert.deepEqual(xp.adviseRetry(fixed), xp.adviseRetry(fixed), 'explicit now and random are deterministic');
  assert.deepEqual(Object.keys(fixed), ['attempt', 'method', 'status', 'now', 'random'], 'the caller’s object is not modified');
  const input = { attempt: 1, status: 503 };
  xp.adviseRetry(input);
  assert.deepEqual(input, { attempt: 1, status: 503 }, 'filling now/random does not modify the caller’s object');
});

test('large inputs grow the linear memory and round-trip', () => {
  const big = JSON.stringify({ data: Array.from({ length: 20000 }, (_, i) => ({ id: String(i), text: `猫 🐱 post ${i}` })) });
  assert.ok(big.length > 500000);
  const r = xp.parseResponse({ status: 200, body: big });
  assert.equal(r.class, 'success');
  assert.equal(xp.validateQuery({ query: 'cat' }).valid, true, 'a small call after a big one');
});

test('many calls in a row keep working', () => {
  for (let i = 0; i < 2000; i++) {
    const r = xp.validateQuery({ query: `cat ${i} 🐱` });
    assert.equal(r.formatted.includes(String(i)), true);
  }
});
