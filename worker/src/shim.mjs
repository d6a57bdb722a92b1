// xpreflight Worker: the JS half. It owns all I/O (reading the request,
// fetching X, streaming the answer, the Durable Object, static assets) and asks
// the Go half (app.wasm, one instance per isolate) what to do. See README.md.
import "./wasm_exec.js";
import wasmModule from "./app.wasm";
import { DurableObject } from "cloudflare:workers";

const MAX_BODY = 1 << 20; // request bodies over 1 MB are refused with 413
const INSPECT_LIMIT = 1 << 20; // answers up to this size are read and classified
const DEFAULT_ORIGIN = "https://api.x.com";
const DEFAULT_TIMEOUT_MS = 30000; // until X's response headers arrive

// RFC 9110 §7.6.1 hop-by-hop fields, plus what fetch sets itself, plus our own
// key (a secret that must never travel on).
const HOP_BY_HOP = new Set([
  "connection", "keep-alive", "proxy-connection", "proxy-authenticate", "proxy-authorization",
  "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "x-preflight-key",
]);
const EXPOSED = "x-preflight, x-preflight-class, x-preflight-retry-after-ms, x-preflight-validator, x-preflight-auth, " +
  "x-rate-limit-limit, x-rate-limit-remaining, x-rate-limit-reset, x-app-limit-24hour-limit, " +
  "x-app-limit-24hour-remaining, x-app-limit-24hour-reset, x-user-limit-24hour-limit, " +
  "x-user-limit-24hour-remaining, x-user-limit-24hour-reset";

// ---- the Go instance: started on the first request, then reused -----------

class ConfigError extends Error {}

let goStarting = null; // Promise<go> while starting or started
let go = null; // {configure, local} callbacks plus the call() bridge to the exports

// startGo instantiates the Go program once per isolate. It cannot run at
// module scope: workerd forbids timers and randomness there, and the Go
// runtime needs both while it starts.
function startGo(env) {
  if (goStarting) return goStarting;
  let instance;
  const runtime = new Go();
  goStarting = new Promise((resolve, reject) => {
    globalThis.__xpreflightReady = (callbacks) => {
      const problem = callbacks.configure(JSON.stringify({
        allowedOrigins: env.ALLOWED_ORIGINS ?? "",
        preflightKey: env.PREFLIGHT_KEY ?? "",
        bearerToken: env.X_BEARER_TOKEN ?? "",
      }));
      if (problem) reject(new ConfigError(problem));
      else resolve({ local: callbacks.local, call: exportsBridge(instance.exports, runtime) });
    };
    instance = new WebAssembly.Instance(wasmModule, runtime.importObject);
    runtime.run(instance).then(stopped, reject);
  }).then((g) => (go = g), (err) => {
    // A bad setting stays bad until the Worker is redeployed: keep the
    // rejection rather than start a Go instance per request. Anything else
    // (a failed instantiation) is retried by the next request.
    if (!(err instanceof ConfigError)) goStarting = null;
    throw err;
  });
  return goStarting;
}

// stopped forgets an instance that exited or trapped: the next request starts
// a fresh one.
function stopped() {
  go = null;
  goStarting = null;
}

// Function numbers of xpw_call (worker/exports.go).
const FN_DECIDE = 1;
const FN_ANNOTATE = 2;
const FN_HANDLE = 3;
const UTF8_OUT = new TextEncoder();

// exportsBridge calls the go:wasmexport functions of worker/exports.go:
// the input's fields, NUL-separated, are written into a buffer Go reserves in
// its linear memory; the JSON answer is read back from there.
function exportsBridge(exports, runtime) {
  const { xpw_reserve: reserve, xpw_call: call, xpw_output: output, mem } = exports;
  return (fn, fields) => {
    if (runtime.exited) {
      stopped();
      throw new Error("the Go instance has exited");
    }
    try {
      let max = fields.length;
      for (const f of fields) max += 3 * f.length; // UTF-8 needs at most 3 bytes per UTF-16 unit
      const at = reserve(max);
      const bytes = new Uint8Array(mem.buffer, at, max); // re-read mem.buffer: memory may have grown
      let n = 0;
      for (let i = 0; i < fields.length; i++) {
        if (i > 0) bytes[n++] = 0;
        n += UTF8_OUT.encodeInto(fields[i], bytes.subarray(n)).written;
      }
      const m = call(fn, n);
      return UTF8.decode(new Uint8Array(mem.buffer, output(), m));
    } catch (err) {
      stopped(); // a trap leaves the Go runtime unusable
      throw err;
    }
  };
}

