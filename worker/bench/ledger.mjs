// The rate-limit ledger's price: how many forwarded requests consult the Durable Object, and what that adds to
// their latency when the object is a round trip away. Local workerd has no such distance, so the benchmark
// config adds LEDGER_LATENCY_MS (default 25 ms; src/ratelimit.mjs) to every Durable Object call, and compares
// with the same Worker without it. Two traffic shapes against the stand-in for X (remaining 449 of 450):
//   busy  — 16 requests in flight, 16 credentials, BUSY_SECONDS (default 4) s;
//   quiet — one credential, one request every QUIET_GAP_MS (default 1500) ms, QUIET_REQUESTS (default 6) times.
// The fraction comes from the Worker's own log lines (field "ledger": asked | room | cached | none).
//
//   node worker/bench/ledger.mjs
import http from "node:http";
import { spawn } from "node:child_process";
import path from "node:path";
import { startWorkerd, root } from "../test/harness.mjs";

const LATENCY = Number(process.env.LEDGER_LATENCY_MS ?? 25);
const BUSY_MS = Number(process.env.BUSY_SECONDS ?? 4) * 1000;
const QUIET_GAP_MS = Number(process.env.QUIET_GAP_MS ?? 1500);
const QUIET_REQUESTS = Number(process.env.QUIET_REQUESTS ?? 6);
const TARGET = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";

function get(agent, port, credential) {
  const start = process.hrtime.bigint();
  return new Promise((resolve) => {
    const req = http.get({ host: "127.0.0.1", port, path: TARGET, agent, headers: { authorization: `Bearer ${credential}` } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - start) / 1e6 }));
    });
    req.on("error", () => resolve({ status: 0, ms: 0 }));
  });
}

async function busy(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  const out = [];
  const deadline = Date.now() + BUSY_MS;
  await Promise.all(Array.from({ length: 16 }, async (_, i) => {
    while (Date.now() < deadline) out.push(await get(agent, port, `LEDGER-BUSY-${i}`));
  }));
  agent.destroy();
  return out;
}

async function quiet(port) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const out = [];
  for (let i = 0; i < QUIET_REQUESTS; i++) {
    out.push(await get(agent, port, "LEDGER-QUIET"));
    await new Promise((r) => setTimeout(r, QUIET_GAP_MS));
  }
  agent.destroy();
  return out;
}

const q = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

function ledgerCounts(log) {
  const counts = {};
  for (const line of log.split("\n")) {
    if (!line.startsWith("{")) continue;
    const e = JSON.parse(line);
    if (e.event === "request" && e.outcome === "forwarded") counts[e.ledger] = (counts[e.ledger] ?? 0) + 1;
  }
  return counts;
}

const standin = spawn(process.execPath, [path.join(root, "worker", "bench", "standin-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const standinPort = Number(await new Promise((resolve) => standin.stdout.once("data", (d) => resolve(String(d).trim()))));
const results = {};
try {
  for (const latency of [0, LATENCY]) {
    for (const [shape, run] of [["busy", busy], ["quiet", quiet]]) {
      const wd = await startWorkerd({ ledgerLatencyMs: latency, env: { X_API_ORIGIN: `http://127.0.0.1:${standinPort}` } });
      try {
        await get(undefined, wd.port, "WARM-UP"); // start Go outside the measurement
        const rs = await run(wd.port);
        if (rs.some((r) => r.status !== 200)) throw new Error(`${shape}: non-200 answers ${JSON.stringify(rs.filter((r) => r.status !== 200).slice(0, 3))}`);
        const counts = ledgerCounts(wd.log());
        delete counts[undefined];
        const forwarded = Object.values(counts).reduce((a, b) => a + b, 0) - 1; // minus the warm-up
        counts.asked = (counts.asked ?? 0) - 1; // the warm-up asked (a new key)
        results[`${shape}@${latency}`] = { n: rs.length, p50: q(rs.map((r) => r.ms), 0.5), p99: q(rs.map((r) => r.ms), 0.99), asked: counts.asked / forwarded, counts };
      } finally {
        await wd.stop();
      }
    }
  }
} finally {
  standin.kill("SIGTERM");
}

console.log(`ledger: Durable Object calls delayed by ${LATENCY} ms vs not delayed (room trusted per worker/proxy/room.go)`);
for (const shape of ["busy", "quiet"]) {
  const a = results[`${shape}@0`];
  const b = results[`${shape}@${LATENCY}`];
  console.log(`  ${shape.padEnd(6)} ${String(b.n).padStart(6)} requests: consulted the ledger ${(100 * b.asked).toFixed(1)}% ` +
    `(${JSON.stringify(b.counts)}); p50 ${a.p50.toFixed(2)} → ${b.p50.toFixed(2)} ms (+${(b.p50 - a.p50).toFixed(2)}), ` +
    `p99 ${a.p99.toFixed(2)} → ${b.p99.toFixed(2)} ms (+${(b.p99 - a.p99).toFixed(2)})`);
}
