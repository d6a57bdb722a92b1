// Time to interactive of the linter page in headless chromium: the time from
// navigation start until query linting works (the page sets
// window.xpreflightReadyMs = performance.now() once the query linter has run on
// the query in the link and shown its findings), and, reported beside it, until
// every panel works (window.xpreflightFullReadyMs, the full module). Every load
// carries a bad query (#q=cat AND dog) and counts only once its finding is in the
// list. Pages built before progressive loading have no query-only marks: their
// TTI is the full start.
//
// Three kinds of load, each run:
//   cold    a fresh profile (nothing cached), navigated right after chromium starts;
//   warm    a reload in that profile (the wasm and its compiled code cached);
//   settled a fresh profile again, navigated once chromium has finished starting
//           (WEB_BENCH_SETTLE_MS, default 3000). A freshly started headless chromium
//           spends about 2 s of CPU building its own omnibox popup (a WebUI renderer
//           loading some 260 chrome://resources files; seen in a Chromium trace),
//           which on this 2-core machine competes with whatever page it opens first.
//           This is the first visit of a user whose browser is already open.
//
// WEB_BENCH_DIST: one build of the page, or several separated by ':' (e.g. the page
// built from an earlier commit first), measured interleaved run by run so that
// they share the machine's load; the first one is the baseline of the ratios.
import { fileURLToPath } from 'node:url';
import { serve } from './serve.mjs';
import { launch } from './browser.mjs';

const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 5);
const SETTLE_MS = Number(process.env.WEB_BENCH_SETTLE_MS ?? 3000);
const DISTS = (process.env.WEB_BENCH_DIST ?? fileURLToPath(new URL('../dist', import.meta.url))).split(':').filter(Boolean);
const QUERY = 'cat AND dog';
const CODE = 'explicit-and'; // core/query/codes.go CodeExplicitAnd

// ready loads url and returns the page's own marks (ms since navigation start).
async function ready(page, url) {
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  const shown = await page.evaluate((code) => !!document.querySelector(`#diagnostics li[data-code="${code}"]`), CODE);
  if (!shown) throw new Error(`${url}: the page said it was ready but ${CODE} is not in #diagnostics`);
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
      // The longest main-thread task from the query panel being usable to every panel being usable: how long
      // typing could freeze meanwhile (long tasks are those over 50 ms; 0 if none).
      freeze: Math.max(0, ...window.xpreflightBenchLongTasks
        .filter(([start, duration]) => start + duration > window.xpreflightReadyMs && start < (window.xpreflightFullReadyMs ?? Infinity))
        .map(([, duration]) => duration)),
    };
  });
}

async function withBrowser(fn) {
  const b = await launch();
  try {
    const page = b.context.pages()[0] ?? (await b.context.newPage());
    await page.addInitScript(() => {
      window.xpreflightBenchLongTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.xpreflightBenchLongTasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto('about:blank');
    return await fn(page);
  } finally {
    await b.close();
  }
}

function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0], max: s[s.length - 1] };
}

const hash = `#q=${encodeURIComponent(QUERY)}`;
const results = [];
for (const dist of DISTS) results.push({ dist, server: await serve(dist), cold: [], warm: [], settled: [] });
try {
  for (let i = 0; i < RUNS; i++) {
    for (const r of results) {
      await withBrowser(async (page) => {
        r.cold.push(await ready(page, `${r.server.url}${hash}`));
        await page.goto('about:blank');
        r.warm.push(await ready(page, `${r.server.url}${hash}`));
      });
      await withBrowser(async (page) => {
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
        r.settled.push(await ready(page, `${r.server.url}${hash}`));
      });
    }
  }
} finally {
  for (const r of results) await r.server.close();
}

const fmt = (runs, key) => {
  const s = stats(runs.map((x) => x[key]));
  return `median ${Math.round(s.median)} ms (min ${Math.round(s.min)}, max ${Math.round(s.max)})`;
};
const part = (runs, key) => Math.round(stats(runs.map((r) => r[key])).median);
const base = results[0];
for (const r of results) {
  const label = DISTS.length > 1 ? `${r.dist}: ` : '';
  const c = stats(r.cold.map((x) => x.tti)).median;
  const s = stats(r.settled.map((x) => x.tti)).median;
  console.log(`web bench: ${label}time to interactive (query linting shown), n=${RUNS} each: cold ${fmt(r.cold, 'tti')}, ` +
    `warm ${fmt(r.warm, 'tti')}, settled cold ${fmt(r.settled, 'tti')}; budget 1000 ms: cold ${c <= 1000 ? 'met' : 'NOT met'}, settled cold ${s <= 1000 ? 'met' : 'NOT met'}`);
  console.log(`web bench: ${label}every panel usable (full module): cold ${fmt(r.cold, 'full')}, warm ${fmt(r.warm, 'full')}, settled cold ${fmt(r.settled, 'full')}`);
  console.log(`web bench: ${label}longest main-thread task between the two (typing frozen): cold ${fmt(r.cold, 'freeze')}, warm ${fmt(r.warm, 'freeze')}, settled cold ${fmt(r.settled, 'freeze')}`);
  for (const kind of ['cold', 'settled']) {
    const runs = r[kind];
    console.log(`web bench: ${label}${kind} medians: init({ module: 'query' }) called at ${part(runs, 'start')} ms, ` +
      `query-only init ${part(runs, 'queryInit')} ms, first lint and render ${part(runs, 'lint')} ms; ` +
      `full module ready ${part(runs, 'fullInit')} ms after the query-only one`);
  }
  if (r !== base) {
    const ratio = (kind) => (stats(r[kind].map((x) => x.tti)).median / stats(base[kind].map((x) => x.tti)).median).toFixed(2);
    console.log(`web bench: ${label}TTI ratio to ${base.dist}: cold ${ratio('cold')}, warm ${ratio('warm')}, settled cold ${ratio('settled')}`);
  }
}
