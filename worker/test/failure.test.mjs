// The Worker when its Go half fails (issue 13): a trap or a fatal exit, forced by a test build of the Go half
// (worker/build-crashtest, wasm/bridge/failure_hook.go) since no input reaches one any more. DESIGN.md: a validator
// failure forwards the call with x-preflight-validator: unavailable; /v1 always answers the wire contract; the Go
// instance restarts cleanly.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { startStandin } from "./standin.mjs";
import { startWorkerd, root } from "./harness.mjs";

let x;
let wd;
before(async () => {
  x = await startStandin();
  wd = await startWorkerd({ build: path.join(root, "worker", "build-crashtest"), env: { X_API_ORIGIN: x.origin, UPSTREAM_TIMEOUT_MS: "3000" } });
});
after(async () => {
  await wd?.stop();
  await x?.close();
});

async function call(p, init = {}) {
  const res = await fetch(`http://127.0.0.1:${wd.port}${p}`, { redirect: "manual", ...init });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

const search = (q) => "/2/tweets/search/recent?query=" + encodeURIComponent(q);
const auth = { authorization: "Bearer CALLER-failure" };

for (const marker of ["xpreflight-test-trap", "xpreflight-test-exit"]) {
  test(`/2/: the validator's Go instance failing (${marker}) forwards the call unchecked, then Go restarts`, async () => {
    assert.equal((await call(search("cat"), { headers: auth })).headers.get("x-preflight-validator"), "valid");
    const before = x.received.length;
    const r = await call(search(marker + " cat"), { headers: auth });
    assert.equal(r.status, 200, r.text);
    assert.equal(r.headers.get("x-preflight"), "forwarded");
    assert.equal(r.headers.get("x-preflight-validator"), "unavailable");
    assert.equal(x.received.length, before + 1, "X was called once");
    assert.match(x.received.at(-1).url, new RegExp(marker));
    const next = await call(search("dog"), { headers: auth });
    assert.equal(next.headers.get("x-preflight-validator"), "valid", "a fresh Go instance judges the next call");
    const bad = await call(search("(dog"), { headers: auth });
    assert.equal(bad.status, 400, "and refuses what X would");
  });

  test(`/v1: a failing Go instance (${marker}) answers the wire contract's internal error, then Go restarts`, async () => {
    const r = await call("/v1/validateQuery", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: marker }) });
    assert.equal(r.status, 500);
    const e = JSON.parse(r.text);
    assert.equal(e.ok, false);
    assert.equal(e.error.code, "internal");
    assert.match(e.error.message, /restarts on the next request/);
    const next = await call("/v1/validateQuery", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "cat" }) });
    assert.equal(next.status, 200);
    assert.equal(JSON.parse(next.text).result.valid, true);
  });
}

test("/2/: a Go instance failing on X's answer passes the answer on unread, then Go restarts", async () => {
  const r = await call(search("xpreflight-test-answer-exit cat"), { headers: auth });
  assert.equal(r.status, 200, r.text);
  assert.equal(r.headers.get("x-preflight"), "forwarded");
  assert.equal(r.headers.get("x-preflight-class"), "unknown");
  assert.ok(r.text.length > 0, "X's body is passed on");
  const next = await call(search("dog"), { headers: auth });
  assert.equal(next.headers.get("x-preflight-class"), "success", "a fresh Go instance reads the next answer");
});

test("/v1: a request over 64 KiB is refused with the wire envelope before Go sees it", async () => {
  const r = await call("/v1/validateQuery", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "a".repeat(100_000) }) });
  assert.equal(r.status, 413);
  const e = JSON.parse(r.text);
  assert.equal(e.ok, false);
  assert.equal(e.error.code, "bad-input");
  assert.match(e.error.message, /over 65536 bytes/);
});
