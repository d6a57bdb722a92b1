// init(): before, failing, retried, twice. Runs in its own process, so the module starts uninitialised.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xp, DIST, expectXPError } from './helpers.mjs';

test('ops called before init throw not-initialized', async () => {
  for (const op of ['validateQuery', 'validateRequest', 'parseResponse', 'adviseRetry']) {
    const err = await expectXPError(assert, () => xp[op]({}), 'not-initialized', /await init\(\) first/);
    assert.equal(err.op, op);
    assert.ok(err instanceof xp.XPreflightError && err instanceof Error);
  }
});

test('version() works before init and matches package.json', async () => {
  const pkg = JSON.parse(await (await import('node:fs/promises')).readFile(new URL('package.json', DIST), 'utf8'));
  assert.equal(xp.version(), pkg.version);
  assert.match(xp.version(), /^\d+\.\d+\.\d+/);
});

test('a failed init rejects with init-failed and can be retried', async () => {
  await expectXPError(assert, () => xp.init(new URL('missing.wasm', DIST)), 'init-failed', /ENOENT|no such file/);
  await expectXPError(assert, () => xp.init(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 99])), 'init-failed');
  await expectXPError(assert, () => xp.init(42), 'bad-input', /expected a URL, string, bytes/);
  await expectXPError(assert, () => xp.init({ wasmUrl: 'x' }), 'bad-input', /unknown option\(s\) "wasmUrl"/);
  await expectXPError(assert, () => xp.init({ wasm: 42 }), 'bad-input', /got number 42/);
  // Still not initialised after the failures…
  await expectXPError(assert, () => xp.validateQuery({ query: 'cat' }), 'not-initialized');
  // …and a retry with the default location succeeds.
  await xp.init();
  assert.equal(xp.validateQuery({ query: 'cat' }).valid, true);
});

test('init twice returns the same promise and keeps one runtime', async () => {
  const a = xp.init();
  const b = xp.init(new URL('does-not-matter.wasm', DIST)); // ignored: already initialised
  assert.equal(a, b);
  await a;
  assert.equal(xp.validateQuery({ query: 'cat' }).formatted, 'cat');
});
