// wasm/bench.sh's Node half: cold start, first call and steady per-call time of every op through the published
// module, against the native BenchmarkHandle figures of the same inputs (core/wire/testdata/handle_bench_inputs.json).
// Usage: node wasm/bench/bench.mjs <core/wire test binary> (go test -c -o FILE ./core/wire)
// Native and wasm runs alternate in ROUNDS rounds (default 3), and each round's ratio divides that round's wasm
// time by that round's native time, so a change in the machine's load during the run moves both sides alike.
import { readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { gzipSync, constants } from 'node:zlib';

const RATIO_BUDGET = 4; // DESIGN.md: wasm in Node, per call, ≤ 4x native
const COLD_RUNS = Number(process.env.COLD_RUNS ?? 5);

const dist = new URL('../dist/', import.meta.url);
const root = new URL('../../', import.meta.url);
const cases = JSON.parse(await readFile(new URL('core/wire/testdata/handle_bench_inputs.json', root), 'utf8')).cases;

// --- native figures ------------------------------------------------------------------------------
// "BenchmarkHandle/op" is the -cpu 1 run (the baseline: wasm has one thread), "BenchmarkHandle/op-2" the -cpu 2 one.
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const wireTest = process.argv[2];
function nativeRun() {
  const out = execFileSync(wireTest, ['-test.run', '^$', '-test.bench', '^BenchmarkHandle$', '-test.cpu', '1,2', '-test.benchtime', process.env.BENCHTIME ?? '300ms'], {
    cwd: new URL('core/wire/', root).pathname,
    encoding: 'utf8',
  });
  const one = {};
  const two = {};
  for (const line of out.split('\n')) {
    const m = line.match(/^BenchmarkHandle\/(\w+?)(-\d+)?\s+\d+\s+([\d.]+) ns\/op/);
    if (m) (m[2] ? two : one)[m[1]] = Number(m[3]) / 1000;
  }
  return { one, two };
}

// --- cold start: a fresh process each time -------------------------------------------------------
const coldScript = `
  const t0 = performance.now();
  const xp = await import(${JSON.stringify(new URL('xpreflight.mjs', dist).href)});
  await xp.init();
  const init = performance.now() - t0;
  const cases = ${JSON.stringify(cases)};
  const first = {};
  for (const c of cases) {
    const t = performance.now();
    try { xp[c.op](c.input); first[c.op] = performance.now() - t; } catch (e) { first[c.op] = null; }
  }
  console.log(JSON.stringify({ init, first }));
`;
const colds = [];
for (let i = 0; i < COLD_RUNS; i++) {
  colds.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', coldScript], { encoding: 'utf8' })));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// --- steady state: per call, in child processes ---------------------------------------------------
function steadyRun(flags) {
  const args = [...flags, new URL('steady.mjs', import.meta.url).pathname];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }));
}
const rounds = [];
for (let i = 0; i < ROUNDS; i++) rounds.push({ native: nativeRun(), tiered: steadyRun([]) }); // default tiering: what users get
const optimized = steadyRun(['--no-liftoff']); // every function compiled by the optimising tier up front

const rows = cases.map((c) => {
  const t = rounds.map((r) => r.tiered[c.op]);
  if (t[0].error) return { op: c.op, name: c.name, note: t[0].error };
  const native = median(rounds.map((r) => r.native.one[c.op]));
  const ratios = rounds.map((r) => r.tiered[c.op].api / r.native.one[c.op]);
  return {
    op: c.op,
    name: c.name,
    api: median(t.map((x) => x.api)),
    jsJSON: median(t.map((x) => x.jsJSON)),
    optimized: optimized[c.op]?.api,
    native,
    native2: median(rounds.map((r) => r.native.two[c.op])),
    ratio: median(ratios),
    ratios,
  };
});

// --- report --------------------------------------------------------------------------------------
const fmt = (x, d = 1) => (x === undefined || x === null ? 'n/a' : x.toFixed(d));
const wasmBytes = await readFile(new URL('xpreflight.wasm', dist));
const gz = gzipSync(wasmBytes, { level: constants.Z_BEST_COMPRESSION }).length;
const budgetText = await readFile(new URL('wasm/size-budget.txt', root), 'utf8');
const budget = Number(budgetText.split('\n').filter((l) => !l.startsWith('#')).join('').trim());

const out = [];
out.push(`xpreflight wasm benchmark — Node ${process.version}, ${new Date().toISOString()}, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
out.push('');
out.push(`cold start (fresh process: import + init), ${COLD_RUNS} runs: median ${fmt(median(colds.map((c) => c.init)))} ms, min ${fmt(Math.min(...colds.map((c) => c.init)))} ms`);
out.push('first call after init (median ms; includes lazy setup such as schema compilation):');
for (const c of cases) {
  const firsts = colds.map((r) => r.first[c.op]).filter((x) => x !== null);
  out.push(`  ${c.op.padEnd(16)} ${firsts.length ? fmt(median(firsts)) : 'n/a (op failed)'}`);
}
out.push('');
out.push(`per call after warm-up, budget ≤ ${RATIO_BUDGET}x native. native = wire.Handle on 1 CPU (like wasm), native 2 CPU for`);
out.push("reference; API = the module's function, JSON work included; optimized = the same in a process started with");
out.push(`--no-liftoff, i.e. once V8 has optimised every function. Medians of ${ROUNDS} alternating native/wasm rounds; the ratio`);
out.push("is the median of the rounds' own ratios (each round's range in brackets):");
out.push('| op | input | native µs | native 2 CPU µs | wasm µs (API) | ratio | of which JS JSON µs | wasm µs optimized | ratio optimized | verdict |');
out.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of rows) {
  if (r.note) {
    out.push(`| ${r.op} | ${r.name} | | | | | | | | not measured: ${r.note} |`);
    continue;
  }
  const ratio = r.native ? r.ratio : undefined;
  const range = ratio === undefined ? '' : ` [${fmt(Math.min(...r.ratios), 2)}–${fmt(Math.max(...r.ratios), 2)}]`;
  const optRatio = r.native && r.optimized ? r.optimized / r.native : undefined;
  const verdict = ratio === undefined ? 'no native figure' : ratio <= RATIO_BUDGET ? 'within budget' : 'OVER BUDGET';
  out.push(`| ${r.op} | ${r.name} | ${fmt(r.native, 2)} | ${fmt(r.native2, 2)} | ${fmt(r.api, 2)} | ${fmt(ratio, 2)}x${range} | ${fmt(r.jsJSON, 2)} | ${fmt(r.optimized, 2)} | ${fmt(optRatio, 2)}x | ${verdict} |`);
}
out.push('');
out.push(`xpreflight.wasm: ${wasmBytes.length} bytes, ${gz} bytes gzip -9 (budget ${budget}: ${gz <= budget ? 'within' : 'OVER'})`);
console.log(out.join('\n'));
