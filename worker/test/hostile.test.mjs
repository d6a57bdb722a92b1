// Hostile callers, end to end under local workerd (issue 13): every row is one attack, with the outcome it must
// get, whether X may be contacted at all, and what X may receive. After the suite, no answer and no log line holds
// a secret. Run by worker/test.sh.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import net from "node:net";
import { createHmac } from "node:crypto";
import { startStandin } from "./standin.mjs";
import { startWorkerd, rawRequest, startTrap } from "./harness.mjs";

const TOKEN = "SERVERTOKEN-hostile-5d1e";
const KEYS = ["hostile-key-one-8c0b7e", "hostile-key-two-41aa93"];
const SIGNING = ["old-signing-key-2b6f0d94", "signing-key-hostile-77e1c0"];
const SECRETS = [TOKEN, ...KEYS, ...SIGNING];
const APP = "https://app.example";
const PUBLIC = "https://public.example";
const SEARCH = "/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10";

let x; // the stand-in for X
let evil; // a server nothing may ever reach
let wd;
const seen = []; // every answer (status line, headers, body)

// mint is what an app's backend runs (worker/README.md): v1.<expires>.<subject>.<HMAC-SHA256, base64url>.
function mint(key, subject, expiresSec) {
  const payload = `v1.${expiresSec}.${subject}`;
  return `${payload}.${createHmac("sha256", key).update(payload).digest("base64url")}`;
}
const nowSec = () => Math.floor(Date.now() / 1000);

function oauth1(consumer, token, nonce) {
  return `OAuth oauth_consumer_key="${consumer}", oauth_nonce="${nonce}", oauth_signature="sig${nonce}%3D", ` +
    `oauth_signature_method="HMAC-SHA1", oauth_timestamp="${nowSec()}", oauth_token="${token}", oauth_version="1.0"`;
}

before(async () => {
  x = await startStandin();
  evil = await startTrap();
  wd = await startWorkerd({
    publicRateLimit: "3/60",
    env: {
      X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, ALLOWED_ORIGINS: APP, PREFLIGHT_KEYS: KEYS.join(", "),
      PREFLIGHT_SIGNING_KEYS: SIGNING.join(","), PUBLIC_READ_ORIGINS: PUBLIC, UPSTREAM_TIMEOUT_MS: "1500",
    },
  });
});

after(async () => {
  await wd?.stop();
  await x?.close();
  await evil?.close();
  assert.deepEqual(evil.hits, [], "a request reached a host other than X_API_ORIGIN");
  const log = wd?.log() ?? "";
  for (const secret of SECRETS) {
    assert.ok(!log.includes(secret), "a log line holds a secret");
    for (const answer of seen) assert.ok(!answer.includes(secret), "an answer holds a secret");
  }
});

// send issues one request (raw when row.raw is set, so nothing normalises it) and records the answer.
async function send(row) {
  if (row.raw) {
    const r = await rawRequest(wd.port, row.raw);
    seen.push(JSON.stringify(r));
    return { status: r.status, header: (n) => r.headers[n] ?? null, text: r.body };
  }
  const res = await fetch(`http://127.0.0.1:${wd.port}${row.target ?? SEARCH}`, {
    method: row.method ?? "GET", headers: row.headers ?? {}, body: row.body, redirect: "manual",
  });
  const text = await res.text();
  seen.push(`${res.status} ${JSON.stringify([...res.headers])} ${text}`);
  return { status: res.status, header: (n) => res.headers.get(n), text };
}

