// Operating the Worker: start-up configuration checks, the per-request log line, the counters (Analytics Engine
// stand-in) and GET /v1/health, under local workerd against the stand-in for X. Run by worker/test.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStandin, fixtures } from "./standin.mjs";
import { startWorkerd } from "./harness.mjs";

const TOKEN = "SERVERTOKEN-ops-5d1e";
const KEY = "preflight-key-ops-0b7f4c";
const SEARCH = "/2/tweets/search/recent?query=from%3ASECRETQUERYVALUE&max_results=10";
const BAD_SEARCH = "/2/tweets/search/recent?query=cats&max_results=5000";

let x;
before(async () => {
  x = await startStandin();
});
after(async () => {
  await x?.close();
});

const logLines = (wd) => wd.log().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));

// requestLines waits (up to 5 s) until workerd's output holds n request lines: a line is written after its answer
// is sent, so it can reach the pipe after the client has read the answer.
async function requestLines(wd, n) {
  for (let i = 0; i < 100; i++) {
    const lines = logLines(wd).filter((l) => l.event === "request");
    if (lines.length >= n) return lines;
    await new Promise((r) => setTimeout(r, 50));
  }
  return logLines(wd).filter((l) => l.event === "request");
}

async function get(port, target, headers = {}) {
  const r = await fetch(`http://127.0.0.1:${port}${target}`, { headers });
  return { status: r.status, headers: r.headers, text: await r.text() };
}

// Each bad setting: every /2/ and /v1/ request answers 500 naming it (never a secret's value), nothing reaches X,
// the problem is logged exactly once, and /v1/health says 503 configValid false.
const badSettings = [
  ["X_API_ORIGIN", { X_API_ORIGIN: "not a url" }, /X_API_ORIGIN "not a url": not a URL/],
  ["X_API_ORIGIN", { X_API_ORIGIN: "ftp://api.x.com" }, /X_API_ORIGIN "ftp:\/\/api\.x\.com": scheme "ftp"/],
  ["X_API_ORIGIN", { X_API_ORIGIN: "http://api.x.com" }, /plain http is allowed only for a loopback host/],
  ["UPSTREAM_TIMEOUT_MS", { UPSTREAM_TIMEOUT_MS: "abc" }, /UPSTREAM_TIMEOUT_MS "abc": not a whole number/],
  ["UPSTREAM_TIMEOUT_MS", { UPSTREAM_TIMEOUT_MS: "5" }, /UPSTREAM_TIMEOUT_MS "5": out of range/],
  ["ALLOWED_ORIGINS", { ALLOWED_ORIGINS: "*" }, /ALLOWED_ORIGINS entry 1 \("\*"\): a wildcard/],
  ["PREFLIGHT_KEY", { PREFLIGHT_KEY: "TOOSHORTKEY" }, /PREFLIGHT_KEY is 11 bytes; use at least 16/],
  ["PREFLIGHT_KEYS", { PREFLIGHT_KEYS: `${KEY},OLD KEY WITH SPACES` }, /PREFLIGHT_KEYS entry 2 contains a space/],
  ["PREFLIGHT_SIGNING_KEYS", { PREFLIGHT_SIGNING_KEYS: "TOOSHORTKEY" }, /PREFLIGHT_SIGNING_KEYS entry 1 is 11 bytes/],
  ["PUBLIC_READ_ORIGINS", { PUBLIC_READ_ORIGINS: "https://App.example" }, /PUBLIC_READ_ORIGINS entry 1 \("https:\/\/App\.example"\): has upper-case/],
  ["X_BEARER_TOKEN", { X_BEARER_TOKEN: `Bearer ${TOKEN}` }, /X_BEARER_TOKEN starts with "Bearer "/],
  ["X_API_TIER", { X_API_TIER: "gold" }, /X_API_TIER "gold" is not an access level/],
  ["CLASSIFY_SUCCESS_BODIES", { CLASSIFY_SUCCESS_BODIES: "yes" }, /CLASSIFY_SUCCESS_BODIES "yes": expected "true"/],
  ["REQUEST_LOG", { REQUEST_LOG: "errors" }, /REQUEST_LOG "errors": expected "all"/],
];

