// Bounded load test on loopback: the validating proxy vs a plain JS
// passthrough Worker, both served by one workerd process and both forwarding
// to the same stand-in for X. Fixed concurrency, fixed duration per phase.
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
        const req = http.get({ host: "127.0.0.1", port, path: TARGET, agent, headers: { authorization: `Bearer BENCH-${i}` } }, (res) => {
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
  return `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   ` +
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

const standin = spawn(process.execPath, [path.join(root, "worker", "bench", "standin-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const standinPort = Number(await new Promise((resolve) => standin.stdout.once("data", (d) => resolve(String(d).trim()))));
let wd;
let ws; // the same Worker with CLASSIFY_SUCCESS_BODIES=false: 2xx bodies streamed unread, classed by status
try {
  wd = await startWorkerd({ passthrough: true, env: { X_API_ORIGIN: `http://127.0.0.1:${standinPort}` } });
  ws = await startWorkerd({ env: { X_API_ORIGIN: `http://127.0.0.1:${standinPort}`, CLASSIFY_SUCCESS_BODIES: "false" } });
  console.log(`workerd pid ${wd.pid}; stand-in for X on :${standinPort}; concurrency ${CONCURRENCY}; ` +
    `${ROUNDS} alternating rounds of ${ROUND_MS / 1000} s per Worker (${(ROUNDS * ROUND_MS) / 1000} s each) after ${WARMUP_MS / 1000} s warm-up each`);
  // Warm both (the first xpreflight request starts the Go instance; V8 then tiers the hot code up).
  await load(wd.passthroughPort, WARMUP_MS);
  await load(wd.port, WARMUP_MS);
  await load(ws.port, WARMUP_MS);
  // Alternate short rounds so a burst of load from elsewhere on the machine
  // hits both Workers alike; report totals and the median per-round ratio.
  const pass = [];
  const xp = [];
  const xs = [];
  for (let i = 0; i < ROUNDS; i++) {
    pass.push(await load(wd.passthroughPort, ROUND_MS, wd.pid));
    xp.push(await load(wd.port, ROUND_MS, wd.pid));
    xs.push(await load(ws.port, ROUND_MS, ws.pid));
  }
  const P = sum(pass);
  const X = sum(xp);
  const S = sum(xs);
  console.log(fmt("plain JS passthrough", P));
  console.log(fmt("xpreflight (validating)", X));
  console.log(fmt("xpreflight, 2xx unread", S));
  const ratio = median(xp.map((r, i) => (r.latencies.length / r.seconds) / (pass[i].latencies.length / pass[i].seconds)));
  const cpuX = median(xp.map((r) => r.cpu / r.latencies.length));
  const cpuP = median(pass.map((r) => r.cpu / r.latencies.length));
  // Budgets (DESIGN.md): ≥ 80% of the passthrough's req/s, ≤ 0.1 ms of CPU added per request.
  console.log(`throughput xpreflight/passthrough, median of ${ROUNDS} rounds: ${(ratio * 100).toFixed(0)}% (budget ≥ 80%: ${ratio >= 0.8 ? "met" : "MISSED"})`);
  console.log(`workerd CPU per request, median of rounds: xpreflight ${cpuX.toFixed(3)} ms, passthrough ${cpuP.toFixed(3)} ms, ` +
    `added by xpreflight ${(cpuX - cpuP).toFixed(3)} ms (budget ≤ 0.1 ms: ${cpuX - cpuP <= 0.1 ? "met" : "MISSED"})`);
  const ratioS = median(xs.map((r, i) => (r.latencies.length / r.seconds) / (pass[i].latencies.length / pass[i].seconds)));
  const cpuS = median(xs.map((r) => r.cpu / r.latencies.length));
  console.log(`with CLASSIFY_SUCCESS_BODIES=false (2xx bodies streamed unread, classed by status): ${(ratioS * 100).toFixed(0)}% ` +
    `of the passthrough's req/s, ${cpuS.toFixed(3)} ms CPU per request (added ${(cpuS - cpuP).toFixed(3)} ms)`);
  console.log(`machine load average at the end: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")} on ${os.cpus().length} CPUs`);
  if (X.non2xx || X.errors || P.non2xx || P.errors || S.non2xx || S.errors) {
    console.error("valid calls got non-2xx answers or errors:", JSON.stringify({ xpreflight: X.statuses, passthrough: P.statuses, unread: S.statuses }));
    console.error(wd.log().slice(-2000));
    process.exitCode = 1;
  }
} finally {
  await wd?.stop();
  await ws?.stop();
  standin.kill("SIGTERM");
}
