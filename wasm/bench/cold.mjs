// wasm/bench.sh's cold-start half: init() and the first call of each op, cold, through the package entries
// (xpreflight and xpreflight/query) in Node (a fresh process per run) and in headless Chromium (a fresh profile
// per run: no HTTP or compiled-code cache), side by side. The query-only module is the baseline each full
// figure is set against; nothing here fails on a slow run. COLD_RUNS (default 5) sets the runs per cell.
import { readFile, mkdtemp, symlink, readdir, writeFile, rm } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const RUNS = Number(process.env.COLD_RUNS ?? 5);
const dist = new URL('../dist/', import.meta.url);
const root = new URL('../../', import.meta.url);
const allCases = JSON.parse(await readFile(new URL('core/wire/testdata/handle_bench_inputs.json', root), 'utf8')).cases;

const entries = {
  full: { file: 'index.mjs', cases: allCases },
  query: { file: 'query.mjs', cases: allCases.filter((c) => c.op === 'validateQuery' || c.op === 'fixQuery') },
};

// The measured script: import the entry, init(), then one call of each op; the same text runs in both places.
function script(specifier, cases) {
  return `
    const t0 = performance.now();
    const xp = await import(${JSON.stringify(specifier)});
    await xp.init();
    const init = performance.now() - t0;
    const first = {};
    for (const c of ${JSON.stringify(cases)}) {
      if (c.op in first) continue;
      const t = performance.now();
      try { xp[c.op](c.input); first[c.op] = performance.now() - t; } catch (e) { first[c.op] = null; }
    }
    const result = { init, first };`;
}

function nodeRun(kind) {
  const { file, cases } = entries[kind];
  const src = `${script(new URL(file, dist).href, cases)}\nconsole.log(JSON.stringify(result));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', src], { encoding: 'utf8' }));
}

async function chromiumRuns(kind) {
  const { launch } = await import(new URL('web/test/browser.mjs', root).href);
  const { serve } = await import(new URL('web/test/serve.mjs', root).href);
  const dir = await mkdtemp(path.join(tmpdir(), 'xpreflight-cold-'));
  try {
    for (const f of await readdir(dist)) await symlink(path.join(fileURLToPath(dist), f), path.join(dir, f));
    const { file, cases } = entries[kind];
    await writeFile(path.join(dir, 'bench.html'), `<!doctype html><meta charset="utf-8"><script type="module">${script(`./${file}`, cases)}\nwindow.__result = result;</script>`);
    const server = await serve(dir);
    const runs = [];
    try {
      for (let i = 0; i < RUNS; i++) {
        const browser = await launch();
        try {
          const page = await browser.context.newPage();
          await page.goto(new URL('bench.html', server.url).href);
          await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 60_000 });
          runs.push(await page.evaluate(() => window.__result));
        } finally {
          await browser.close();
        }
      }
    } finally {
      await server.close();
    }
    return runs;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms) => (ms === null || ms === undefined ? 'n/a' : ms < 10 ? ms.toFixed(2) : ms.toFixed(0));

const results = {};
for (const where of ['Node', 'Chromium']) {
  for (const kind of ['full', 'query']) {
    results[`${where} ${kind}`] = where === 'Node' ? Array.from({ length: RUNS }, () => nodeRun(kind)) : await chromiumRuns(kind);
  }
}

const out = [`cold start through the package entries, ${RUNS} runs each (median ms; min in brackets); the query-only module is the baseline`];
for (const where of ['Node', 'Chromium']) {
  const full = results[`${where} full`];
  const query = results[`${where} query`];
  const fi = median(full.map((r) => r.init));
  const qi = median(query.map((r) => r.init));
  out.push(`${where}: import + init()  full ${fmt(fi)} [${fmt(Math.min(...full.map((r) => r.init)))}]  query-only ${fmt(qi)} [${fmt(Math.min(...query.map((r) => r.init)))}]  full/query ${(fi / qi).toFixed(2)}x`);
  for (const op of Object.keys(full[0].first)) {
    const f = median(full.map((r) => r.first[op]).filter((x) => x !== null));
    const q = query[0].first[op] === undefined ? null : median(query.map((r) => r.first[op]).filter((x) => x !== null));
    out.push(`  first ${op.padEnd(16)} full ${fmt(f).padStart(7)}${q === null ? '' : `  query-only ${fmt(q).padStart(7)}`}`);
  }
}
console.log(out.join('\n'));