function callGo(name, value) {
  return checked(name, go[name](JSON.stringify(value)));
}

// annotate passes the body as its own field: JSON-escaping a body only for
// Go to unescape it again would cost more than the analysis. Without a body
// (streamed unread) the field is left out.
function annotate(meta, body) {
  const fields = body === null ? [JSON.stringify(meta)] : [JSON.stringify(meta), body];
  return checked("annotate", go.call(FN_ANNOTATE, fields));
}

function checked(name, out) {
  const parsed = JSON.parse(out);
  if (parsed && parsed.error) throw new Error(`Go ${name}: ${parsed.error}`);
  return parsed;
}

// ---- small helpers ----------------------------------------------------------

// rawTarget is the request target exactly as received: request.url is not
// normalised by workerd, whereas new URL() would resolve "..", which is the
// very thing the path guard must see.
function rawTarget(url) {
  const afterScheme = url.indexOf("://") + 3;
  const slash = url.indexOf("/", afterScheme);
  return slash < 0 ? "/" : url.slice(slash);
}

function allowedOrigin(env, origin) {
  if (!origin) return false;
  return (env.ALLOWED_ORIGINS ?? "").split(",").some((o) => o.trim() === origin);
}

function corsHeaders(env, request) {
  const origin = request.headers.get("origin");
  if (!allowedOrigin(env, origin)) return null;
  return {
    "access-control-allow-origin": origin,
    "access-control-expose-headers": EXPOSED,
    vary: "origin",
  };
}

function withCors(env, request, headers) {
  const cors = corsHeaders(env, request);
  if (cors) for (const [k, v] of Object.entries(cors)) headers.set(k, v);
  else headers.append("vary", "origin");
  return headers;
}

function problemResponse(env, request, status, body, preflight, extra = {}) {
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", "x-preflight": preflight, ...extra });
  return new Response(body, { status, headers: withCors(env, request, headers) });
}

function blankProblem(status, title, detail) {
  return JSON.stringify({ title, type: "about:blank", status, detail });
}

class TooLarge extends Error {}

// readBody returns the request body as bytes (null when there is none),
// refusing more than MAX_BODY whether or not content-length says so.
async function readBody(request) {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > MAX_BODY) {
    await discard(request.body?.getReader(), 0);
    throw new TooLarge();
  }
  if (request.body === null) return null;
  const chunks = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY) {
      await discard(reader, size);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return concat(chunks, size);
}

// discard reads and drops the rest of a refused body, up to DISCARD_MAX bytes, so
// the 413 reaches a client that is still sending: answering mid-upload and closing
// makes HTTP/1.1 clients fail with a reset instead of reading the answer.
const DISCARD_MAX = 32 << 20;
async function discard(reader, size) {
  if (!reader) return;
  try {
    while (size <= DISCARD_MAX) {
      const { done, value } = await reader.read();
      if (done) return;
      size += value.byteLength;
    }
    await reader.cancel();
  } catch {
    // the client went away: nothing left to answer
  }
}