for (const [i, [setting, env, detail]] of badSettings.entries()) {
  test(`bad ${setting} (case ${i + 1}) → 500 naming it, logged once, health 503`, async () => {
    const secrets = [TOKEN, KEY, "TOOSHORTKEY", "OLD KEY WITH SPACES"];
    const wd = await startWorkerd({ env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, ...env } });
    try {
      const before = x.received.length;
      for (const target of [SEARCH, SEARCH, "/2/users/me"]) {
        const r = await get(wd.port, target, { "x-preflight-key": KEY });
        assert.equal(r.status, 500);
        assert.equal(r.headers.get("x-preflight"), "error");
        const p = JSON.parse(r.text);
        assert.equal(p.type, "about:blank");
        assert.match(p.detail, detail);
        for (const s of secrets) assert.ok(!r.text.includes(s), `the 500 shows a secret: ${r.text}`);
      }
      const w = await fetch(`http://127.0.0.1:${wd.port}/v1/validateQuery`, { method: "POST", body: '{"query":"a"}' });
      assert.equal(w.status, 500);
      assert.match((await w.json()).detail, detail);
      const h = await get(wd.port, "/v1/health");
      assert.equal(h.status, 503);
      const health = JSON.parse(h.text);
      assert.equal(health.configValid, false);
      assert.match(health.problem, detail);
      assert.equal(x.received.length, before, "a misconfigured Worker reached X");
      const configLines = logLines(wd).filter((l) => l.event === "config-error");
      assert.equal(configLines.length, 1, `config error logged ${configLines.length} times:\n${wd.log()}`);
      assert.match(configLines[0].problem, detail);
      for (const s of secrets) assert.ok(!wd.log().includes(s), "the log shows a secret");
    } finally {
      await wd.stop();
    }
  });
}

test("health: version, access level, valid configuration; no secret", async () => {
  const wd = await startWorkerd({ env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, PREFLIGHT_KEY: KEY, X_API_TIER: "enterprise" } });
  try {
    const r = await get(wd.port, "/v1/health");
    assert.equal(r.status, 200);
    assert.equal(r.headers.get("cache-control"), "no-store");
    const h = JSON.parse(r.text);
    assert.deepEqual(Object.keys(h).sort(), ["accessLevel", "configValid", "problem", "version"]);
    assert.equal(h.configValid, true);
    assert.equal(h.accessLevel, "enterprise");
    assert.equal(h.problem, null);
    assert.match(h.version, /^[0-9]+\.[0-9]+\.[0-9]+/);
    assert.ok(!r.text.includes(TOKEN) && !r.text.includes(KEY));
    assert.equal((await fetch(`http://127.0.0.1:${wd.port}/v1/health`, { method: "POST" })).status, 405);
  } finally {
    await wd.stop();
  }
});

