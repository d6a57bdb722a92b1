// Bounded load test on loopback: the validating proxy vs a plain JS
// passthrough Worker, both served by one workerd process and both forwarding
// to the same stand-in for X. Fixed concurrency, fixed duration per phase.
// Reports req/s, p50/p99 latency, non-2xx answers, and workerd CPU ms per
// request from /proc/<pid>/stat (utime+stime delta over the phase).
import http from "node:http";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startWorkerd, root } from "../test/harness.mjs";

const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 10) * 1000;
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
  latencies.sort((a, b) => a - b);
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))];
  return {
    requests: latencies.length, rps: latencies.length / seconds, p50: q(0.5), p99: q(0.99),
    non2xx, errors, statuses, cpuPerReq: cpu / latencies.length,
  };
}

function fmt(name, r) {
  return `${name.padEnd(22)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${r.p50.toFixed(2).padStart(6)} ms   p99 ${r.p99.toFixed(2).padStart(6)} ms   ` +
    `workerd CPU ${r.cpuPerReq.toFixed(3)} ms/req   non-2xx ${r.non2xx}   errors ${r.errors}   (${r.requests} requests)`;
}

const standin = spawn(process.execPath, [path.join(root, "worker", "bench", "standin-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const standinPort = Number(await new Promise((resolve) => standin.stdout.once("data", (d) => resolve(String(d).trim()))));
let wd;
try {
  wd = await startWorkerd({ passthrough: true, env: { X_API_ORIGIN: `http://127.0.0.1:${standinPort}` } });
  console.log(`workerd pid ${wd.pid}; stand-in for X on :${standinPort}; concurrency ${CONCURRENCY}; ${DURATION_MS / 1000} s per phase after ${WARMUP_MS / 1000} s warm-up`);
  // Warm both (the first xpreflight request starts the Go instance).
  await load(wd.passthroughPort, WARMUP_MS);
  await load(wd.port, WARMUP_MS);
  const pass = await load(wd.passthroughPort, DURATION_MS, wd.pid);
  const xp = await load(wd.port, DURATION_MS, wd.pid);
  console.log(fmt("plain JS passthrough", pass));
  console.log(fmt("xpreflight (validating)", xp));
  const ratio = xp.rps / pass.rps;
  console.log(`throughput ratio xpreflight/passthrough: ${(ratio * 100).toFixed(0)}% (budget ≥ 50%: ${ratio >= 0.5 ? "met" : "MISSED"})`);
  console.log(`xpreflight workerd CPU per request: ${xp.cpuPerReq.toFixed(3)} ms (budget ≤ 1 ms: ${xp.cpuPerReq <= 1 ? "met" : "MISSED"}); ` +
    `passthrough ${pass.cpuPerReq.toFixed(3)} ms`);
  if (xp.non2xx || xp.errors || pass.non2xx || pass.errors) {
    console.error("valid calls got non-2xx answers or errors:", JSON.stringify({ xpreflight: xp.statuses, passthrough: pass.statuses }));
    console.error(wd.log().slice(-2000));
    process.exitCode = 1;
  }
} finally {
  await wd?.stop();
  standin.kill("SIGTERM");
}
