// The packed package in fresh Node apps (import and require, by package name), and linted as published:
// publint and "are the types wrong" (attw) find nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, app, tarball } from './harness.mjs';

const EXPECTED = { query: ['unmatched-paren'], request: false, globals: [] };

function run(dir, file) {
  return JSON.parse(execFileSync(process.execPath, [file], { cwd: dir, encoding: 'utf8' }));
}

test('Node, import: init() reads the .wasm from disk; Go shim globals are gone afterwards', async (t) => {
  const dir = await app(t, 'node');
  const out = run(dir, 'main.mjs');
  assert.deepEqual({ query: out.query, request: out.request, globals: out.globals }, EXPECTED);
});

test('Node, require(): the same API once init() resolved; before, ops throw not-initialized', async (t) => {
  const dir = await app(t, 'node', { type: 'commonjs' });
  const out = run(dir, 'main.cjs');
  assert.equal(out.before, 'not-initialized');
  assert.deepEqual({ query: out.query, request: out.request, globals: out.globals }, EXPECTED);
});

test('Node, xpreflight/query: validateQuery on the query-only module', async (t) => {
  const dir = await app(t, 'node');
  assert.deepEqual(run(dir, 'query.mjs'), { query: EXPECTED.query });
});

test('publint: nothing to report', () => {
  const out = execFileSync(path.join(ROOT, 'node_modules/.bin/publint'), ['--strict', path.join(ROOT, 'wasm/dist')], { encoding: 'utf8' });
  assert.match(out, /All good!/, out);
});

test('are the types wrong (attw): no problem in any resolution mode (node10, node16 CJS and ESM, bundler)', () => {
  let out;
  try {
    out = execFileSync(path.join(ROOT, 'node_modules/.bin/attw'), ['--format', 'json', tarball()], { encoding: 'utf8' });
  } catch (err) {
    assert.fail(`attw failed: ${err.stdout}${err.stderr}`);
  }
  const report = JSON.parse(out);
  // Problems come grouped by kind (an object) at the top and listed under analysis.
  assert.deepEqual(report.problems, {});
  assert.deepEqual(report.analysis.problems, []);
  const entrypoints = Object.keys(report.analysis.entrypoints).sort();
  assert.deepEqual(entrypoints, ['.', './package.json', './query', './xpreflight-query.wasm', './xpreflight.wasm']);
});