function concat(chunks, size) {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const UTF8 = new TextDecoder();

// headerLines is the compact "name: value\n…" form decide() reads (HTTP
// field values can hold neither a newline nor a NUL).
function headerLines(headers) {
  let out = "";
  for (const [k, v] of headers) out += k + ": " + v + "\n";
  return out;
}

function headerObject(headers) {
  const out = {};
  for (const [k, v] of headers) out[k] = v;
  return out;
}

// dropHopByHop removes hop-by-hop fields (RFC 9110 §7.6.1), including those
// the Connection field names, from a mutable copy made natively by Headers.
function dropHopByHop(headers) {
  const connection = headers.get("connection");
  if (connection) for (const name of connection.split(",")) headers.delete(name.trim());
  for (const name of HOP_BY_HOP) headers.delete(name);
  return headers;
}

// forwardHeaders: the caller's headers minus hop-by-hop ones and Cloudflare's
// own cf-* fields. The caller's Authorization stays; the Go decision supplies
// the server token only when the caller sent none.
function forwardHeaders(request) {
  const headers = dropHopByHop(new Headers(request.headers));
  for (const name of [...headers.keys()]) if (name.startsWith("cf-")) headers.delete(name);
  return headers;
}

// readUpTo reads a response body while it stays within limit. It returns
// {bytes} when the body ended, or {stream} that replays what was read and
// continues with the rest, when it did not.
async function readUpTo(response, limit) {
  if (response.body === null) return { bytes: new Uint8Array(0) };
  const declared = response.headers.get("content-length");
  if (declared !== null && Number(declared) <= limit && !response.headers.has("content-encoding")) {
    return { bytes: new Uint8Array(await response.arrayBuffer()) }; // one native read
  }
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { bytes: concat(chunks, size) };
    chunks.push(value);
    size += value.byteLength;
    if (size > limit) break;
  }
  const stream = new ReadableStream({
    start(controller) {
      for (const c of chunks) controller.enqueue(c);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { stream };
}

// plainSuccess is the fast path that spares the common answer a second call
// into Go: a 2xx JSON object that names neither "errors" nor "type" holds no
// problem and no partial error, and with no rate-limit window at 0 there is
// nothing to block or advise. Go's proxy.Annotate gives the same answer for
// it (its classify has the same rule); everything else goes to Go.
const PLAIN_SUCCESS = Object.freeze({ class: "success" });
const WINDOW_REMAINING = ["x-rate-limit-remaining", "x-app-limit-24hour-remaining", "x-user-limit-24hour-remaining"];

function plainSuccess(upstream, text) {
  if (upstream.status < 200 || upstream.status > 299 || text === null) return false;
  for (const h of WINDOW_REMAINING) if (upstream.headers.get(h)?.trim() === "0") return false;
  const t = text.trim();
  return t.startsWith("{") && t.endsWith("}") && !t.includes('"errors"') && !t.includes('"type"');
}

// ---- rate-limit blocks: per-isolate cache in front of the Durable Object ----

const localBlocks = new Map(); // key → {until, headers}
// room: key → {until, remaining} from X's last answer for that key in this
// isolate. While X said the window has more than ROOM_MIN calls left and it
// said so less than ROOM_TTL_MS ago, the Durable Object is not asked: it can
// only hold a block after some isolate saw remaining 0. The price of a stale
// view is one call that X answers with its own 429, never a wrong local 429.
const room = new Map();
const ROOM_MIN = 10;
const ROOM_TTL_MS = 1000;

function cachedBlock(key, now) {
  const b = localBlocks.get(key);
  if (!b) return null;
  if (b.until > now) return b;
  localBlocks.delete(key);
  return null;
}

function noteRoom(key, headers, now) {
  const remaining = Number(headers.get("x-rate-limit-remaining") ?? NaN);
  const reset = Number(headers.get("x-rate-limit-reset") ?? NaN) * 1000;
  if (remaining > ROOM_MIN && reset > now) {
    if (room.size > 10000) room.clear(); // bound the memory of a long-lived isolate
    room.set(key, { until: Math.min(reset, now + ROOM_TTL_MS), remaining });
  } else {
    room.delete(key);
  }
}

function hasRoom(key, now) {
  const r = room.get(key);
  return r !== undefined && r.until > now;
}

function rateStub(env, key) {
  return env.RATE_LIMITS.get(env.RATE_LIMITS.idFromName(key));
}

async function currentBlock(env, key, now) {
  const cached = cachedBlock(key, now);
  if (cached || !env.RATE_LIMITS || hasRoom(key, now)) return cached;
  try {
    const b = await rateStub(env, key).check(now);
    if (b) localBlocks.set(key, b);
    return b;
  } catch (err) {
    // The shared state is an optimisation; without it X still says 429 itself.
    console.error("xpreflight: rate-limit state unavailable:", String(err));
    return null;
  }
}

async function recordBlock(env, key, block) {
  localBlocks.set(key, block);
  if (!env.RATE_LIMITS) return;
  try {
    await rateStub(env, key).record(block);
  } catch (err) {
    console.error("xpreflight: could not record a rate-limit block:", String(err));
  }
}

// ---- routes -------------------------------------------------------------------

async function proxy(request, env, target) {
  let body;
  try {
    body = await readBody(request);
  } catch (err) {
    if (err instanceof TooLarge) {
      return problemResponse(env, request, 413, blankProblem(413, "Payload Too Large",
        `The request body is larger than the ${MAX_BODY} bytes xpreflight forwards.`), "rejected");
    }
    throw err;
  }
  const now = Date.now();
  const headers = forwardHeaders(request);
  const fields = [request.method, target, String(now), headerLines(request.headers)];
  if (body) fields.push(UTF8.decode(body));
  const d = checked("decide", go.call(FN_DECIDE, fields));

  if (!d.forward) {
    return problemResponse(env, request, d.status, JSON.stringify(d.problem), "rejected",
      { "x-preflight-validator": d.validator });
  }
  if (d.validator === "unavailable") console.error("xpreflight: validator unavailable, forwarding:", d.reason);

  const blocked = await currentBlock(env, d.key, now);
  if (blocked) {
    const local = callGo("local", { block: blocked, now });
    const h = { ...local.headers, "x-preflight-class": "rate-limited", "x-preflight-validator": d.validator };
    if (local.retryAfterMs > 0) h["x-preflight-retry-after-ms"] = String(local.retryAfterMs);
    return problemResponse(env, request, local.status, local.body, "local", h);
  }

  if (d.authorization) headers.set("authorization", d.authorization);
  const origin = (env.X_API_ORIGIN || DEFAULT_ORIGIN).replace(/\/+$/, "");
  const timeoutMs = Number(env.UPSTREAM_TIMEOUT_MS) || DEFAULT_TIMEOUT_MS;
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), timeoutMs);
  let upstream;
  try {
    upstream = await fetch(origin + d.path, {
      method: request.method, headers, body, redirect: "manual", signal: abort.signal,
    });
  } catch (err) {
    const timedOut = abort.signal.aborted;
    console.error("xpreflight: upstream", timedOut ? "timed out" : "unreachable", String(err));
    const status = timedOut ? 504 : 502;
    const p = timedOut
      ? blankProblem(504, "Gateway Timeout", "The X API did not answer in time; the request may or may not have been processed.")
      : blankProblem(502, "Bad Gateway", "The X API could not be reached; the request was not delivered.");
    return problemResponse(env, request, status, p, "upstream-error", { "x-preflight-validator": d.validator });
  } finally {
    clearTimeout(timer);
  }

  let outBody = upstream.body;
  let text = null;
  // A stream's success body never ends, so it is piped unread; its error
  // answers (429 TooManyConnections, 409 rule problems…) are ordinary finite
  // JSON and are read like any other, for the class and the retry advice.
  if (!d.stream || upstream.status >= 400) {
    const read = await readUpTo(upstream, INSPECT_LIMIT);
    if (read.bytes) {
      outBody = read.bytes;
      text = UTF8.decode(read.bytes);
    } else {
      outBody = read.stream;
    }
  }
  const outHeaders = dropHopByHop(new Headers(upstream.headers));
  outHeaders.delete("content-length"); // the runtime sets it for the body it sends
  const a = plainSuccess(upstream, text) ? PLAIN_SUCCESS : annotate({
    method: request.method,
    target,
    status: upstream.status,
    headers: headerObject(upstream.headers),
    stream: d.stream,
    now: Date.now(),
    random: Math.random(),
  }, text);
  noteRoom(d.key, upstream.headers, now);
  if (a.reason) console.error("xpreflight: response analysis incomplete:", a.reason);
  if (a.block) await recordBlock(env, d.key, a.block);
  outHeaders.set("x-preflight", "forwarded");
  outHeaders.set("x-preflight-class", a.class);
  outHeaders.set("x-preflight-validator", d.validator);
  outHeaders.set("x-preflight-auth", d.auth);
  if (a.retryAfterMs !== undefined && a.retryAfterMs !== null) {
    outHeaders.set("x-preflight-retry-after-ms", String(a.retryAfterMs));
  }
  // 204, 205 and 304 answers may not carry a body, not even an empty one.
  const nullBody = upstream.status === 204 || upstream.status === 205 || upstream.status === 304;
  return new Response(nullBody ? null : outBody, {
    status: upstream.status, statusText: upstream.statusText, headers: withCors(env, request, outHeaders),
  });
}

const WIRE_STATUS = { "bad-input": 400, "unknown-op": 404, internal: 500 };

async function wireOp(request, env, op) {
  if (request.method !== "POST") {
    return problemResponse(env, request, 405, JSON.stringify({
      ok: false, error: { code: "bad-input", message: `${request.method} is not allowed on /v1/${op}; use POST with a JSON body` },
    }), "wire", { allow: "POST, OPTIONS" });
  }
  let body;
  try {
    body = await readBody(request);
  } catch (err) {
    if (!(err instanceof TooLarge)) throw err;
    return problemResponse(env, request, 413, JSON.stringify({
      ok: false, error: { code: "bad-input", message: `request body over ${MAX_BODY} bytes` },
    }), "wire");
  }
  const out = go.call(FN_HANDLE, [op, body ? UTF8.decode(body) : ""]);
  let status = 200;
  if (out.startsWith('{"ok":false')) status = WIRE_STATUS[JSON.parse(out).error.code] ?? 500;
  const headers = new Headers({ "content-type": "application/json; charset=utf-8", "x-preflight": "wire" });
  return new Response(out, { status, headers: withCors(env, request, headers) });
}

function preflight(request, env) {
  const cors = corsHeaders(env, request);
  if (!cors) return new Response(null, { status: 204, headers: { vary: "origin" } });
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      "access-control-allow-methods": "GET, POST, PUT, DELETE, PATCH, OPTIONS",
      "access-control-allow-headers": request.headers.get("access-control-request-headers") ?? "authorization, content-type, x-preflight-key",
      "access-control-max-age": "600",
    },
  });
}

