// End-to-end tests of the Worker under local workerd, against a stand-in for
// X on 127.0.0.1. Run by worker/test.sh (after worker/build.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import { startStandin, fixtures, CODINGS } from "./standin.mjs";
import { startWorkerd, rawRequest, freePort, startTrap } from "./harness.mjs";

const TOKEN = "SERVERTOKEN-e2e-7f3a";
const KEY = "preflight-key-e2e-91c2";
const APP = "https://app.example";

let x; // the stand-in for X
let evil; // a server nothing may ever reach
let wd; // workerd: wd.port (main isolate), wd.secondPort (a second Worker sharing the Durable Object)
let base;
const seen = []; // every response the tests received: the token must never appear in one

before(async () => {
  x = await startStandin();
  evil = await startTrap();
  wd = await startWorkerd({
    second: true,
    env: {
      X_API_ORIGIN: x.origin, ALLOWED_ORIGINS: `${APP}, http://localhost:5173`, X_BEARER_TOKEN: TOKEN,
      PREFLIGHT_KEY: KEY, UPSTREAM_TIMEOUT_MS: "1500",
    },
  });
  base = `http://127.0.0.1:${wd.port}`;
});

after(async () => {
  x.streams.release?.();
  await wd?.stop();
  await x?.close();
  await evil?.close();
  for (const r of seen) {
    assert.ok(!r.includes(TOKEN) && !r.includes(KEY), "a response echoed the server token or the preflight key");
  }
});

async function call(path, init = {}, port = wd.port) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual", ...init });
  const body = Buffer.from(await res.arrayBuffer());
  seen.push(JSON.stringify([...res.headers]) + body.toString("latin1"));
  return { status: res.status, headers: res.headers, body, text: body.toString("utf8") };
}

function lastReceived() {
  return x.received[x.received.length - 1];
}

const SEARCH = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";

test("GET / serves the linter page (or the placeholder that says it is not built)", async () => {
  const r = await call("/");
  assert.equal(r.status, 200);
  assert.match(r.headers.get("content-type"), /^text\/html/);
  assert.match(r.text, /xpreflight/);
  assert.equal((await call("/no-such-asset.js")).status, 404);
  assert.equal((await call("/..%2f..%2fetc/passwd")).status, 404);
});

test("POST /v1/<op> speaks the wire contract; bad bodies get JSON errors", async () => {
  const ok = await call("/v1/validateQuery", { method: "POST", body: '{"query":"from:XDevelopers"}' });
  assert.equal(ok.status, 200);
  assert.equal(JSON.parse(ok.text).ok, true);
  assert.equal(JSON.parse(ok.text).result.valid, true);

  const bad = await call("/v1/validateQuery", { method: "POST", body: "{not json" });
  assert.equal(bad.status, 400);
  assert.equal(JSON.parse(bad.text).error.code, "bad-input");
  assert.match(JSON.parse(bad.text).error.message, /malformed JSON/);

  const unknown = await call("/v1/frobnicate", { method: "POST", body: "{}" });
  assert.equal(unknown.status, 404);
  assert.equal(JSON.parse(unknown.text).error.code, "unknown-op");

  const get = await call("/v1/validateQuery");
  assert.equal(get.status, 405);
  assert.equal(get.headers.get("allow"), "POST, OPTIONS");
  assert.equal(JSON.parse(get.text).ok, false);
  assert.equal(x.received.length, 0, "the wire routes never call X");
});

