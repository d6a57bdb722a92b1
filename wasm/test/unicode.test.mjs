// Spans: `span` counts UTF-16 code units, so query.slice(span.start, span.end) is the offending text even after
// emoji (2 units, 4 bytes) and CJK (1 unit, 3 bytes); `byteSpan` is the same text in UTF-8 bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xp } from './helpers.mjs';

await xp.init();

const utf8Slice = (s, { start, end }) => Buffer.from(s, 'utf8').subarray(start, end).toString('utf8');

// Each case: a query with text before the offence that makes UTF-16, UTF-8 and code-point offsets all differ,
// and the offending text a diagnostic must point at.
const cases = [
  { query: '🐱🐱 猫 has:polls', offending: 'has:polls' }, // unknown operator
  { query: '猫 AND 🐱犬', offending: 'AND' }, // explicit AND: X rejects it as ambiguous
  { query: '"東京 🗼" is:nullcast', offending: 'is:nullcast' }, // is:nullcast must be negated
  { query: '👩‍👩‍👧 (東京 OR 大阪', offending: '(' }, // unbalanced parenthesis
];

// The invariant holds for any diagnostic of any query, today and later.
test('every span is well-formed and agrees with its byteSpan', () => {
  const queries = [...cases.map((c) => c.query), '𝒳 😀 cat has:media', 'Ｃａｔ　ｄｏｇ', 'mañana -is:retweet'];
  for (const query of queries) {
    for (const d of xp.validateQuery({ query }).diagnostics) {
      const { span, byteSpan } = d;
      assert.ok(0 <= span.start && span.start <= span.end && span.end <= query.length, `${query}: span ${JSON.stringify(span)}`);
      assert.ok(0 <= byteSpan.start && byteSpan.start <= byteSpan.end && byteSpan.end <= Buffer.byteLength(query), `${query}: byteSpan`);
      assert.equal(query.slice(span.start, span.end), utf8Slice(query, byteSpan), `${query}: ${d.code} span and byteSpan name different text`);
      for (const at of [span.start, span.end]) {
        const unit = query.charCodeAt(at);
        assert.ok(!(unit >= 0xdc00 && unit <= 0xdfff), `${query}: ${d.code} span ${at} splits a surrogate pair`);
      }
    }
  }
});

// Random queries built from pieces that stress the offsets: astral emoji, ZWJ sequences, CJK, combining marks,
// a lone surrogate (JSON carries it as \udXXX; Go reads U+FFFD, one UTF-16 unit and 3 bytes like Buffer's
// encoding of it), operators, quotes and parentheses. A fixed seed keeps a failure reproducible.
test('random queries: every span agrees with its byteSpan (seeded)', () => {
  const pieces = ['🐱', '👩‍👩‍👧', '猫', '東京', 'é', 'e\u0301', '\ud800', '𝒳', ' ', ' ', ' OR ', ' AND ', '-', '(', ')', '"', 'from:', 'has:', 'lang:', 'is:retweet', '#タグ', '@user', 'cat', 'url:"x.com"', '\t'];
  let seed = 0x5eed;
  const next = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x80000000);
  for (let i = 0; i < 300; i++) {
    let query = '';
    for (let n = 1 + Math.floor(next() * 12); n > 0; n--) query += pieces[Math.floor(next() * pieces.length)];
    const r = xp.validateQuery({ query });
    assert.equal(r.valid, !r.diagnostics.some((d) => d.severity === 'error'), JSON.stringify(query));
    for (const d of r.diagnostics) {
      const where = `${JSON.stringify(query)}: ${d.code} span ${JSON.stringify(d.span)} byteSpan ${JSON.stringify(d.byteSpan)}`;
      assert.ok(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= query.length, where);
      assert.equal(query.slice(d.span.start, d.span.end).toWellFormed(), utf8Slice(query, d.byteSpan), where);
    }
  }
});

test('spans slice the JS string to the offending text after emoji and CJK', (t) => {
  if (xp.validateQuery({ query: 'has:polls' }).diagnostics.length === 0) {
    t.skip('the query linter reports nothing for "has:polls": core/query has not landed in this build');
    return;
  }
  for (const { query, offending } of cases) {
    const r = xp.validateQuery({ query });
    assert.equal(r.valid, false, `${query} should be invalid`);
    const at = query.indexOf(offending);
    const hit = r.diagnostics.find((d) => d.severity === 'error' && d.span.start <= at + offending.length && d.span.end >= at && d.span.end > d.span.start);
    assert.ok(hit, `${query}: no error diagnostic covers ${JSON.stringify(offending)}: ${JSON.stringify(r.diagnostics)}`);
    const text = query.slice(hit.span.start, hit.span.end);
    assert.ok(text.includes(offending) || offending.includes(text), `${query}: span text ${JSON.stringify(text)} vs ${JSON.stringify(offending)}`);
    assert.equal(utf8Slice(query, hit.byteSpan), text);
    assert.ok(hit.byteSpan.start > hit.span.start, 'bytes run ahead of UTF-16 units after multi-byte text');
  }
});

test('length counts code points the way X does, not UTF-16 units or bytes', (t) => {
  const r = xp.validateQuery({ query: '🐱' });
  if (r.length === Buffer.byteLength('🐱')) {
    t.skip('the placeholder linter counts bytes: core/query has not landed in this build');
    return;
  }
  assert.ok(r.length === 1 || r.length === 2, `length of one emoji is ${r.length}`);
});
