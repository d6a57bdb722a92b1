// One class for one answer, end to end: for every status fetch can carry and every body shape the stand-in has,
// the x-preflight-class the running Worker puts on X's answer equals the class POST /v1/parseResponse gives for the
// same status, headers and body. (worker/proxy/class_agreement_test.go proves the same of the Go functions; this
// proves the JS around them passes the status, headers and body through to Go as received.)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStandin, statusBodies } from "./standin.mjs";
import { startWorkerd } from "./harness.mjs";
import http from "node:http";

const KEY = "preflight-key-class-5d1e";
const SEARCH = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";
const CONCURRENCY = 16;

// The statuses fetch can carry: a Response holds 200–599 only (1xx are interim answers fetch never surfaces). The
// domain is computed, not typed, so it is the runtime's own rule.
const STATUSES = [];
for (let s = 100; s <= 599; s++) {
  try {
    new Response(null, { status: s });
    STATUSES.push(s);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
  }
}

let x;
let wd;
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

before(async () => {
  x = await startStandin({ record: false });
  wd = await startWorkerd({ env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: "SERVERTOKEN-class", PREFLIGHT_KEY: KEY } });
});

after(async () => {
  agent.destroy();
  await wd?.stop();
  await x?.close();
});

// pool runs fn over items, at most CONCURRENCY at a time.
async function pool(items, fn) {
  const out = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return out;
}

// throughWorker asks the Worker with node:http, not fetch: fetch turns a 407 into a network error (Fetch standard,
// HTTP-network-or-cache fetch), and the Worker's answer to a 407 from X is to be checked too.
async function throughWorker([status, shape]) {
  const res = await new Promise((resolve, reject) => {
    http.get(`http://127.0.0.1:${wd.port}${SEARCH}`, {
      agent,
      headers: { "x-preflight-key": KEY, "x-standin": "status", "x-standin-status": String(status), "x-standin-body": shape },
    }, resolve).on("error", reject);
  });
  const chunks = [];
  for await (const c of res) chunks.push(c);
  const headers = {};
  for (const [name, value] of Object.entries(res.headers)) if (!name.startsWith("x-preflight")) headers[name] = String(value);
  return {
    status, shape, got: res.statusCode, forwarded: res.headers["x-preflight"], class: res.headers["x-preflight-class"],
    headers, body: Buffer.concat(chunks).toString("utf8"),
  };
}

async function parseResponse(a) {
  const res = await fetch(`http://127.0.0.1:${wd.port}/v1/parseResponse`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ status: a.got, headers: a.headers, body: a.body, method: "GET", url: SEARCH }),
  });
  const out = await res.json();
  assert.ok(out.ok, `parseResponse(${a.status}, ${a.shape}): ${JSON.stringify(out.error)}`);
  return out.result.class;
}

test("the status domain is 200–599", () => {
  assert.equal(STATUSES.length, 400);
  assert.equal(STATUSES[0], 200);
  assert.equal(STATUSES.at(-1), 599);
});

test("x-preflight-class equals parseResponse's class for every status and body shape", async () => {
  const cases = [];
  for (const status of STATUSES) for (const shape of Object.keys(statusBodies)) cases.push([status, shape]);
  const answers = await pool(cases, async (c) => {
    const a = await throughWorker(c);
    return { ...a, parsed: await parseResponse(a) };
  });
  const wrong = [];
  const seen = new Set();
  for (const a of answers) {
    assert.equal(a.got, a.status, `status ${a.status} (${a.shape}) came back as ${a.got}`);
    assert.equal(a.forwarded, "forwarded", `status ${a.status} (${a.shape}): x-preflight ${a.forwarded}`);
    seen.add(a.class);
    if (a.class !== a.parsed) wrong.push(`${a.status} ${a.shape}: x-preflight-class ${a.class}, parseResponse ${a.parsed}`);
  }
  assert.deepEqual(wrong, []);
  // The table reaches every class the contract names (DESIGN.md, parseResponse), so none is left unproven.
  assert.deepEqual([...seen].sort(), ["conflict", "forbidden", "invalid-request", "not-found", "partial", "rate-limited",
    "server-error", "success", "unauthorized", "unknown", "usage-capped"]);
});
