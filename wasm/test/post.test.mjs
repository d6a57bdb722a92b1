// validatePost through the wasm module: X's weighted length, entities with UTF-16 spans, the long-post rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xp, expectXPError } from './helpers.mjs';

await xp.init();

test('validatePost measures like twitter-text and spans index the JS string', () => {
  const text = 'Hi @jack 👩‍💻 see https://example.com/a-very/long/path/that/still/counts/23 #news $TWTR';
  const r = xp.validatePost(text);
  assert.equal(r.weightedLength, 3 + 5 + 1 + 2 + 5 + 23 + 6 + 6);
  assert.equal(r.maxLength, 280);
  assert.equal(r.valid, true);
  assert.deepEqual(r.displayRange, { start: 0, end: text.length });
  const slice = (e) => text.slice(e.span.start, e.span.end);
  assert.equal(slice(r.entities.mentions[0]), '@jack');
  assert.equal(slice(r.entities.urls[0]), r.entities.urls[0].url);
  assert.equal(slice(r.entities.hashtags[0]), '#news');
  assert.equal(slice(r.entities.cashtags[0]), '$TWTR');
  assert.deepEqual(r.diagnostics, []);
});

test('validatePost: over 280 is an error only with longPosts: false', () => {
  const text = '語'.repeat(141);
  const unknown = xp.validatePost(text);
  assert.equal(unknown.valid, true);
  assert.equal(unknown.diagnostics[0].code, 'post-long-form');
  assert.equal(unknown.diagnostics[0].severity, 'warning');
  const denied = xp.validatePost(text, { longPosts: false });
  assert.equal(denied.valid, false);
  assert.equal(denied.diagnostics[0].code, 'post-too-long');
  assert.match(denied.diagnostics[0].message, /Post needs to be a bit shorter/);
  assert.deepEqual(denied.diagnostics[0].span, { start: 140, end: 141 });
  assert.deepEqual(denied.validRange, { start: 0, end: 140 });
  const allowed = xp.validatePost(text, { longPosts: true });
  assert.equal(allowed.valid, true);
  assert.equal(allowed.maxLength, 25000);
});

test('validatePost: config v2 weighs each part of an emoji sequence', () => {
  assert.equal(xp.validatePost('👨‍👩‍👧‍👦', { config: 'v2' }).weightedLength, 11);
  assert.equal(xp.validatePost('👨‍👩‍👧‍👦').weightedLength, 2);
});

test('validatePost also takes the wire input, like the other ops', () => {
  assert.deepEqual(xp.validatePost({ text: 'a b', longPosts: false }), xp.validatePost('a b', { longPosts: false }));
});

test('validatePost misuse throws with what to do next', async () => {
  await expectXPError(assert, () => xp.validatePost(42), 'bad-input', /text must be a string/);
  await expectXPError(assert, () => xp.validatePost('x', null), 'bad-input', /opts must be an object/);
  await expectXPError(assert, () => xp.validatePost('x', { config: 'v9' }), 'bad-input', /unknown config "v9"/);
  await expectXPError(assert, () => xp.validatePost('x', { longPost: true }), 'bad-input', /longPost/);
});
