// Time to interactive of the linter page in headless chromium: the time from
// navigation start until query linting works (the page sets
// window.xpreflightReadyMs = performance.now() once the checker has linted).
// Cold loads use a fresh profile each (nothing cached); warm loads reload in
// the same profile (the wasm comes from the HTTP cache).
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 5);
const DIST = fileURLToPath(new URL('../dist', import.meta.url));

// ready loads url and returns the page's own marks: when the checker's init
// started and ended, and when the first lint was done (all ms since navigation).
async function ready(page, url) {
  await page.goto('about:blank');
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  return page.evaluate(() => {
    const mark = (name) => performance.getEntriesByName(`xpreflight:${name}`)[0]?.startTime ?? NaN;
    return { tti: window.xpreflightReadyMs, start: mark('init-start'), init: mark('init-end') - mark('init-start'), lint: mark('first-lint') - mark('init-end') };
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
const part = (runs, key) => Math.round(stats(runs.map((r) => r[key])).median);
console.log(`web bench: time to interactive median ${c.median} ms cold (n=${RUNS}, min ${c.min}, max ${c.max}), ` +
  `median ${w.median} ms warm (min ${w.min}, max ${w.max}); budget 1000 ms ${c.median <= 1000 ? 'met' : 'NOT met'}`);
console.log(`web bench: cold load medians: modules loaded and init() called at ${part(cold, 'start')} ms, ` +
  `init() (fetch + compile + Go runtime start) ${part(cold, 'init')} ms, first lint and render ${part(cold, 'lint')} ms`);
