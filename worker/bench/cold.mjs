// Cold start: the CPU a fresh isolate spends on its first requests. Starts a
// new workerd ROUNDS times (each a fresh isolate and Go instance), waits until
// it listens and is idle, then sends requests one at a time and charges each
// the workerd CPU consumed while it was answered:
//   - process: every thread (utime+stime from /proc/<pid>/task/*/schedstat, ns);
//   - busiest thread: the largest single-thread delta, the thread that ran the
//     request (Cloudflare's CPU limit counts the request's own thread; V8's
//     background compiler threads are also in "process").
// Start-up (everything workerd did before the first request, module scope included) is reported too: it is
// bounded by Cloudflare's start-up limit (1 s), not by a request's CPU limit.
// Requests: the proxy's search call (forwarded to the stand-in for X), then
// the same again, then a wire validateQuery, then the first requests with a
// JSON body (POST /2/tweets, then POST /2/users/:id/likes): each compiles its
// operation's body schema on first use. --body-first sends POST /2/tweets
// first instead. --build DIR measures another build of the Worker (default
// worker/build). Prints medians over rounds.
//
//   node worker/bench/cold.mjs [--rounds N] [--body-first] [--build DIR] [--json]
import http from "node:http";
import { spawn } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { startWorkerd, root } from "../test/harness.mjs";

const { values: opt } = parseArgs({ options: { rounds: { type: "string", default: process.env.COLD_ROUNDS ?? "5" }, json: { type: "boolean" },
  "body-first": { type: "boolean" }, build: { type: "string" } } });
const ROUNDS = Number(opt.rounds);
const SEARCH = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";
// BENCH_ENCODING=gzip: the client accepts gzip and the stand-in sends gzip answers, as for bench.mjs.
const ENCODING = process.env.BENCH_ENCODING ?? "";
const encodingHeaders = ENCODING ? { "accept-encoding": ENCODING, "x-standin-encoding": ENCODING } : {};

// threadCpuNs maps each thread of pid to its CPU time so far (ns).
function threadCpuNs(pid) {
  const out = new Map();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      out.set(tid, Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]));
    } catch {
      // the thread ended between readdir and read
    }
  }
  return out;
}

function delta(before, after) {
  let total = 0;
  let busiest = 0;
  for (const [tid, ns] of after) {
    const d = ns - (before.get(tid) ?? 0);
    total += d;
    busiest = Math.max(busiest, d);
  }
  return { process: total / 1e6, thread: busiest / 1e6 };
}

function request(port, method, target, body) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: target, agent: false,
      headers: { authorization: "Bearer COLD", ...encodingHeaders, ...(body ? { "content-type": "application/json" } : {}) } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, preflight: res.headers["x-preflight"] }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function idle(pid) {
  // Wait until workerd has stopped doing start-up work in the background.
  let last = threadCpuNs(pid);
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = threadCpuNs(pid);
    if (delta(last, now).process < 1) return;
    last = now;
  }
}

const steps = [
  ["first request (proxy, search)", "GET", SEARCH],
  ["second request (same)", "GET", SEARCH],
  ["third: POST /v1/validateQuery", "POST", "/v1/validateQuery", JSON.stringify({ query: "from:XDevelopers -is:retweet" })],
  ["POST /2/tweets (JSON body)", "POST", "/2/tweets", JSON.stringify({ text: "cold start" })],
  ["POST /2/users/:id/likes (body)", "POST", "/2/users/2244994945/likes", JSON.stringify({ tweet_id: "1460323737035677698" })],
];
if (opt["body-first"]) steps.unshift(steps.splice(3, 1)[0]);

const standin = spawn(process.execPath, [path.join(root, "worker", "bench", "standin-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const standinPort = Number(await new Promise((resolve) => standin.stdout.once("data", (d) => resolve(String(d).trim()))));
const results = steps.map(() => []);
const startups = []; // CPU from process start until idle: workerd's own start plus the Worker's module scope
try {
  for (let round = 0; round < ROUNDS; round++) {
    const wd = await startWorkerd({ build: opt.build, env: { X_API_ORIGIN: `http://127.0.0.1:${standinPort}` } });
    try {
      await idle(wd.pid);
      startups.push(delta(new Map(), threadCpuNs(wd.pid)));
      for (const [i, [, method, target, body]] of steps.entries()) {
        const before = threadCpuNs(wd.pid);
        const { status, preflight } = await request(wd.port, method, target, body);
        // Every step is a valid request: forwarded to the stand-in (whatever it answers) or a wire answer.
        if (!["forwarded", "wire"].includes(preflight) || status >= 500) {
          throw new Error(`${method} ${target} answered ${status} (${preflight}):\n${wd.log().slice(-2000)}`);
        }
        results[i].push(delta(before, threadCpuNs(wd.pid)));
      }
    } finally {
      await wd.stop();
    }
  }
} finally {
  standin.kill("SIGTERM");
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const summary = steps.map(([name], i) => ({
  name,
  threadMs: median(results[i].map((r) => r.thread)),
  processMs: median(results[i].map((r) => r.process)),
  threadRangeMs: [Math.min(...results[i].map((r) => r.thread)), Math.max(...results[i].map((r) => r.thread))],
}));
const startup = { threadMs: median(startups.map((r) => r.thread)), processMs: median(startups.map((r) => r.process)) };
if (opt.json) {
  console.log(JSON.stringify({ rounds: ROUNDS, startup, steps: summary }));
} else {
  console.log(`cold start: ${ROUNDS} fresh workerd processes; CPU per request, median (min–max of the busiest thread)`);
  console.log(`  ${"start-up (workerd + module scope)".padEnd(32)} busiest thread ${startup.threadMs.toFixed(1).padStart(7)} ms ` +
    `${"".padEnd(15)}all threads ${startup.processMs.toFixed(1).padStart(7)} ms`);
  for (const s of summary) {
    console.log(`  ${s.name.padEnd(32)} busiest thread ${s.threadMs.toFixed(1).padStart(7)} ms ` +
      `(${s.threadRangeMs[0].toFixed(1)}–${s.threadRangeMs[1].toFixed(1)})   all threads ${s.processMs.toFixed(1).padStart(7)} ms`);
  }
  const free = summary[0].threadMs <= 10 ? "within" : "over";
  console.log(`  first request vs the Free plan's 10 ms CPU: ${free} (${summary[0].threadMs.toFixed(1)} ms)`);
}
