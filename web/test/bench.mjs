// Time to interactive of the linter page in headless chromium: the time from
// navigation start until query linting works (the page sets
// window.xpreflightReadyMs = performance.now() once the query linter has run;
// with progressive loading that is on the query-only module), and, reported
// beside it, until every panel works (window.xpreflightFullReadyMs, the full
// module). Pages built before progressive loading have no query-only marks:
// their TTI is the full start and the query-only columns read NaN.
// Cold loads use a fresh profile each (nothing cached); warm loads reload in
// the same profile (the wasm comes from the HTTP cache).
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 5);
// WEB_BENCH_DIST: another build of the page, e.g. one from an earlier commit, to compare side by side.
const DIST = process.env.WEB_BENCH_DIST ?? fileURLToPath(new URL('../dist', import.meta.url));

// ready loads url and returns the page's own marks: when the checker's init
// started and ended, and when the first lint was done (all ms since navigation).
async function ready(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  // A page without the query-only module is fully ready when it is interactive.
  await page.waitForFunction(() => document.documentElement.dataset.fullReady === 'true' || !performance.getEntriesByName('xpreflight:query-init-end').length, null, { timeout: 30_000 });
  return page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(`xpreflight:${name}`)[0]?.startTime ?? NaN;
    return {
      tti: window.xpreflightReadyMs,
      full: window.xpreflightFullReadyMs ?? window.xpreflightReadyMs,
      start: mark('init-start'),
      queryInit: mark('query-init-end') - mark('init-start'),
      lint: mark('first-lint') - mark('query-init-end'),
      fullInit: mark('init-end') - mark('query-init-end'),
    };
  });
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

const server = await serve(DIST);
const cold = [];
const warm = [];
try {
  for (let i = 0; i < RUNS; i++) {
    const b = await launch();
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    cold.push(await ready(page, server.url));
    warm.push(await ready(page, `${server.url}#q=${encodeURIComponent('cat has:media')}`));
    await b.close();
  }
} finally {
  await server.close();
}
const c = stats(cold.map((r) => r.tti));
const w = stats(warm.map((r) => r.tti));
const cf = stats(cold.map((r) => r.full));
const wf = stats(warm.map((r) => r.full));
const part = (runs, key) => Math.round(stats(runs.map((r) => r[key])).median);
console.log(`web bench: time to interactive (query linting usable) median ${c.median} ms cold (n=${RUNS}, min ${c.min}, max ${c.max}), ` +
  `median ${w.median} ms warm (min ${w.min}, max ${w.max}); budget 1000 ms ${c.median <= 1000 ? 'met' : 'NOT met'}`);
console.log(`web bench: every panel usable (full module) median ${cf.median} ms cold (min ${cf.min}, max ${cf.max}), median ${wf.median} ms warm (min ${wf.min}, max ${wf.max})`);
console.log(`web bench: cold load medians: modules loaded and init({ module: 'query' }) called at ${part(cold, 'start')} ms, ` +
  `query-only init (fetch + compile + Go start) ${part(cold, 'queryInit')} ms, first lint and render ${part(cold, 'lint')} ms; ` +
  `full module ready ${part(cold, 'fullInit')} ms after the query-only one`);
