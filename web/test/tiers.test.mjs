// Both tier pickers offer every access level the package's types (and core/query's Tiers) know, default first.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const root = new URL('../../', import.meta.url);
const html = readFileSync(new URL('web/index.html', root), 'utf8');
const dts = readFileSync(new URL('wasm/xpreflight.d.ts', root), 'utf8');

function options(id) {
  const select = html.match(new RegExp(`<select id="${id}">([\\s\\S]*?)</select>`));
  assert.ok(select, `index.html has no <select id="${id}">`);
  return [...select[1].matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
}

test('the tier pickers offer every access level', () => {
  const union = dts.match(/export type Tier = ([^;]+);/);
  assert.ok(union, 'xpreflight.d.ts declares no Tier type');
  const levels = [...union[1].matchAll(/'([^']+)'/g)].map((m) => m[1]);
  assert.deepEqual(levels, ['pay-per-use', 'free', 'basic', 'pro', 'enterprise']);
  assert.deepEqual(options('tier'), levels);
  assert.deepEqual(options('req-tier'), levels);
});
