// Records the official twitter-text npm package's answers (parseTweet with its default config v3, and
// extractEntitiesWithIndices) for a seeded corpus of generated posts, into twitter-text-oracle.json, which
// core/post's TestOracle compares against. Run from the repository root after npm ci:
//   node core/post/testdata/oracle.mjs > core/post/testdata/twitter-text-oracle.json
// The pieces avoid emoji newer than twemoji-parser 11's list (doc.go: known differences).
import { createRequire } from 'node:module';

const require = createRequire(new URL('../../../package.json', import.meta.url));
const twttr = require('twitter-text');
const version = require('twitter-text/package.json').version;

let seed = 20261204;
const rand = (n) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};
const pick = (xs) => xs[rand(xs.length)];

const pieces = [
  'hello', 'world', 'Launch', 'día', 'ünïcode', 'naïve', 'über', 'x', '42', '2026', 'RT', 'rt', 'http', 'www',
  'https://example.com', 'http://example.com/path?q=1&r=2', 'https://t.co/abc123', 'https://t.co/abcdefghij?amp=1',
  'example.com', 'docs.example.org/start', 'foo.co.jp', 'bit.ly/abc', 'www.foo.co.uk/a(b)c', 'http://en.wikipedia.org/wiki/Primer_(film)',
  'http://例え.テスト', 'http://exampleこれは日本語です.com/path', 'twitter.com/jack', 'name@example.com', 'a.b', 'a.b.c', '.com', 'x.y.com/',
  'https://example.com/path.', 'https://example.com/path,', 'example.com:8080/x', 'https://example.com/?q=a!', 'foo.baz', 't.co', 'MLB.tv',
  '@jack', '@user_name', '@a/list-name', '@user/7list', '＠jack', '@toolongusernamexxxxxxxx', 'RT@x', 'RT:@y', 'email@me',
  '#hashtag', '#日本語', '#tag_1', '#1', '#123abc', '＃全角', '#café', '#a#b', '$TWTR', '$tsla.b', '$AB_CD', '$toolongtag', '$1',
  '日本語', 'ありがとう', '한국어', '中文字符', 'Ελληνικά', 'русский', 'עברית', 'العربية', 'हिन्दी',
  '😀', '🚀', '👍🏽', '👨‍👩‍👧‍👦', '🇯🇵', '1️⃣', '©️', '©', '☺', '❤️', '🏳️‍🌈', '\u200B', '\u00A0', '—', '…', '"quoted"', "'s", '(paren)', '[x]',
];
const seps = [' ', ' ', ' ', '', '\n', ', ', '.', '!', '?', '-', '_', '/', ':', '@', '#', '$', '&', '「', '」', '、', '。', '\u3000'];

const out = [];
for (let i = 0; i < 800; i++) {
  let text = '';
  const n = 1 + rand(12);
  for (let k = 0; k < n; k++) text += pick(pieces) + (k + 1 < n ? pick(seps) : '');
  if (rand(10) === 0) text = text.repeat(2 + rand(8)); // some over the limit
  const p = twttr.parseTweet(text);
  const entities = twttr.extractEntitiesWithIndices(text).map((e) => ({
    kind: e.url !== undefined ? 'url' : e.screenName !== undefined ? 'mention' : e.hashtag !== undefined ? 'hashtag' : 'cashtag',
    text: e.url ?? e.screenName ?? e.hashtag ?? e.cashtag,
    listSlug: e.listSlug || '',
    start: e.indices[0],
    end: e.indices[1],
  }));
  out.push({ text, weightedLength: p.weightedLength, valid: p.valid, permillage: p.permillage, validRangeEnd: p.validRangeEnd, displayRangeEnd: p.displayRangeEnd, entities });
}
console.log(JSON.stringify({ about: `Answers of the twitter-text npm package ${version} (Apache-2.0) recorded by core/post/testdata/oracle.mjs; seeded corpus.`, cases: out }, null, 0));
