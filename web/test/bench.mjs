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

async function ready(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  return page.evaluate(() => window.xpreflightReadyMs);
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
const c = stats(cold);
const w = stats(warm);
console.log(`web bench: time to interactive median ${c.median} ms cold (n=${RUNS}, min ${c.min}, max ${c.max}), ` +
  `median ${w.median} ms warm (min ${w.min}, max ${w.max}); budget 1000 ms ${c.median <= 1000 ? 'met' : 'NOT met'}`);
