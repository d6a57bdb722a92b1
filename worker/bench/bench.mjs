// Bounded load test on loopback: the validating proxy (as deployed, and with each setting that trades a feature
// for CPU: CLASSIFY_SUCCESS_BODIES=false, REQUEST_LOG=problems, both) vs a plain JS
// passthrough Worker, both served by one workerd process and both forwarding
// to the same stand-in for X. A third Worker, the marked baseline (passthrough.mjs with BASELINE=marked), forwards
// without validating but marks its answers and writes the log line: the floor under the budget's "added CPU". Fixed concurrency, fixed duration per phase.
// Reports req/s, p50/p99 latency, non-2xx answers, and workerd CPU ms per
// request from /proc/<pid>/stat (utime+stime delta over the phase).
import http from "node:http";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import os from "node:os";
import { startWorkerd, root } from "../test/harness.mjs";

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000; // per Worker
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const ROUND_MS = DURATION_MS / ROUNDS;
const WARMUP_MS = Number(process.env.BENCH_WARMUP_SECONDS ?? 2) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const TARGET = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";
// BENCH_ENCODING=gzip: every client accepts gzip and the stand-in sends its answers gzipped, as X does for most
// HTTP clients (test/standin.mjs, x-standin-encoding); unset: identity answers.
const ENCODING = process.env.BENCH_ENCODING ?? "";
const encodingHeaders = ENCODING ? { "accept-encoding": ENCODING, "x-standin-encoding": ENCODING } : {};
const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS; // utime, stime
}

async function load(port, ms, pid) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let non2xx = 0;
  let errors = 0;
  const statuses = {};
  const deadline = Date.now() + ms;
  const cpu0 = pid ? cpuMs(pid) : 0;
  const t0 = process.hrtime.bigint();
  async function worker(i) {
    while (Date.now() < deadline) {
      const start = process.hrtime.bigint();
      const status = await new Promise((resolve) => {
        const req = http.get({ host: "127.0.0.1", port, path: TARGET, agent, headers: { authorization: `Bearer BENCH-${i}`, ...encodingHeaders } }, (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode));
        });
        req.on("error", () => resolve(0));
      });
      latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 0) errors++;
      else if (status < 200 || status > 299) non2xx++;
    }
  }
  await Promise.all(Array.from({ length: CONCURRENCY }, (_, i) => worker(i)));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = pid ? cpuMs(pid) - cpu0 : 0;
  agent.destroy();
  return { latencies, seconds, cpu, non2xx, errors, statuses };
}

function fmt(name, r) {
  return `${name.padEnd(30)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   ` +
    `workerd CPU ${r.cpuPerReq.toFixed(3)} ms/req   non-2xx ${r.non2xx}   errors ${r.errors}   (${r.requests} requests)`;
}

