// Per-request CPU of this Worker (syumai/workers' stock shim: a Go runtime
// per request) against worker/'s Worker (one Go instance per isolate), both
// under local workerd in front of the same loopback stand-in for X, on the
// same request. CPU is workerd's utime+stime from /proc over the measured
// requests, divided by their number; every answer must be 200.
//
//   node worker/goworker/bench.mjs [goRequests=60] [workerRequests=600]
// Needs worker/goworker/build (build.sh) and worker/build (worker/build.sh).
import path from "node:path";
import { readFileSync } from "node:fs";
import { root, startWorkerd } from "../test/harness.mjs";
import { cpuSeconds, startGoWorker, startStandin } from "./test/harness.mjs";

const goN = Number(process.argv[2] ?? 60);
const workerN = Number(process.argv[3] ?? 600);
const body = readFileSync(path.join(root, "worker/test/fixtures/search-recent-200.json"), "utf8");
const target = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";

async function measure(name, port, pid, n, inFlight) {
  const one = async () => {
    const res = await fetch(`http://127.0.0.1:${port}${target}`, { headers: { authorization: "Bearer bench-token" } });
    const text = await res.text();
    if (res.status !== 200 || text !== body) throw new Error(`${name}: status ${res.status}`);
  };
  for (let i = 0; i < 5; i++) await one(); // warm-up
  const c0 = cpuSeconds(pid);
  const t0 = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: inFlight }, async () => {
    while (next++ < n) await one();
  }));
  const secs = (performance.now() - t0) / 1000;
  const cpuMs = ((cpuSeconds(pid) - c0) * 1000) / n;
  return { worker: name, inFlight, requests: n, reqPerSec: +(n / secs).toFixed(1), cpuMsPerRequest: +cpuMs.toFixed(2) };
}

const x = await startStandin(() => ({ status: 200, body, headers: { "x-rate-limit-remaining": "449" } }));
const rows = [];
try {
  const go = await startGoWorker({ origin: x.origin });
  try {
    rows.push(await measure("goworker (syumai/workers + xpreflight.Transport)", go.port, go.pid, goN, 1));
    rows.push(await measure("goworker (syumai/workers + xpreflight.Transport)", go.port, go.pid, goN, 4));
  } finally {
    await go.stop();
  }
  const w = await startWorkerd({ env: { X_API_ORIGIN: x.origin } });
  try {
    rows.push(await measure("worker/ (one Go instance per isolate)", w.port, w.pid, workerN, 1));
    rows.push(await measure("worker/ (one Go instance per isolate)", w.port, w.pid, workerN, 4));
  } finally {
    await w.stop();
  }
} finally {
  await x.stop();
}
for (const r of rows) console.log(JSON.stringify(r));
