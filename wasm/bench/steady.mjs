// Steady-state per-call time of every op through the published module, printed as JSON (µs per call).
// Run by bench.mjs in a child process, once with Node's default flags and once with --no-liftoff.
import { readFile } from 'node:fs/promises';

const STEADY_MS = Number(process.env.BENCH_MS ?? 600);
const MIN_WARMUP_MS = Number(process.env.MIN_WARMUP_MS ?? 3000);
const MAX_WARMUP_MS = Number(process.env.MAX_WARMUP_MS ?? 10000);
const dist = new URL('../dist/', import.meta.url);
const root = new URL('../../', import.meta.url);
const cases = JSON.parse(await readFile(new URL('core/wire/testdata/handle_bench_inputs.json', root), 'utf8')).cases;
const xp = await import(new URL('xpreflight.mjs', dist).href);
await xp.init();

function timeFor(fn, ms) {
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < ms) {
    fn();
    n++;
    now = performance.now();
  }
  return ((now - start) * 1000) / n;
}

// V8 first runs wasm in its baseline tier (Liftoff) and optimises hot functions on background threads, so the
// time per call falls for a while: seconds on a loaded machine (measured: 5 ms → 0.4 ms per validateQuery after
// about 4 s at load average 12 on 2 cores). Warm up for at least minMs, then until two rounds agree within 10%.
function steady(fn, minMs) {
  const round = 250;
  let last = timeFor(fn, round);
  for (let spent = round; spent < MAX_WARMUP_MS; spent += round) {
    const next = timeFor(fn, round);
    const stable = Math.abs(next - last) <= 0.1 * last;
    last = next;
    if (stable && spent >= minMs) break;
  }
  return timeFor(fn, STEADY_MS);
}

const result = {};
for (const c of cases) {
  try {
    xp[c.op](c.input);
  } catch (e) {
    result[c.op] = { error: `${e.code}: ${e.message}` };
    continue;
  }
  const api = steady(() => xp[c.op](c.input), MIN_WARMUP_MS);
  // The JSON work the JS wrapper adds around the wasm call, measured alone.
  const resultText = JSON.stringify(xp[c.op](c.input));
  const jsJSON = steady(() => JSON.parse(`{"ok":true,"result":${resultText}}`) && JSON.stringify(c.input), 0);
  result[c.op] = { api, jsJSON };
}
console.log(JSON.stringify(result));