test("forwarding: status, body byte-identical, X's headers passed through, annotations added", async () => {
  const before = x.received.length;
  const r = await call(SEARCH, { headers: { authorization: "Bearer CALLER-1", "x-custom": "kept", "accept-language": "ja" } });
  assert.equal(r.status, 200);
  assert.ok(r.body.equals(fixtures.search), "body differs from X's bytes");
  assert.equal(r.headers.get("x-preflight"), "forwarded");
  assert.equal(r.headers.get("x-preflight-class"), "success");
  assert.equal(r.headers.get("x-preflight-retry-after-ms"), null);
  assert.equal(r.headers.get("x-transaction-id"), "a1b2c3d4e5");
  assert.equal(r.headers.get("x-rate-limit-remaining"), "449");
  assert.equal(r.headers.get("api-version"), "2.167");
  assert.deepEqual(r.headers.getSetCookie(), ["guest_id=v1%3A1; Path=/", "lang=en; Path=/"]);

  assert.equal(x.received.length, before + 1);
  const got = lastReceived();
  assert.equal(got.method, "GET");
  assert.equal(got.url, SEARCH, "the path and query arrive exactly as sent");
  assert.equal(got.headers.authorization, "Bearer CALLER-1");
  assert.equal(got.headers["x-custom"], "kept");
  assert.equal(got.headers["accept-language"], "ja");
});

test("forwarding: hop-by-hop headers, including ones Connection names, are dropped", async () => {
  const r = await rawRequest(wd.port, `GET ${SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer CALLER-2\r\n` +
    "Connection: close, x-hop\r\nX-Hop: secret-hop\r\nKeep-Alive: timeout=5\r\nTE: trailers\r\nProxy-Authorization: Basic Zm9v\r\n" +
    "X-End-To-End: yes\r\n\r\n");
  assert.equal(r.status, 200);
  const got = lastReceived();
  assert.equal(got.headers["x-end-to-end"], "yes");
  for (const h of ["x-hop", "keep-alive", "te", "proxy-authorization"]) assert.equal(got.headers[h], undefined, h);
});

test("forwarding: POST bodies arrive byte-identical; the answer's status is kept", async () => {
  const body = JSON.stringify({ text: "Hello world! 😰 — ünïcödé" });
  const r = await call("/2/tweets", {
    method: "POST", body, headers: { authorization: "Bearer USER-CTX", "content-type": "application/json" },
  });
  assert.equal(r.status, 201);
  assert.equal(r.headers.get("x-preflight"), "forwarded");
  const got = lastReceived();
  assert.equal(got.method, "POST");
  assert.ok(got.body.equals(Buffer.from(body)), "request body altered");
  assert.equal(got.headers["content-type"], "application/json");
});

test("annotations: partial errors, 401 and 5xx (with retry advice) are classified; bodies untouched", async () => {
  const partial = await call("/2/tweets?ids=1341761249646956500", { headers: { authorization: "Bearer CALLER-3" } });
  assert.equal(partial.status, 200);
  assert.ok(partial.body.equals(fixtures.partial));
  assert.ok(["partial", "success"].includes(partial.headers.get("x-preflight-class")));

  const unauth = await call("/2/users/me", { headers: { authorization: "Bearer BAD" } });
  assert.equal(unauth.status, 401);
  assert.ok(unauth.body.equals(fixtures.unauthorized));
  assert.equal(unauth.headers.get("x-preflight-class"), "unauthorized");

  const empty = await call(SEARCH, { headers: { authorization: "Bearer CALLER-3", "x-standin": "204" } });
  assert.equal(empty.status, 204);
  assert.equal(empty.body.length, 0);
  assert.equal(empty.headers.get("x-preflight-class"), "success");
  assert.equal(empty.headers.get("x-rate-limit-remaining"), "42");

  const down = await call(SEARCH, { headers: { authorization: "Bearer CALLER-3", "x-standin": "503" } });
  assert.equal(down.status, 503);
  assert.equal(down.headers.get("x-preflight-class"), "server-error");
  const advised = Number(down.headers.get("x-preflight-retry-after-ms"));
  assert.ok(Number.isInteger(advised) && advised > 0, `a 503 on a GET gets retry advice, got ${down.headers.get("x-preflight-retry-after-ms")}`);
});