function sum(rs) {
  const all = rs.flatMap((r) => r.latencies);
  all.sort((a, b) => a - b);
  const q = (p) => all[Math.min(all.length - 1, Math.floor(p * all.length))];
  const seconds = rs.reduce((t, r) => t + r.seconds, 0);
  const cpu = rs.reduce((t, r) => t + r.cpu, 0);
  const statuses = {};
  for (const r of rs) for (const [k, v] of Object.entries(r.statuses)) statuses[k] = (statuses[k] ?? 0) + v;
  return {
    requests: all.length, rps: all.length / seconds, p50: q(0.5), p99: q(0.99), cpuPerReq: cpu / all.length,
    non2xx: rs.reduce((t, r) => t + r.non2xx, 0), errors: rs.reduce((t, r) => t + r.errors, 0), statuses,
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// The Worker as deployed by default, then with each setting that trades a feature for CPU (README.md, "Deploy").
const VARIANTS = [
  ["xpreflight (validating)", {}],
  ["CLASSIFY_SUCCESS_BODIES=false", { CLASSIFY_SUCCESS_BODIES: "false" }], // 2xx bodies streamed unread, classed by status
  ["REQUEST_LOG=problems", { REQUEST_LOG: "problems" }], // no log line for a forwarded 2xx
  ["both", { CLASSIFY_SUCCESS_BODIES: "false", REQUEST_LOG: "problems" }],
];

const standin = spawn(process.execPath, [path.join(root, "worker", "bench", "standin-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const standinPort = Number(await new Promise((resolve) => standin.stdout.once("data", (d) => resolve(String(d).trim()))));
const origin = `http://127.0.0.1:${standinPort}`;
let wd; // the passthrough and the default Worker, in one workerd
const others = []; // each other variant in its own workerd
try {
  wd = await startWorkerd({ passthrough: true, env: { X_API_ORIGIN: origin } });
  for (const [, env] of VARIANTS.slice(1)) others.push(await startWorkerd({ env: { X_API_ORIGIN: origin, ...env } }));
  const marked = await startWorkerd({ passthrough: true, xpreflight: false, env: { X_API_ORIGIN: origin, BASELINE: "marked" } });
  others.push(marked);
  const targets = [{ port: wd.port, pid: wd.pid }, ...others.slice(0, -1).map((w) => ({ port: w.port, pid: w.pid })),
    { port: marked.passthroughPort, pid: marked.pid }];
  const names = [...VARIANTS.map(([name]) => name), "marked baseline (no validation)"];
  console.log(`stand-in for X on :${standinPort}; concurrency ${CONCURRENCY}; ` +
    `${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per Worker (${(ROUNDS * ROUND_MS) / 1000} s each) after ${WARMUP_MS / 1000} s warm-up each; ` +
    `answers ${ENCODING ? `in ${ENCODING}` : "uncompressed"}`);
  // Warm every Worker (the first xpreflight request starts the Go instance; V8 then tiers the hot code up).
  await load(wd.passthroughPort, WARMUP_MS);
  for (const t of targets) await load(t.port, WARMUP_MS);
  // Alternate short rounds so a burst of load from elsewhere on the machine hits every Worker alike; report
  // totals and the median per-round ratio against the passthrough's round just before.
  const pass = [];
  const runs = targets.map(() => []);
  for (let i = 0; i < ROUNDS; i++) {
    pass.push(await load(wd.passthroughPort, ROUND_MS, wd.pid));
    for (const [j, t] of targets.entries()) runs[j].push(await load(t.port, ROUND_MS, t.pid));
  }
  const P = sum(pass);
  console.log(fmt("plain JS passthrough", P));
  for (const [j, name] of names.entries()) console.log(fmt(name, sum(runs[j])));
  const cpuP = median(pass.map((r) => r.cpu / r.latencies.length));
  const figures = runs.map((rs) => ({
    ratio: median(rs.map((r, i) => (r.latencies.length / r.seconds) / (pass[i].latencies.length / pass[i].seconds))),
    cpu: median(rs.map((r) => r.cpu / r.latencies.length)),
  }));
  // Budgets (DESIGN.md): ≥ 80% of the passthrough's req/s, ≤ 0.1 ms of CPU added per request.
  const [X] = figures;
  console.log(`throughput xpreflight/passthrough, median of ${ROUNDS} rounds: ${(X.ratio * 100).toFixed(0)}% (budget ≥ 80%: ${X.ratio >= 0.8 ? "met" : "MISSED"})`);
  console.log(`workerd CPU per request, median of rounds: xpreflight ${X.cpu.toFixed(3)} ms, passthrough ${cpuP.toFixed(3)} ms, ` +
    `added by xpreflight ${(X.cpu - cpuP).toFixed(3)} ms (budget ≤ 0.1 ms: ${X.cpu - cpuP <= 0.1 ? "met" : "MISSED"})`);
  for (const [j, name] of names.entries()) {
    if (j === 0) continue;
    const f = figures[j];
    console.log(`${j < VARIANTS.length ? "with " : ""}${name}: ${(f.ratio * 100).toFixed(0)}% of the passthrough's req/s, ${f.cpu.toFixed(3)} ms CPU per request (added ${(f.cpu - cpuP).toFixed(3)} ms)`);
  }
  console.log(`machine load average at the end: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} on ${os.cpus().length} CPUs`);
  const bad = [P, ...runs.map(sum)].filter((r) => r.non2xx || r.errors);
  if (bad.length) {
    console.error("valid calls got non-2xx answers or errors:", JSON.stringify([P, ...runs.map(sum)].map((r) => r.statuses)));
    console.error(wd.log().slice(-2000));
    process.exitCode = 1;
  }
} finally {
  await wd?.stop();
  for (const w of others) await w.stop();
  standin.kill("SIGTERM");
}