// Asset paths: plain names only, so nothing reaches the disk service that a
// path resolver could turn into a walk outside web/dist.
const ASSET_PATH = /^\/(?:[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\/)*(?:[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*)?$/;
// workerd's disk service sends every file as application/octet-stream.
const MIME = {
  html: "text/html; charset=utf-8", js: "text/javascript; charset=utf-8", mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8", json: "application/json", wasm: "application/wasm", svg: "image/svg+xml",
  png: "image/png", ico: "image/x-icon", txt: "text/plain; charset=utf-8", map: "application/json",
  ts: "text/plain; charset=utf-8", webmanifest: "application/manifest+json",
};

async function asset(request, env, target) {
  if (request.method !== "GET" && request.method !== "HEAD") {
    return new Response("Method Not Allowed\n", { status: 405, headers: { allow: "GET, HEAD" } });
  }
  if (!env.ASSETS) return new Response("Not Found\n", { status: 404 });
  if (env.ASSETS_KIND !== "disk") return env.ASSETS.fetch(request); // Workers static assets (wrangler)
  let path = target.split("?")[0];
  if (!ASSET_PATH.test(path)) return new Response("Not Found\n", { status: 404 });
  if (path.endsWith("/")) path += "index.html";
  const ext = path.slice(path.lastIndexOf("/") + 1).split(".").pop();
  const res = await env.ASSETS.fetch(new Request("http://assets" + path, { method: request.method }));
  if (!res.ok || !path.includes(".", path.lastIndexOf("/"))) {
    // A miss, or a directory (the disk service would list it).
    res.body?.cancel();
    return new Response("Not Found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
  const headers = new Headers(res.headers);
  headers.set("content-type", MIME[ext] ?? "application/octet-stream");
  headers.set("x-content-type-options", "nosniff");
  return new Response(res.body, { status: 200, headers });
}

async function route(request, env) {
  const target = rawTarget(request.url);
  if (request.method === "OPTIONS") return preflight(request, env);
  if (target.startsWith("/2/") || target === "/2") {
    await startGo(env);
    return proxy(request, env, target);
  }
  const v1 = /^\/v1\/([A-Za-z]+)(?:\?.*)?$/.exec(target);
  if (v1) {
    await startGo(env);
    return wireOp(request, env, v1[1]);
  }
  return asset(request, env, target);
}

export default {
  async fetch(request, env) {
    try {
      return await route(request, env);
    } catch (err) {
      console.error("xpreflight: internal error:", String(err && err.stack || err));
      // A configuration error names the setting (never a secret's value), so
      // the operator sees it on the first request; anything else stays vague.
      const detail = err instanceof ConfigError ? `xpreflight is misconfigured: ${err.message}` : "xpreflight failed to handle this request.";
      return new Response(blankProblem(500, "Internal Server Error", detail), {
        status: 500, headers: { "content-type": "application/json; charset=utf-8", "x-preflight": "error" },
      });
    }
  },
};

// RateLimitState is one rate-limit budget (one credential hash × one route):
// the Durable Object every isolate asks before forwarding, so a window X
// reported exhausted is honoured at every edge location until it resets.
// It stores only the hash-named block {until, headers}; never a credential.
export class RateLimitState extends DurableObject {
  async check(now) {
    if (this.block === undefined) this.block = (await this.ctx.storage.get("block")) ?? null;
    if (this.block && this.block.until > now) return this.block;
    if (this.block) {
      this.block = null;
      await this.ctx.storage.delete("block");
    }
    return null;
  }

  async record(block) {
    if (!block || typeof block.until !== "number") throw new TypeError("record(block): block.until must be a number");
    if (this.block === undefined) this.block = (await this.ctx.storage.get("block")) ?? null;
    if (this.block && this.block.until >= block.until) return;
    this.block = { until: block.until, headers: block.headers ?? {} };
    await this.ctx.storage.put("block", this.block);
    try {
      await this.ctx.storage.setAlarm(block.until);
    } catch {
      // Storage without alarms (some local setups): check() clears the block lazily.
    }
  }

  // alarm clears an expired block so idle objects do not keep storage.
  async alarm() {
    this.block = null;
    await this.ctx.storage.deleteAll();
  }
}