// rawGet is a GET whose answer body is kept as it came (fetch would decode a content coding).
function rawGet(path, headers) {
  return new Promise((resolve, reject) => {
    http.get({ host: "127.0.0.1", port: wd.port, path, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks);
        seen.push(JSON.stringify(res.headers) + body.toString("latin1"));
        resolve({ status: res.statusCode, headers: res.headers, body });
      });
    }).on("error", reject);
  });
}

test("compressed answers reach the caller byte for byte as X sent them, classed by their decoded bytes", async () => {
  const PARTIAL = "/2/tweets?ids=1341761249646956500";
  const plain = await call(PARTIAL, { headers: { authorization: "Bearer CALLER-4" } });
  const partialClass = plain.headers.get("x-preflight-class");
  assert.equal(partialClass, "partial", "the recorded partial-error body is classed partial");
  const rows = [
    // coding, path, X's body, the class: decoded where the Worker can, else by status (a 200: success)
    ["gzip", SEARCH, fixtures.search, "success"],
    ["gzip", PARTIAL, fixtures.partial, "partial"],
    ["deflate", PARTIAL, fixtures.partial, "partial"],
    ["gzip-identity", PARTIAL, fixtures.partial, "partial"], // "gzip, identity": one coding, decoded
    ["br", PARTIAL, fixtures.partial, "success"], // no brotli decoder here: classed by status
    ["corrupt", PARTIAL, fixtures.partial, "success"], // not valid gzip
    ["bomb", SEARCH, null, "success"], // 6 MB once decoded: past the 1 MB read for the class
  ];
  for (const [coding, path, body, cls] of rows) {
    const r = await rawGet(path, { authorization: "Bearer CALLER-4", "accept-encoding": "gzip, deflate, br", "x-standin-encoding": coding });
    const sent = CODINGS[coding].encode(body);
    assert.equal(r.status, 200, coding);
    assert.equal(r.headers["content-encoding"], CODINGS[coding].header, coding);
    assert.ok(r.body.equals(sent), `${coding}: the caller got ${r.body.length} bytes, not the ${sent.length} X sent`);
    assert.equal(r.headers["x-preflight-class"], cls, `${coding} ${path}`);
  }
});

// Every kind of stream the route table marks (core/params' Stream flag), the firehose among them.
const STREAMS = [
  { path: "/2/tweets/search/stream", headers: {} },
  { path: "/2/tweets/sample/stream", headers: {} },
  { path: "/2/tweets/firehose/stream/lang/en?partition=1", headers: { "x-preflight-tier": "enterprise" } },
];
for (const s of STREAMS) {
  test(`streams are passed through as they arrive, not buffered: ${s.path}`, async () => {
    const ended = x.streams.ended;
    const res = await fetch(`${base}${s.path}`, { headers: { "x-preflight-key": KEY, ...s.headers } });
    assert.equal(res.status, 200, `x-preflight-validator: ${res.headers.get("x-preflight-validator")}`);
    assert.equal(res.headers.get("x-preflight"), "forwarded");
    assert.equal(lastReceived().url, s.path);
    const reader = res.body.getReader();
    const { value } = await reader.read();
    assert.equal(x.streams.ended, ended, "the first line arrived only after X ended the stream");
    assert.ok(Buffer.from(value).equals(fixtures.streamLine));
    x.streams.release();
    let rest = "";
    for (;;) {
      const { done, value: v } = await reader.read();
      if (done) break;
      rest += Buffer.from(v).toString();
    }
    assert.equal(rest, "\r\n");
    assert.equal(lastReceived().headers.authorization, `Bearer ${TOKEN}`);
  });
}

test("stream error answers are read and classified like any other", async () => {
  const r = await call("/2/tweets/search/stream", { headers: { authorization: "Bearer STREAM-429", "x-standin": "429" } });
  assert.equal(r.status, 429);
  assert.ok(r.body.equals(fixtures.rateLimited));
  assert.equal(r.headers.get("x-preflight"), "forwarded");
  assert.equal(r.headers.get("x-preflight-class"), "rate-limited");
  assert.ok(Number(r.headers.get("x-preflight-retry-after-ms")) > 0);
});

