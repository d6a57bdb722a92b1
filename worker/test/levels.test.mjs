// End-to-end: the Worker never blocks a call X would accept (issue 12).
// Access levels (X_API_TIER, x-preflight-tier), warnings in a header,
// unknown routes forwarded, and a mixed rules batch answered in X's shape.
// Run by worker/test.sh (after worker/build.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { startStandin } from "./standin.mjs";
import { startWorkerd } from "./harness.mjs";

let x; // the stand-in for X
let ppu; // workerd at the default level (X_API_TIER unset)
let ent; // workerd with X_API_TIER=enterprise

before(async () => {
  x = await startStandin();
  ppu = await startWorkerd({ env: { X_API_ORIGIN: x.origin } });
  ent = await startWorkerd({ env: { X_API_ORIGIN: x.origin, X_API_TIER: "enterprise" } });
});

after(async () => {
  await ppu?.stop();
  await ent?.stop();
  await x?.close();
});

async function call(port, path, init = {}) {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual", ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const search = (q) => "/2/tweets/search/recent?query=" + encodeURIComponent(q);
const LONG = Array(150).fill("cat").join(" "); // 599 characters

test("an advanced operator is forwarded on the default level, with a warning header", async () => {
  const before = x.received.length;
  const r = await call(ppu.port, search("place_country:US cat"), { headers: { authorization: "Bearer CALLER-L1" } });
  assert.equal(LONG.length, 599);
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers.get("x-preflight"), "forwarded");
  assert.equal(r.headers.get("x-preflight-validator"), "valid");
  assert.equal(r.headers.get("x-preflight-warnings"), "operator-tier-unclear");
  assert.equal(x.received.length, before + 1, "the request did not reach X");
});

test("a 599-character query is forwarded with X_API_TIER=enterprise, refused at pay-per-use's documented 512", async () => {
  const before = x.received.length;
  const e = await call(ent.port, search(LONG), { headers: { authorization: "Bearer CALLER-L2" } });
  assert.equal(e.status, 200, e.text);
  assert.equal(e.headers.get("x-preflight"), "forwarded");
  assert.equal(x.received.length, before + 1);
  const p = await call(ppu.port, search(LONG), { headers: { authorization: "Bearer CALLER-L2" } });
  assert.equal(p.status, 400);
  assert.equal(p.headers.get("x-preflight"), "rejected");
  assert.match(JSON.parse(p.text).errors[0].message, /search_recent on pay-per-use allows 512/);
  assert.equal(x.received.length, before + 1, "a refused request reached X");
});

test("x-preflight-tier picks the level per request; a name that is no level is ignored with a warning; X never gets it", async () => {
  const r = await call(ppu.port, search(LONG), { headers: { authorization: "Bearer CALLER-L3", "x-preflight-tier": "enterprise" } });
  assert.equal(r.status, 200, r.text);
  const got = x.received[x.received.length - 1];
  assert.equal(got.headers.authorization, "Bearer CALLER-L3");
  assert.equal(got.headers["x-preflight-tier"], undefined, "the Worker's own header travelled on to X");
  const bad = await call(ent.port, search(LONG), { headers: { authorization: "Bearer CALLER-L3", "x-preflight-tier": "platinum" } });
  assert.equal(bad.status, 200, bad.text);
  assert.equal(bad.headers.get("x-preflight-warnings"), "unknown-tier-header");
});

test("a route the specs do not list is forwarded, marked unknown-route", async () => {
  const before = x.received.length;
  const r = await call(ppu.port, "/2/powertrack/rules?stream=prod", { headers: { authorization: "Bearer CALLER-L4" } });
  assert.equal(r.headers.get("x-preflight"), "forwarded");
  assert.equal(r.headers.get("x-preflight-validator"), "unknown-route");
  assert.equal(r.headers.get("x-preflight-warnings"), "unknown-route");
  assert.equal(x.received.length, before + 1);
  assert.equal(x.received[x.received.length - 1].url, "/2/powertrack/rules?stream=prod");
});

test("a mixed rules batch is answered in X's own shape (200, invalid-rules, meta.summary), without reaching X", async () => {
  const before = x.received.length;
  const body = JSON.stringify({ add: [{ value: "cat has:images", tag: "cats" }, { value: "has:media" }, { value: "--b" }] });
  for (const path of ["/2/tweets/search/stream/rules", "/2/tweets/search/stream/rules?dry_run=true"]) {
    const r = await call(ppu.port, path, {
      method: "POST", body, headers: { authorization: "Bearer CALLER-L5", "content-type": "application/json" },
    });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get("x-preflight"), "rejected");
    const a = JSON.parse(r.text);
    assert.deepEqual(a.meta.summary, { created: 0, not_created: 3, valid: 1, invalid: 2 });
    assert.match(a.meta.sent, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    assert.deepEqual(a.errors.map((e) => e.value), ["has:media", "--b"]);
    for (const e of a.errors) {
      assert.equal(e.title, "UnprocessableEntity");
      assert.equal(e.type, "https://api.twitter.com/2/problems/invalid-rules");
    }
    assert.deepEqual(a.errors[1].details, ["Rules must contain a non-negation term (at position 1)"]);
  }
  assert.equal(x.received.length, before, "X was asked, though it creates none of a batch with a rejected rule");
});

test("a bad X_API_TIER fails loudly: 500 naming the setting", async () => {
  const bad = await startWorkerd({ env: { X_API_ORIGIN: x.origin, X_API_TIER: "gold" } });
  try {
    const before = x.received.length;
    const r = await call(bad.port, search("cat"));
    assert.equal(r.status, 500);
    assert.match(JSON.parse(r.text).detail, /X_API_TIER "gold" is not an access level/);
    assert.equal(x.received.length, before);
  } finally {
    await bad.stop();
  }
});
