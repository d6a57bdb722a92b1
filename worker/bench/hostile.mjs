// Hostile-request corpus (issue 13) against the built Worker under local
// workerd: for each request, the workerd CPU per request (utime+stime from
// /proc/<pid>/stat over repeated sends, to beat the 10 ms tick), the answer's
// status and size, and workerd's resident memory after it (the Go instance's
// linear memory only grows, so RSS shows what a request left behind).
// Budget (DESIGN.md): every request ≤ 10 ms CPU and ≤ 64 KB of answer. For
// /2/ requests the same request through a plain JS passthrough Worker (same
// workerd, same stand-in) is measured too: what forwarding costs by itself
// (a 1 MB upload, a 55 KB URL) is I/O, not validation.
// Run by worker/bench.sh after the throughput benchmark; `node
// worker/bench/hostile.mjs` alone works too (ROOT names the checkout whose
// worker/build is served, so main's code can be measured the same way).
import http from "node:http";
import { spawn, execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { startWorkerd, root } from "../test/harness.mjs";

const TICKS = Number(execFileSync("getconf", ["CLK_TCK"]).toString().trim());
const MIN_CPU_MS = Number(process.env.HOSTILE_MIN_CPU_MS ?? 300); // repeat until this much CPU was spent…
const MAX_REPEATS = Number(process.env.HOSTILE_MAX_REPEATS ?? 40); // …or this many sends
const CPU_BUDGET_MS = 10;
const ANSWER_BUDGET = 64 << 10;

function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
}

function rssMB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Number(m[1]) / 1024 : NaN;
}

const json = (v) => JSON.stringify(v);
const post = (p, body, headers = {}) => ({ method: "POST", path: p, body, headers: { "content-type": "application/json", ...headers } });
const get = (p) => ({ method: "GET", path: p });
const groups = (n) => "(".repeat(n) + "cat" + ")".repeat(n);
const enc = encodeURIComponent;

// The corpus: every attack of issue 13's cost list, and the worst shapes for
// the stack, each with an ordinary call before it as the baseline.
const corpus = [
  ["ordinary search GET", get("/2/tweets/search/recent?query=" + enc("from:XDevelopers -is:retweet") + "&max_results=10")],
  ["2,000 nested groups, 4 KB GET", get("/2/tweets/search/recent?query=" + enc(groups(2000)))],
  ["7,000 unknown params, 55 KB GET", get("/2/tweets/search/recent?query=cat" + "&zz=1".repeat(7000))],
  ["1,024 unknown operators GET", get("/2/tweets/search/all?query=" + enc("a:b ".repeat(1024).trim()))],
  ["1 MB body of '['", post("/2/tweets", "[".repeat(1_000_000 - 16))],
  ["rules: 150 × 500 stray ')'", post("/2/tweets/search/stream/rules", json({ add: Array.from({ length: 150 }, () => ({ value: ") ".repeat(500) })) }))],
  ["/v1 validateQuery 1 MB", post("/v1/validateQuery", json({ query: "cat ".repeat(1 << 18) }))],
  ["/v1 validateQuery 2,000 groups", post("/v1/validateQuery", json({ query: groups(2000), tier: "enterprise" }))],
  ["/v1 validateQuery 4,096 × ') '", post("/v1/validateQuery", json({ query: ") ".repeat(2048), tier: "enterprise", endpoint: "search_all" }))],
  ["/v1 validateRequest 60,000 repeats", post("/v1/validateRequest", json({ method: "GET", url: "/2/tweets/search/recent?query=cat" + "&max_results=10".repeat(60000) }))],
  ["/v1 validateRequest 9,999-deep body", post("/v1/validateRequest", json({ method: "POST", url: "/2/tweets", headers: { "content-type": "application/json" }, body: "[".repeat(9999) + "]".repeat(9999) }))],
  ["/v1 parseResponse 2,000 errors", post("/v1/parseResponse", json({ status: 200, body: json({ data: [{ id: "1", text: "a" }], errors: Array.from({ length: 2000 }, (_, i) => ({ value: String(i), detail: "Could not find tweet with ids: [" + i + "].", title: "Not Found Error", resource_type: "tweet", parameter: "ids", resource_id: String(i), type: "https://api.twitter.com/2/problems/resource-not-found" })) }) }))],
  ["/v1 parseResponse 5,000-deep item", post("/v1/parseResponse", json({ status: 400, body: '{"errors":[' + '{"a":'.repeat(5000) + "1" + "}".repeat(5000) + "]}" }))],
  ["ordinary search GET (after)", get("/2/tweets/search/recent?query=" + enc("from:XDevelopers -is:retweet") + "&max_results=10")],
];