test("rejection: X's invalid-request problem, x-preflight: rejected, no upstream call", async () => {
  const before = x.received.length;
  const r = await call("/2/tweets/search/recent?query=cats&max_results=5", { headers: { authorization: "Bearer CALLER-4" } });
  assert.equal(r.status, 400, `validator verdict: ${r.headers.get("x-preflight-validator")}`);
  assert.equal(r.headers.get("x-preflight"), "rejected");
  const p = JSON.parse(r.text);
  assert.equal(p.type, "https://api.x.com/2/problems/invalid-request");
  assert.equal(p.title, "Invalid Request");
  assert.deepEqual(p.errors[0].parameters.max_results, ["5"]);
  // The repair rides along in an extension field, as edits of the URL sent.
  const [fix] = p.xpreflight_fixes;
  assert.equal(fix.code, "out-of-range");
  assert.equal(fix.safe, false);
  const url = "/2/tweets/search/recent?query=cats&max_results=5";
  const e = fix.edits[0];
  assert.equal(url.slice(0, e.span.start) + e.newText + url.slice(e.span.end), "/2/tweets/search/recent?query=cats&max_results=10");
  assert.equal(x.received.length, before, "a rejected request reached X");
});

test("path traversal and host smuggling never reach any upstream", async () => {
  const before = x.received.length;
  const evilHost = evil.host;
  const attempts = [
    "/2/tweets/../../admin", "/2/tweets/%2e%2e/%2e%2e/admin", "/2/tweets/%2E%2E/x", "/2/tweets/.%2e/x",
    "/2/tweets/..%2fadmin", "/2/tweets/%2f%2fevil", "/2//" + evilHost + "/x", "/2/tweets\\..\\admin",
    "/2/tweets/%5c..%5cadmin", "/2/tweets/%252e%252e/x", "/2/a%09b", "/2/./tweets", `//${evilHost}/2/tweets`,
  ];
  for (const target of attempts) {
    const r = await rawRequest(wd.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    assert.ok(r.status === 400 || r.status === 404, `${target} → ${r.status}`);
    if (target.startsWith("/2/")) {
      assert.equal(r.headers["x-preflight"], "rejected", target);
      assert.equal(JSON.parse(r.body).type, "about:blank", target);
    }
  }
  // Absolute-form targets and Host headers name the evil server: the Worker still only talks to X_API_ORIGIN.
  const abs = await rawRequest(wd.port, `GET http://${evilHost}${SEARCH} HTTP/1.1\r\nHost: ${evilHost}\r\nAuthorization: Bearer CALLER-5\r\nConnection: close\r\n\r\n`);
  assert.equal(abs.status, 200);
  const hostOnly = await rawRequest(wd.port, `GET ${SEARCH} HTTP/1.1\r\nHost: ${evilHost}\r\nX-Forwarded-Host: ${evilHost}\r\nAuthorization: Bearer CALLER-5\r\nConnection: close\r\n\r\n`);
  assert.equal(hostOnly.status, 200);
  assert.deepEqual(evil.hits, [], "a request reached a host other than X_API_ORIGIN");
  assert.equal(x.received.length, before + 2, "only the two well-formed requests reached X");
  for (const got of x.received.slice(before)) assert.equal(got.url, SEARCH);
});

test("token rules: the server token only for the right key, never for an Origin alone; callers' own credentials win", async () => {
  const cases = [
    { name: "allowed origin alone", headers: { origin: APP }, want: undefined, auth: "none", cors: APP },
    { name: "second allowed origin alone", headers: { origin: "http://localhost:5173" }, want: undefined, auth: "none", cors: "http://localhost:5173" },
    { name: "right key", headers: { "x-preflight-key": KEY }, want: `Bearer ${TOKEN}`, auth: "server" },
    { name: "right key from an allowed origin", headers: { origin: APP, "x-preflight-key": KEY }, want: `Bearer ${TOKEN}`, auth: "server", cors: APP },
    { name: "other origin", headers: { origin: "https://evil.example" }, want: undefined, auth: "none" },
    { name: "origin look-alike", headers: { origin: APP + ".evil.example" }, want: undefined, auth: "none" },
    { name: "nothing", headers: {}, want: undefined, auth: "none" },
    { name: "own credential", headers: { origin: APP, authorization: "Bearer MINE" }, want: "Bearer MINE", auth: "caller", cors: APP },
  ];
  for (const c of cases) {
    const r = await call(SEARCH, { headers: c.headers });
    assert.equal(r.status, 200, c.name);
    assert.equal(r.headers.get("x-preflight-auth"), c.auth, c.name);
    const got = lastReceived();
    assert.equal(got.headers.authorization, c.want, c.name);
    assert.equal(got.headers["x-preflight-key"], undefined, `${c.name}: the key travelled upstream`);
    assert.equal(r.headers.get("access-control-allow-origin"), c.cors ?? null, `${c.name}: CORS`);
  }
  // A wrong key is answered locally: X never sees the call.
  const before = x.received.length;
  for (const key of [KEY + "x", KEY.slice(0, 8)]) {
    const r = await call(SEARCH, { headers: { "x-preflight-key": key } });
    assert.equal(r.status, 401);
    assert.equal(r.headers.get("x-preflight"), "rejected");
  }
  assert.equal(x.received.length, before);
});

test("CORS preflight is answered for allowed origins only", async () => {
  const ok = await call(SEARCH, { method: "OPTIONS", headers: { origin: APP, "access-control-request-method": "GET", "access-control-request-headers": "authorization" } });
  assert.equal(ok.status, 204);
  assert.equal(ok.headers.get("access-control-allow-origin"), APP);
  assert.match(ok.headers.get("access-control-allow-methods"), /GET/);
  const no = await call(SEARCH, { method: "OPTIONS", headers: { origin: "https://evil.example", "access-control-request-method": "GET" } });
  assert.equal(no.headers.get("access-control-allow-origin"), null);
  assert.equal(no.headers.get("access-control-allow-methods"), null);
});

test("request bodies over 1 MB are refused with 413 before X sees them", async () => {
  const before = x.received.length;
  const big = "x".repeat((1 << 20) + 1);
  const declared = await call("/2/tweets", { method: "POST", body: big, headers: { authorization: "Bearer U", "content-type": "application/json" } });
  assert.equal(declared.status, 413);
  assert.equal(JSON.parse(declared.text).status, 413);
  const chunked = await call("/2/tweets", {
    method: "POST", duplex: "half", headers: { authorization: "Bearer U", "content-type": "application/json" },
    body: new ReadableStream({
      start(c) {
        for (let i = 0; i < 17; i++) c.enqueue(new TextEncoder().encode("y".repeat(65536)));
        c.close();
      },
    }),
  });
  assert.equal(chunked.status, 413);
  const atLimit = await call("/2/tweets", { method: "POST", body: "z".repeat(1 << 20), headers: { authorization: "Bearer U", "content-type": "application/json" } });
  assert.notEqual(atLimit.status, 413, "exactly 1 MB is allowed");
  assert.ok(x.received.length <= before + 1);
  assert.ok(x.received.slice(before).every((g) => g.body.length <= 1 << 20));
});

test("rate limit: after X says remaining 0, calls are answered 429 locally — in every isolate — until reset", async () => {
  const cred = { authorization: "Bearer RATE-LIMITED-CALLER" };
  const first = await call(SEARCH, { headers: { ...cred, "x-standin": "exhausted" } });
  assert.equal(first.status, 200);
  assert.equal(first.headers.get("x-rate-limit-remaining"), "0");
  const before = x.received.length;

  for (const port of [wd.port, wd.secondPort]) {
    const r = await call(SEARCH, { headers: cred }, port);
    assert.equal(r.status, 429, `port ${port}`);
    assert.equal(r.headers.get("x-preflight"), "local");
    assert.equal(r.headers.get("x-preflight-class"), "rate-limited");
    assert.equal(r.headers.get("x-rate-limit-remaining"), "0");
    assert.equal(r.headers.get("x-rate-limit-limit"), "450");
    assert.equal(r.headers.get("x-rate-limit-reset"), first.headers.get("x-rate-limit-reset"));
    const wait = Number(r.headers.get("x-preflight-retry-after-ms"));
    assert.ok(wait > 0 && wait <= 120000, `retry-after-ms ${wait}`);
    assert.deepEqual(JSON.parse(r.text), { title: "Too Many Requests", type: "about:blank", status: 429, detail: "Too Many Requests" });
  }
  assert.equal(x.received.length, before, "a blocked call reached X");

  // Another credential, or another route, has its own budget.
  assert.equal((await call(SEARCH, { headers: { authorization: "Bearer SOMEONE-ELSE" } })).status, 200);
  assert.equal((await call("/2/tweets?ids=20", { headers: cred })).status, 200);

  // X's own 429 with remaining 0 blocks too (seen first by the second isolate).
  const cred2 = { authorization: "Bearer SECOND-CALLER" };
  const x429 = await call(SEARCH, { headers: { ...cred2, "x-standin": "429" } }, wd.secondPort);
  assert.equal(x429.status, 429);
  assert.equal(x429.headers.get("x-preflight"), "forwarded");
  assert.ok(x429.body.equals(fixtures.rateLimited));
  const after429 = await call(SEARCH, { headers: cred2 }, wd.port);
  assert.equal(after429.status, 429);
  assert.equal(after429.headers.get("x-preflight"), "local");
});

test("upstream timeout → 504 with a problem body", async () => {
  const r = await call(SEARCH, { headers: { authorization: "Bearer T", "x-standin": "hang" } });
  assert.equal(r.status, 504);
  assert.equal(r.headers.get("x-preflight"), "upstream-error");
  assert.deepEqual(Object.keys(JSON.parse(r.text)).sort(), ["detail", "status", "title", "type"]);
  assert.equal(JSON.parse(r.text).status, 504);
});

test("upstream down → 502 with a problem body", async () => {
  const closed = await freePort();
  const down = await startWorkerd({ env: { X_API_ORIGIN: `http://127.0.0.1:${closed}` } });
  try {
    const r = await call(SEARCH, { headers: { authorization: "Bearer D" } }, down.port);
    assert.equal(r.status, 502);
    assert.equal(r.headers.get("x-preflight"), "upstream-error");
    const p = JSON.parse(r.text);
    assert.equal(p.type, "about:blank");
    assert.equal(p.status, 502);
    assert.equal(p.title, "Bad Gateway");
  } finally {
    await down.stop();
  }
});

test("a bad ALLOWED_ORIGINS fails loudly: 500 naming the setting, never a secret", async () => {
  const bad = await startWorkerd({ env: { X_API_ORIGIN: x.origin, ALLOWED_ORIGINS: "*", X_BEARER_TOKEN: TOKEN, PREFLIGHT_KEY: KEY } });
  try {
    const before = x.received.length;
    for (let i = 0; i < 2; i++) {
      const r = await call(SEARCH, { headers: { "x-preflight-key": KEY } }, bad.port);
      assert.equal(r.status, 500);
      const p = JSON.parse(r.text);
      assert.match(p.detail, /ALLOWED_ORIGINS entry 1 \("\*"\): a wildcard/);
    }
    assert.equal(x.received.length, before);
  } finally {
    await bad.stop();
  }
});
