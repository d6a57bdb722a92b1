// The syumai/workers example under local workerd: its handler calls a
// stand-in for X through xpreflight.Transport around syumai's fetch client.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import { root } from "../../test/harness.mjs";
import { startGoWorker, startStandin } from "./harness.mjs";

// Recorded bodies of X (sources: worker/test/fixtures/README.md,
// core/apierr/testdata/README.md).
const fixture = (p) => readFileSync(path.join(root, p), "utf8");
const search = fixture("worker/test/fixtures/search-recent-200.json");
const partial = fixture("core/apierr/testdata/bodies/200-partial-not-found.json");
const tooMany = fixture("core/apierr/testdata/bodies/429-about-blank.json");

// The stand-in answers by path; /2/users/me answers 429 with room left in
// the window (X's per-second limit) the first time, then 200.
let x, worker;
before(async () => {
  let usersMe = 0;
  x = await startStandin((req) => {
    if (req.url.startsWith("/2/tweets/search/recent")) return { status: 200, body: search, headers: { "x-rate-limit-remaining": "449" } };
    if (req.url.startsWith("/2/tweets?")) return { status: 200, body: partial };
    if (req.url.startsWith("/2/users/me")) {
      return usersMe++ === 0
        ? { status: 429, body: tooMany, headers: { "x-rate-limit-remaining": "70", "x-rate-limit-reset": "4102444800" } }
        : { status: 200, body: '{"data":{"id":"2244994945","name":"X Dev","username":"XDevelopers"}}' };
    }
    return { status: 404, body: '{"title":"Not Found Error","type":"about:blank","status":404,"detail":"Not Found"}' };
  });
  worker = await startGoWorker({ origin: x.origin });
});
after(async () => {
  await worker?.stop();
  await x?.stop();
});

const get = (p, headers = {}) => fetch(`http://127.0.0.1:${worker.port}${p}`, { headers: { authorization: "Bearer test-token", ...headers } });
const sent = () => x.requests.length;

test("a valid search is forwarded and its body comes back byte for byte", async () => {
  const before = sent();
  const res = await get("/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10");
  assert.equal(res.status, 200);
  assert.equal(await res.text(), search);
  assert.equal(res.headers.get("x-preflight"), "forwarded");
  assert.equal(res.headers.get("x-preflight-class"), "success");
  assert.equal(sent(), before + 1);
});

test("a query X rejects is answered in the Worker: 400, X's problem, no call to X", async () => {
  const before = sent();
  const res = await get("/2/tweets/search/recent?query=cat%20and%20dog");
  assert.equal(res.status, 400);
  assert.equal(res.headers.get("x-preflight"), "rejected");
  const body = await res.json();
  assert.equal(body.type, "https://api.x.com/2/problems/invalid-request");
  assert.match(body.errors[0].message, /Ambiguous use of and/);
  assert.equal(sent(), before);
});

test("a 429 with room left in the window is retried after about a second", async () => {
  const before = sent();
  const t0 = Date.now();
  const res = await get("/2/users/me");
  const waited = Date.now() - t0;
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-preflight-attempts"), "2");
  assert.equal(sent(), before + 2);
  assert.ok(waited >= 900 && waited < 5000, `waited ${waited} ms: about a second, not the 15-minute window`);
});

test("a partial-error 200 is classed partial", async () => {
  const res = await get("/2/tweets?ids=1721704226525466834,1821704226525466834");
  assert.equal(res.status, 200);
  assert.equal(res.headers.get("x-preflight-class"), "partial");
  assert.equal(await res.text(), partial);
});

test("paths outside /2/ are not forwarded", async () => {
  const before = sent();
  const res = await get("/v1/anything");
  assert.equal(res.status, 404);
  assert.equal(sent(), before);
});