// Each row: want.status and want.preflight (x-preflight), want.upstream (X contacted or not), want.auth
// (x-preflight-auth, when forwarded), want.sent (the Authorization X received; undefined = none).
const rows = [
  // --- the server token is never handed out on a forgeable header --------------------------------------------
  { name: "allowed Origin alone", headers: { origin: APP }, want: { status: 200, preflight: "forwarded", upstream: true, auth: "none", sent: undefined } },
  { name: "public Origin, POST (not read-only)", method: "POST", target: "/2/tweets", headers: { origin: PUBLIC, "content-type": "application/json" }, body: '{"text":"hi"}', want: { status: 201, preflight: "forwarded", upstream: true, auth: "none", sent: undefined } },
  { name: "public Origin, DELETE", method: "DELETE", target: "/2/tweets/1445880548472328192", headers: { origin: PUBLIC }, want: { preflight: "forwarded", upstream: true, auth: "none", sent: undefined } },
  { name: "Referer of the app", headers: { referer: `${APP}/page` }, want: { status: 200, upstream: true, auth: "none", sent: undefined } },
  { name: "X-Forwarded-For / cf-connecting-ip alone", headers: { "x-forwarded-for": "10.0.0.1", "cf-connecting-ip": "10.0.0.1" }, want: { status: 200, upstream: true, auth: "none", sent: undefined } },
  // --- server keys --------------------------------------------------------------------------------------------
  { name: "first key", headers: { "x-preflight-key": KEYS[0] }, want: { status: 200, upstream: true, auth: "server", sent: `Bearer ${TOKEN}` } },
  { name: "second key (rotation)", headers: { "x-preflight-key": KEYS[1] }, want: { status: 200, upstream: true, auth: "server", sent: `Bearer ${TOKEN}` } },
  { name: "wrong key", headers: { "x-preflight-key": KEYS[0] + "x" }, want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "key prefix", headers: { "x-preflight-key": KEYS[0].slice(0, 10) }, want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "two keys joined", headers: { "x-preflight-key": KEYS.join(",") }, want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "signing key as a server key", headers: { "x-preflight-key": SIGNING[1] }, want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "bearer token as a server key", headers: { "x-preflight-key": TOKEN }, want: { status: 401, preflight: "rejected", upstream: false } },
  // --- signed tokens ------------------------------------------------------------------------------------------
  { name: "signed token", headers: () => ({ "x-preflight-token": mint(SIGNING[1], "user-1", nowSec() + 300) }), want: { status: 200, upstream: true, auth: "server", sent: `Bearer ${TOKEN}` } },
  { name: "signed with the old key", headers: () => ({ "x-preflight-token": mint(SIGNING[0], "", nowSec() + 60) }), want: { status: 200, upstream: true, auth: "server", sent: `Bearer ${TOKEN}` } },
  { name: "forged token", headers: () => ({ "x-preflight-token": mint("a-key-nobody-configured", "user-1", nowSec() + 300) }), want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "expired token", headers: () => ({ "x-preflight-token": mint(SIGNING[1], "user-1", nowSec() - 1) }), want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "token valid for a day", headers: () => ({ "x-preflight-token": mint(SIGNING[1], "user-1", nowSec() + 86400) }), want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "token with its expiry extended", headers: () => ({ "x-preflight-token": mint(SIGNING[1], "u", nowSec() + 60).replace(/^v1\.(\d+)/, (_, e) => `v1.${Number(e) + 600}`) }), want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "token signed with a server key", headers: () => ({ "x-preflight-token": mint(KEYS[0], "u", nowSec() + 60) }), want: { status: 401, preflight: "rejected", upstream: false } },
  { name: "garbage token", headers: { "x-preflight-token": "Bearer " + TOKEN.slice(0, 6) }, want: { status: 401, preflight: "rejected", upstream: false } },
  // --- the caller's own credential, and hop-by-hop tricks -----------------------------------------------------
  { name: "own credential with a key: the caller's wins", headers: { authorization: "Bearer MINE-1", "x-preflight-key": KEYS[0] }, want: { status: 200, upstream: true, auth: "caller", sent: "Bearer MINE-1" } },
  // (raw: fetch refuses to send a Connection header)
  { name: "Connection: authorization is reported truthfully", raw: `GET ${SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer MINE-2\r\nConnection: authorization, close\r\n\r\n`, want: { status: 200, upstream: true, auth: "none", sent: undefined } },
  { name: "Connection: authorization with a key", raw: `GET ${SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer MINE-3\r\nX-Preflight-Key: ${KEYS[1]}\r\nConnection: authorization, close\r\n\r\n`, want: { status: 200, upstream: true, auth: "server", sent: `Bearer ${TOKEN}` } },
  { name: "Connection: x-preflight-key does not unlock", raw: `GET ${SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Preflight-Key: guess-guess-guess\r\nConnection: x-preflight-key, close\r\n\r\n`, want: { status: 401, preflight: "rejected", upstream: false } },
  // --- smaller points -----------------------------------------------------------------------------------------
  { name: "Host with a path", raw: `GET /x HTTP/1.1\r\nHost: 127.0.0.1/2/tweets/search/recent?query=cats\r\nAuthorization: Bearer H\r\nConnection: close\r\n\r\n`, want: { status: 400, preflight: "rejected", upstream: false } },
  { name: "Host with a backslash", raw: `GET /x HTTP/1.1\r\nHost: 127.0.0.1\\2\\tweets\r\nConnection: close\r\n\r\n`, want: { status: 400, upstream: false } },
  { name: "Host with userinfo", raw: `GET ${SEARCH} HTTP/1.1\r\nHost: user@127.0.0.1\r\nConnection: close\r\n\r\n`, want: { status: 400, upstream: false } },
  { name: "GET with a body", raw: `GET ${SEARCH} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer G\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`, want: { status: 400, preflight: "rejected", upstream: false, detail: /GET request with a body cannot be forwarded/ } },
];