test("one JSON log line per request and one data point, with no header, body, token, key or query value", async () => {
  const wd = await startWorkerd({ events: true, env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, PREFLIGHT_KEY: KEY } });
  try {
    const calls = [
      [SEARCH, { "x-preflight-key": KEY, "x-custom": "HEADERVALUE-9f" }, 200, "forwarded"],
      [SEARCH, { authorization: `Bearer CALLERTOKEN-77` }, 200, "forwarded"],
      [BAD_SEARCH + "&SECRETPARAM=SECRETVALUE2", { authorization: "Bearer CALLERTOKEN-77" }, 400, "rejected"],
      ["/2/tweets/1445880548472328192", { authorization: "Bearer CALLERTOKEN-77" }, 404, "forwarded"],
      ["/2/tweets/a%2Fb", {}, 400, "rejected"],
    ];
    for (const [target, headers, status] of calls) {
      const r = await get(wd.port, target, headers);
      if (status !== null) assert.equal(r.status, status, `${target}: ${r.text}`);
    }
    const w = await fetch(`http://127.0.0.1:${wd.port}/v1/validateQuery`, { method: "POST", body: '{"query":"BODYVALUE-33"}' });
    assert.equal(w.status, 200);
    await get(wd.port, "/v1/health");
    const lines = await requestLines(wd, calls.length + 2);
    assert.equal(lines.length, calls.length + 2, wd.log());
    const fields = ["cold", "class", "event", "ledger", "ledgerMs", "ms", "outcome", "route", "status", "upstreamMs", "validator", "version"];
    for (const l of lines) assert.deepEqual(Object.keys(l).sort(), fields.sort());
    assert.deepEqual(lines.map((l) => l.outcome), ["forwarded", "forwarded", "rejected", "forwarded", "rejected", "wire", "wire"]);
    // Go started at module scope (src/go.mjs), so no request paid for its start.
    assert.deepEqual(lines.map((l) => l.cold), [false, false, false, false, false, false, false]);
    assert.ok(!wd.log().includes("go-prestart-failed"), wd.log());
    const starts = logLines(wd).filter((l) => l.event === "isolate-start");
    assert.deepEqual(starts.map((l) => [Object.keys(l).sort(), l.goStarted, l.version === lines[0].version]),
      [[["event", "goStarted", "version"], true, true]], wd.log());
    assert.equal(lines[0].route, "GET /2/tweets/search/recent");
    assert.equal(lines[0].class, "success");
    assert.equal(lines[0].validator, "valid");
    assert.equal(lines[0].status, 200);
    assert.ok(["asked", "room", "cached"].includes(lines[0].ledger), lines[0].ledger);
    assert.equal(typeof lines[0].upstreamMs, "number");
    assert.equal(lines[2].validator, "invalid");
    assert.equal(lines[2].upstreamMs, null, "a rejected call has no upstream time");
    assert.match(lines[3].route, /^GET \/2\/tweets\/[:{]id}?$/);
    assert.equal(lines[4].route, "/2/ (no route)");
    assert.equal(lines[5].route, "POST /v1/validateQuery");
    assert.equal(lines[6].route, "GET /v1/health");
    const log = wd.log();
    for (const secret of [TOKEN, KEY, "CALLERTOKEN-77", "HEADERVALUE-9f", "SECRETQUERYVALUE", "SECRETPARAM", "SECRETVALUE2", "1445880548472328192", "BODYVALUE-33", "5000"]) {
      assert.ok(!log.includes(secret), `the log shows ${secret}`);
    }
    // Counters: one data point per logged request, in the layout README's SQL reads.
    const points = await (await fetch(`http://127.0.0.1:${wd.eventsPort}/`)).json();
    assert.equal(points.length, lines.length);
    assert.deepEqual(points[2].blobs.slice(0, 2), ["GET /2/tweets/search/recent", "rejected"]);
    assert.deepEqual(points[2].indexes, ["rejected"]);
    assert.equal(points[2].doubles[0], 400);
    assert.ok(!JSON.stringify(points).includes("SECRET"), "a data point shows request data");
  } finally {
    await wd.stop();
  }
});

test("a local 429 is logged as outcome local with the ledger consulted", async () => {
  const wd = await startWorkerd({ env: { X_API_ORIGIN: x.origin } });
  try {
    const h = { authorization: "Bearer OPS-RL", "x-standin": "429" };
    const first = await get(wd.port, "/2/tweets/search/recent?query=cats", h);
    assert.equal(first.status, 429);
    const second = await get(wd.port, "/2/tweets/search/recent?query=cats", { authorization: "Bearer OPS-RL" });
    assert.equal(second.status, 429);
    assert.equal(second.headers.get("x-preflight"), "local");
    const lines = await requestLines(wd, 2);
    assert.deepEqual(lines.map((l) => [l.outcome, l.status, l.class]), [["forwarded", 429, "rate-limited"], ["local", 429, "rate-limited"]]);
    assert.equal(lines[1].ledger, "cached");
  } finally {
    await wd.stop();
  }
});