function send(port, req) {
  return new Promise((resolve) => {
    const r = http.request({ host: "127.0.0.1", port, method: req.method, path: req.path, headers: { authorization: "Bearer HOSTILE", ...req.headers } }, (res) => {
      let size = 0;
      res.on("data", (c) => (size += c.length));
      res.on("end", () => resolve({ status: res.statusCode, size, preflight: res.headers["x-preflight"] ?? "", validator: res.headers["x-preflight-validator"] ?? "" }));
    });
    r.on("error", (err) => resolve({ status: 0, size: 0, preflight: String(err.code ?? err), validator: "" }));
    if (req.body) r.end(req.body);
    else r.end();
  });
}

const standin = spawn(process.execPath, [path.join(root, "worker", "bench", "standin-server.mjs")], { stdio: ["ignore", "pipe", "inherit"] });
const standinPort = Number(await new Promise((resolve) => standin.stdout.once("data", (d) => resolve(String(d).trim()))));
let wd;
const over = [];
try {
  wd = await startWorkerd({ passthrough: true, env: { X_API_ORIGIN: `http://127.0.0.1:${standinPort}` } });
  await send(wd.port, corpus[0][1]); // start the Go instance
  console.log(`hostile corpus against ${path.join(root, "worker", "build")} (workerd pid ${wd.pid}); RSS at start ${rssMB(wd.pid).toFixed(1)} MB`);
  console.log("request".padEnd(38) + "status  x-preflight/validator      answer B   CPU ms/req  sends  RSS MB after  passthrough CPU ms/req");
  const measure = async (port, req) => {
    const cpu0 = cpuMs(wd.pid);
    let n = 0;
    let last;
    do {
      last = await send(port, req);
      n++;
    } while (cpuMs(wd.pid) - cpu0 < MIN_CPU_MS && n < MAX_REPEATS);
    return { last, n, perReq: (cpuMs(wd.pid) - cpu0) / n };
  };
  for (let i = 0; i < 50; i++) await send(wd.port, corpus[0][1]); // warm: V8 tiers the hot paths up
  for (let i = 0; i < 50; i++) await send(wd.passthroughPort, corpus[0][1]);
  for (const [name, req] of corpus) {
    const { last, n, perReq } = await measure(wd.port, req);
    const rss = rssMB(wd.pid);
    const base = req.path.startsWith("/2/") ? (await measure(wd.passthroughPort, req)).perReq.toFixed(2) : "";
    const flags = (perReq > CPU_BUDGET_MS ? " CPU" : "") + (last.size > ANSWER_BUDGET ? " SIZE" : "") + (last.status === 0 || last.status >= 500 ? " FAIL" : "");
    if (flags) over.push(name + flags);
    console.log(`${name.padEnd(38)}${String(last.status).padEnd(8)}${(last.preflight + "/" + last.validator).padEnd(27)}${String(last.size).padStart(9)}  ${perReq.toFixed(2).padStart(10)}  ${String(n).padStart(5)}  ${rss.toFixed(1).padStart(12)}  ${base.padStart(10)}${flags ? "   OVER:" + flags : ""}`);
  }
  console.log(`budget: ≤ ${CPU_BUDGET_MS} ms CPU and ≤ ${ANSWER_BUDGET} bytes per request; ${over.length ? "MISSED by: " + over.join("; ") : "met by every request"}`);
  console.log(`machine load average at the end: ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}`);
} finally {
  await wd?.stop();
  standin.kill("SIGTERM");
}

// The Go instance's linear memory never shrinks, and workerd's RSS mixes it with V8's heaps. So the /v1 inputs also
// go, one by one, through the same Go program the JS package ships (wasm/dist/xpreflight.wasm, called through
// bridge.mjs as xpreflight.mjs does), and the size of its WebAssembly memory is read after each.
await import(path.join(root, "wasm", "dist", "wasm_exec.js"));
const { connect } = await import(path.join(root, "wasm", "dist", "bridge.mjs"));
const wasmBytes = readFileSync(path.join(root, "wasm", "dist", "xpreflight.wasm"));
async function startGo() {
  const go = new globalThis.Go();
  const { instance } = await WebAssembly.instantiate(wasmBytes, go.importObject);
  const bridge = connect(go, instance);
  return { bridge, mem: () => instance.exports.mem.buffer.byteLength / (1 << 20) };
}
let g = await startGo();
console.log(`\nGo program of the JS package (${path.join(root, "wasm", "dist")}): WebAssembly memory at start ${g.mem().toFixed(1)} MB`);
for (const [name, req] of corpus) {
  if (!req.path.startsWith("/v1/")) continue;
  let outcome;
  try {
    const out = g.bridge.call("wire", [req.path.slice(4), req.body]);
    outcome = `${out.startsWith('{"ok":true') ? "ok" : out.slice(0, 60)}, ${out.length} B`;
  } catch (err) {
    outcome = `${err.name} ${err.code ?? ""}: ${String(err.message).slice(0, 70)}`;
  }
  console.log(`${name.padEnd(38)}${g.mem().toFixed(1).padStart(8)} MB after   ${outcome}`);
  if (!g.bridge.alive()) g = await startGo(); // the next input gets a live instance
}