for (const row of rows) {
  test(`hostile: ${row.name}`, async () => {
    const headers = typeof row.headers === "function" ? row.headers() : row.headers;
    const before = x.received.length;
    const r = await send({ ...row, headers });
    const w = row.want;
    if (w.status !== undefined) assert.equal(r.status, w.status, r.text);
    if (w.preflight !== undefined) assert.equal(r.header("x-preflight"), w.preflight);
    if (w.detail) assert.match(JSON.parse(r.text).detail, w.detail);
    assert.equal(x.received.length - before, w.upstream ? 1 : 0, w.upstream ? "X was not contacted" : "X was contacted");
    if (!w.upstream) return;
    const got = x.received[x.received.length - 1];
    if (w.auth !== undefined) assert.equal(r.header("x-preflight-auth"), w.auth);
    assert.equal(got.headers.authorization, w.sent, "the Authorization X received");
    for (const name of ["x-preflight-key", "x-preflight-token", "cf-connecting-ip"]) {
      assert.equal(got.headers[name], undefined, `${name} travelled upstream`);
    }
  });
}

test("hostile: public read-only use is rate-limited per client by the binding, and X is not contacted past it", async () => {
  const client = (ip) => ({ origin: PUBLIC, "cf-connecting-ip": ip });
  for (let i = 0; i < 3; i++) {
    const before = x.received.length;
    const r = await send({ headers: client("203.0.113.7") });
    assert.equal(r.status, 200);
    assert.equal(r.header("x-preflight-auth"), "public");
    assert.equal(r.header("access-control-allow-origin"), PUBLIC);
    assert.equal(x.received[before].headers.authorization, `Bearer ${TOKEN}`);
  }
  const before = x.received.length;
  const over = await send({ headers: client("203.0.113.7") });
  assert.equal(over.status, 429);
  assert.equal(over.header("x-preflight"), "local");
  assert.equal(over.header("x-preflight-auth"), "public");
  assert.match(JSON.parse(over.text).detail, /rate-limited per client/);
  assert.equal(x.received.length, before, "a call over the public limit reached X");
  // Another client has its own budget; a credential of one's own is not public use at all.
  assert.equal((await send({ headers: client("203.0.113.8") })).status, 200);
  const own = await send({ headers: { ...client("203.0.113.7"), authorization: "Bearer OWN-PUBLIC" } });
  assert.equal(own.status, 200);
  assert.equal(own.header("x-preflight-auth"), "caller");
});

test("hostile: upstream access-control-* headers never pass through; CORS is the Worker's own", async () => {
  for (const origin of ["https://evil.example", APP, null]) {
    const r = await send({ headers: { authorization: "Bearer CORS-1", "x-standin": "cors", ...(origin ? { origin } : {}) } });
    assert.equal(r.status, 200);
    assert.equal(r.header("access-control-allow-credentials"), null, `${origin}`);
    assert.equal(r.header("access-control-allow-methods"), null, `${origin}`);
    assert.equal(r.header("access-control-allow-origin"), origin === APP ? APP : null, `${origin}`);
    assert.doesNotMatch(r.header("access-control-expose-headers") ?? "", /x-upstream-secret/);
  }
});

test("hostile: OAuth 1.0a callers share one ledger entry whatever their nonce; bearer spellings share one", async () => {
  const cases = [
    [oauth1("consumer-1", "42-access", "n1"), oauth1("consumer-1", "42-access", "n2"), oauth1("consumer-1", "42-access", "n3")],
    ["Bearer SPELLING-1", "bearer SPELLING-1", "BEARER   SPELLING-1"],
  ];
  for (const [first, ...variants] of cases) {
    const exhausted = await send({ headers: { authorization: first, "x-standin": "exhausted" } });
    assert.equal(exhausted.status, 200);
    for (const variant of variants) {
      const before = x.received.length;
      const r = await send({ headers: { authorization: variant } });
      assert.equal(r.status, 429, variant.slice(0, 40));
      assert.equal(r.header("x-preflight"), "local");
      assert.equal(x.received.length, before, "a blocked identity reached X");
    }
  }
  // A different access token of the same app is its own user: X counts it apart.
  assert.equal((await send({ headers: { authorization: oauth1("consumer-1", "43-other", "n4") } })).status, 200);
});