// REQUEST_LOG=problems: forwarded 2xx answers and successful wire ops get no log line; everything else still does,
// and every request still counts in Analytics Engine.
test("REQUEST_LOG=problems logs only requests that did not end in a 2xx answer; the counters count all", async () => {
  const wd = await startWorkerd({ events: true, env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, REQUEST_LOG: "problems" } });
  try {
    const calls = [
      [SEARCH, { authorization: "Bearer OPS-L1" }, 200],
      [BAD_SEARCH, { authorization: "Bearer OPS-L1" }, 400], // refused by the validator
      ["/2/users/me", { authorization: "Bearer OPS-L1" }, 401], // X's own error
      [SEARCH, { authorization: "Bearer OPS-L1" }, 200],
    ];
    for (const [target, headers, status] of calls) assert.equal((await get(wd.port, target, headers)).status, status, target);
    const wire = await fetch(`http://127.0.0.1:${wd.port}/v1/validateQuery`, { method: "POST", body: '{"query":"cats"}' });
    assert.equal(wire.status, 200);
    await wire.text();
    const lines = await requestLines(wd, 2);
    await new Promise((r) => setTimeout(r, 300)); // a line written late for a 2xx would show up here
    assert.deepEqual(logLines(wd).filter((l) => l.event === "request").map((l) => [l.outcome, l.status]),
      [["rejected", 400], ["forwarded", 401]], wd.log());
    assert.equal(lines.length, 2);
    let points = [];
    for (let i = 0; i < 50 && points.length < 5; i++) {
      points = await (await fetch(`http://127.0.0.1:${wd.eventsPort}/`)).json();
      if (points.length < 5) await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(points.map((p) => p.blobs[1]), ["forwarded", "rejected", "forwarded", "forwarded", "wire"]);
  } finally {
    await wd.stop();
  }
});

// CLASSIFY_SUCCESS_BODIES=false: a 2xx body is piped through unread (classed by status), an error answer is still
// read and classed; bodies byte-identical either way.
test("CLASSIFY_SUCCESS_BODIES=false streams 2xx bodies unread; error answers are still classed", async () => {
  const partialTarget = "/2/tweets?ids=1341761249646956500";
  const classes = {};
  for (const setting of ["true", "false"]) {
    const wd = await startWorkerd({ env: { X_API_ORIGIN: x.origin, CLASSIFY_SUCCESS_BODIES: setting } });
    try {
      const r = await fetch(`http://127.0.0.1:${wd.port}${partialTarget}`, { headers: { authorization: "Bearer OPS-C" } });
      assert.equal(r.status, 200);
      assert.ok(Buffer.from(await r.arrayBuffer()).equals(fixtures.partial), "the body changed");
      const unauthorized = await get(wd.port, "/2/users/me", { authorization: "Bearer OPS-C" });
      assert.equal(unauthorized.status, 401);
      classes[setting] = [r.headers.get("x-preflight-class"), unauthorized.headers.get("x-preflight-class")];
    } finally {
      await wd.stop();
    }
  }
  assert.deepEqual(classes, { true: ["partial", "unauthorized"], false: ["success", "unauthorized"] });
});

// Cold start (worker/README.md, "Cold start"): whatever moved out of the first request, a fresh isolate's very
// first request with a JSON body is still checked against its schema — rejected before X sees it — and a valid
// one still forwarded byte-identical.
test("cold start: a fresh isolate's first request with a JSON body is schema-checked", async () => {
  const wd = await startWorkerd({ env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, PREFLIGHT_KEY: KEY } });
  try {
    const before = x.received.length;
    const post = (body) => fetch(`http://127.0.0.1:${wd.port}/2/tweets`, {
      method: "POST", body, headers: { authorization: "Bearer CALLER-COLD", "content-type": "application/json" },
    });
    const bad = await post('{"text":"cold","reply_settings":7}');
    const text = await bad.text();
    assert.equal(bad.status, 400, text);
    assert.equal(bad.headers.get("x-preflight"), "rejected");
    assert.deepEqual(JSON.parse(text).errors.map((e) => Object.keys(e.parameters ?? {})), [["#/reply_settings"]], text);
    assert.equal(x.received.length, before, "a body that fails its schema reached X");
    const good = '{"text":"cold start"}';
    const ok = await post(good);
    await ok.arrayBuffer();
    assert.equal(ok.headers.get("x-preflight"), "forwarded");
    assert.equal(x.received.length, before + 1);
    assert.equal(x.received.at(-1).body.toString("utf8"), good);
    const lines = logLines(wd).filter((l) => l.event === "request");
    assert.deepEqual(lines.map((l) => [l.cold, l.validator]), [[false, "invalid"], [false, "valid"]], wd.log());
  } finally {
    await wd.stop();
  }
});
