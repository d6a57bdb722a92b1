// validatePost through the wasm package against the official twitter-text npm package's parseTweet, side by side
// in one Node process, on the same posts. Run by wasm/bench.sh (./build.sh bench): node wasm/bench/post-vs-twitter-text.mjs
//
// Both sides first answer every input and must agree on the weighted length, validity and ranges (twitter-text's
// inclusive range ends are end − 1 here); then rounds alternate the two, and each round's ratio divides that
// round's per-call times, so a change in the machine's load moves both sides alike. The wasm side does more work
// per call (entities, diagnostics, JSON both ways across the JS↔Go boundary); parseTweet only counts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const ROUNDS = Number(process.env.ROUNDS ?? 5);
const ROUND_MS = Number(process.env.BENCH_MS ?? 300);
const root = new URL('../../', import.meta.url);
const require = createRequire(new URL('package.json', root));
const twttr = require('twitter-text');
const ttVersion = JSON.parse(await readFile(new URL('node_modules/twitter-text/package.json', root), 'utf8')).version;
const xp = await import(new URL('wasm/dist/xpreflight.mjs', root).href);
await xp.init();

const cases = JSON.parse(await readFile(new URL('core/wire/testdata/handle_bench_inputs.json', root), 'utf8')).cases;
const mixed = cases.find((c) => c.op === 'validatePost').input.text;
const inputs = [
  ['280-character mixed post (URLs, emoji, CJK)', mixed],
  ['280 ASCII characters, no entity', 'The quick brown fox jumps over the lazy dog, again and again. '.repeat(5).slice(0, 280)],
  ['140 CJK characters', '故人西辞黄鹤楼烟花三月下扬州'.repeat(10)],
];

// --- agreement --------------------------------------------------------------------------------------------------
let disagreements = 0;
for (const [name, text] of inputs) {
  const t = twttr.parseTweet(text);
  const x = xp.validatePost(text, { longPosts: false });
  const ours = [x.weightedLength, x.permillage, Math.max(x.validRange.end - 1, 0), Math.max(x.displayRange.end - 1, 0)];
  const theirs = [t.weightedLength, t.permillage, t.validRangeEnd, t.displayRangeEnd];
  if (JSON.stringify(ours) !== JSON.stringify(theirs) || x.valid !== t.valid) {
    disagreements++;
    console.log(`DISAGREE ${name}: xpreflight ${JSON.stringify(ours)} valid=${x.valid}, twitter-text ${JSON.stringify(theirs)} valid=${t.valid}`);
  }
}

// --- timing -------------------------------------------------------------------------------------------------------
function perCall(fn, text, ms = ROUND_MS) {
  let n = 0;
  const end = performance.now() + ms;
  const t0 = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 50; i++) fn(text);
    n += 50;
  }
  return ((performance.now() - t0) * 1000) / n; // µs
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = (text) => xp.validatePost(text);
const theirs = (text) => twttr.parseTweet(text);

console.log(`validatePost (xpreflight wasm ${xp.version()}) vs parseTweet (twitter-text ${ttVersion}), Node ${process.version}, ${ROUNDS} alternating rounds of ${ROUND_MS} ms`);
console.log('| input | xpreflight wasm µs/call | twitter-text µs/call | ratio (wasm / twitter-text, median of rounds) |');
console.log('| --- | ---: | ---: | ---: |');
for (const [name, text] of inputs) {
  // Warm both JITs (V8 tiers wasm up from its baseline compiler in the background): a second of calls each.
  perCall(ours, text, 1000);
  perCall(theirs, text, 1000);
  const a = [], b = [], r = [];
  for (let k = 0; k < ROUNDS; k++) {
    const x = perCall(ours, text);
    const y = perCall(theirs, text);
    a.push(x); b.push(y); r.push(x / y);
  }
  console.log(`| ${name} | ${median(a).toFixed(2)} | ${median(b).toFixed(2)} | ${median(r).toFixed(2)}x |`);
}
console.log(disagreements === 0 ? 'weighted length, permillage, validity and ranges agree on every input' : `${disagreements} input(s) disagree (see above)`);