test("hostile: an upstream that drops the connection after the request is not reported as 'not delivered'", async () => {
  const received = [];
  const drop = net.createServer((s) => s.once("data", (d) => {
    received.push(d.length);
    s.destroy();
  }));
  await new Promise((r) => drop.listen(0, "127.0.0.1", r));
  const dropper = await startWorkerd({ env: { X_API_ORIGIN: `http://127.0.0.1:${drop.address().port}`, UPSTREAM_TIMEOUT_MS: "1500" } });
  try {
    const res = await fetch(`http://127.0.0.1:${dropper.port}/2/tweets`, {
      method: "POST", headers: { authorization: "Bearer DROP", "content-type": "application/json" }, body: '{"text":"hi"}',
    });
    const p = await res.json();
    assert.equal(res.status, 502);
    assert.equal(received.length, 1, "the request did reach the upstream");
    assert.match(p.detail, /may or may not have been processed/);
    assert.doesNotMatch(p.detail, /not delivered/);
  } finally {
    await dropper.stop();
    await new Promise((r) => drop.close(r));
  }
});

for (const [name, options, env, detail] of [
  ["PUBLIC_READ_ORIGINS without the rate-limiting binding", { publicRateLimit: "none" }, { PUBLIC_READ_ORIGINS: PUBLIC }, /PUBLIC_RATE_LIMIT rate-limiting binding is missing/],
  ["a public wildcard", {}, { PUBLIC_READ_ORIGINS: "*" }, /PUBLIC_READ_ORIGINS entry 1/],
  ["a short server key", {}, { PREFLIGHT_KEYS: `${KEYS[0]},abc` }, /PREFLIGHT_KEYS entry 2 is 3 bytes/],
]) {
  test(`hostile: ${name} refuses to serve: 500 naming the setting, no secret, X not contacted`, async () => {
    const bad = await startWorkerd({ ...options, env: { X_API_ORIGIN: x.origin, X_BEARER_TOKEN: TOKEN, PREFLIGHT_KEYS: KEYS[0], ...env } });
    try {
      const before = x.received.length;
      const res = await fetch(`http://127.0.0.1:${bad.port}${SEARCH}`, { headers: { origin: PUBLIC } });
      const text = await res.text();
      seen.push(text);
      assert.equal(res.status, 500);
      assert.match(JSON.parse(text).detail, detail);
      assert.equal(x.received.length, before);
    } finally {
      await bad.stop();
      for (const secret of SECRETS) assert.ok(!bad.log().includes(secret), "a log line holds a secret");
    }
  });
}

// Path tricks (issue 13's red-team table): none may reach X or any other host.
const evilHost = () => evil.host;
const pathTricks = [
  "/2/tweets/../../admin", "/2/tweets/%2e%2e/%2e%2e/admin", "/2/tweets/%2E%2E/x", "/2/tweets/.%2e/x", "/2/tweets/%2e./x",
  "/2/tweets/..%2fadmin", "/2/tweets/..%2Fadmin", "/2/tweets/%2f%2fevil", "/2/tweets/%5c..%5cadmin", "/2/tweets/%252e%252e/x",
  "/2/tweets\\..\\admin", "/2/tweets/..\\admin", "/2/a%09b", "/2/a%00b", "/2/a%0d%0aHost:%20evil", "/2/./tweets", "/2/tweets/.",
  "/2/tweets/..", "/2//tweets", "/2/tweets//x", () => `/2//${evilHost()}/x`, () => `//${evilHost()}/2/tweets`,
  "/2/tweets/%c0%ae%c0%ae/x", "/2/tweets/%e0%80%ae%e0%80%ae/x", "/2/tweets/%uff0e%uff0e/x", "/2/tweets/%", "/2/tweets/%zz",
  "/2/tweets/%2", "/2/tweets/ x", "/2/tweets/é", "/2/tweets/#frag", "/2/tweets/%23x", "/2/tweets/%3f", "/2/tweets/;/../x",
  "/2/tweets/..;/x", "/2/tweets/.%2E/x", "/2/tweets/%2e%2e%2f%2e%2e%2fadmin", "/2/tweets/..%5c..%5cadmin", "/2%2f..%2fadmin",
  "/2/%2e%2e", "/%2e%2e/2/tweets", "/2/tweets/x?%0d%0aHost:evil", "/2/tweets/x?a=b#c", "/2/tweets/x?a b",
];

test("hostile: path tricks never reach X or any other host", async () => {
  const before = x.received.length;
  for (const t of pathTricks) {
    const target = typeof t === "function" ? t() : t;
    const r = await rawRequest(wd.port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer PATH\r\nConnection: close\r\n\r\n`);
    seen.push(JSON.stringify(r));
    assert.ok(r.status === 400 || r.status === 404, `${target} → ${r.status}`);
  }
  assert.equal(x.received.length, before, "a path trick reached X");
});
