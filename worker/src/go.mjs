// go.mjs: the Go half (app.wasm, worker/main.go) — started once per isolate, at module scope when it can be (below),
// else on the first request that needs it, then reused — and the calls into it. Every call goes through the bridge
// shared with the JS package (bridge.mjs, copied from wasm/ by worker/build.sh).
import './wasm_exec.js';
import wasmModule from './app.wasm';
import { BridgeError, connect } from './bridge.mjs';
import seed from './seed.mjs';

/** A setting Go refused: it stays bad until the Worker is redeployed, and names the setting, never a secret. */
export class ConfigError extends Error {}

let current = null; // { bridge, settings, corsOrigins } while the instance lives
let configError = null;
let version = null; // the Go build's version, once an instance has started
let ops = new Set(); // the wire contract's op names (bridge handshake)

// The environment names Go's proxy.Config reads (worker/proxy/config.go), by its JSON field. Values go to Go
// unparsed: Go checks every one and answers with the checked settings.
const SETTINGS = {
  apiOrigin: 'X_API_ORIGIN', upstreamTimeoutMs: 'UPSTREAM_TIMEOUT_MS', allowedOrigins: 'ALLOWED_ORIGINS',
  preflightKeys: 'PREFLIGHT_KEYS', preflightKey: 'PREFLIGHT_KEY', signingKeys: 'PREFLIGHT_SIGNING_KEYS',
  publicReadOrigins: 'PUBLIC_READ_ORIGINS', bearerToken: 'X_BEARER_TOKEN', apiTier: 'X_API_TIER',
  classifySuccessBodies: 'CLASSIFY_SUCCESS_BODIES', requestLog: 'REQUEST_LOG',
};

// ---- starting Go at module scope ----------------------------------------------------------------------------------
// Starting the Go runtime and its packages costs ~180 ms of CPU (worker/README.md, "Cold start"). At module scope
// that is the isolate's start-up, which Cloudflare bounds separately (1 s) from a request's CPU (10 ms on the Free
// plan). workerd withholds two things there that the Go runtime needs while it starts, so they are supplied:
//   - random bytes (Go asks for 32, for its hash and scheduler seeds): taken from seed.mjs, 64 random bytes
//     worker/build.sh draws from /dev/urandom for each build (never committed; only in the built bundle). Every
//     isolate of one build shares them: the seeds stay unknown to callers, which is what keeps map hashing safe
//     from crafted collisions. A request-time start, or any later call, gets crypto.getRandomValues as usual;
//   - a clock that is not zero (Go refuses to start at time 0): a counter from 1 µs until module scope ends, then
//     the real clock, so the monotonic clock jumps forward once and never back.
// If anything in this fails, the Go instance starts on the first request instead, as before.
let atModuleScope = true;
const seedBytes = hexBytes(seed);

function hexBytes(hex) {
  if (typeof hex !== 'string' || !/^([0-9a-f]{2})+$/.test(hex)) return new Uint8Array(0);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function newGo() {
  const go = new Go();
  const gojs = go.importObject.gojs;
  const nanotime = gojs['runtime.nanotime1'];
  const randomData = gojs['runtime.getRandomData'];
  const memory = () => go._inst.exports.mem.buffer; // re-read: memory may have grown
  let fakeNs = 0;
  let drawn = 0;
  gojs['runtime.nanotime1'] = (sp) => {
    if (!atModuleScope) return nanotime(sp);
    fakeNs += 1000;
    new DataView(memory()).setBigInt64((sp >>> 0) + 8, BigInt(fakeNs), true);
  };
  gojs['runtime.getRandomData'] = (sp) => {
    if (!atModuleScope) return randomData(sp);
    const view = new DataView(memory());
    const at = Number(view.getBigUint64((sp >>> 0) + 8, true));
    const len = Number(view.getBigUint64((sp >>> 0) + 16, true));
    if (drawn + len > seedBytes.length) throw new Error(`Go asked for ${drawn + len} random bytes at module scope; the build seed holds ${seedBytes.length}`);
    new Uint8Array(memory(), at, len).set(seedBytes.subarray(drawn, drawn + len)); // each seed byte used once
    drawn += len;
  };
  return go;
}

// instantiate starts a Go instance and its bridge (not yet configured).
function instantiate() {
  const go = newGo();
  const instance = new WebAssembly.Instance(wasmModule, go.importObject);
  const started = { bridge: null, settings: null, corsOrigins: null };
  started.bridge = connect(go, instance, () => {
    // exited or trapped: the next request starts a fresh one
    if (current === started) current = null;
    if (prestarted === started) prestarted = null;
  });
  version = started.bridge.info.version;
  ops = new Set(started.bridge.info.ops ?? []);
  return started;
}

// WARM_UP runs a first request's Go calls once at module scope — configure (with no settings; the first request
// configures again with the real ones), decide on a search call, annotate a plain success, as sent and gzipped — so
// that compiling those code paths to machine code is start-up work too, not the first request's. The answers are
// discarded and hold no request data. (parseResponse is left out: it would compile response schemas, ~300 ms of
// start-up, that the proxy's classification never uses.)
const SEARCH = '/2/tweets/search/recent?query=from%3AXDevelopers%20-is%3Aretweet&max_results=10';
const WARM_UP = [
  ['configure', ['{}']],
  ['decide', ['GET', SEARCH, '1700000000000', 'authorization: Bearer warm-up\n']],
  ['annotate', ['GET', SEARCH, '200', '1700000000000', '0.5', '',
    'content-type: application/json\nx-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\n', '{"data":[],"meta":{}}']],
  // The same answer gzipped, as X sends it to most clients: Go's inflate is compiled here, not on a first request.
  ['annotate', ['GET', SEARCH, '200', '1700000000000', '0.5', '',
    'content-encoding: gzip\ncontent-type: application/json\nx-rate-limit-remaining: 449\nx-rate-limit-reset: 1700000900\n',
    hexBytes('1f8b0800000000000403ab564a492c4954b28a8ed551ca4d05b1aa6b6b01b50b5a1915000000')]],
];

let prestarted = null; // the instance started at module scope, until the first request configures it
if (seedBytes.length > 0) {
  try {
    prestarted = instantiate();
    for (const [fn, fields] of WARM_UP) prestarted.bridge.call(fn, fields);
  } catch (err) {
    prestarted = null;
    console.error(JSON.stringify({ event: 'go-prestart-failed', error: String(err?.message ?? err) }));
  }
}
atModuleScope = false;
// One line per isolate: operators see isolates start, with the build's version and whether Go started here. It is
// also the isolate's first console.log, which costs ~5 ms of CPU (worker/bench/cold.mjs: first request 18.9–22.9 →
// 13.4–13.9 ms on the busiest thread): start-up work here, rather than the first request's.
console.log(JSON.stringify({ event: 'isolate-start', version, goStarted: prestarted !== null }));

// startGo configures the Go instance started at module scope (or, without one, starts one now: cold). It is
// synchronous: Go's main runs until it blocks in bridge.Serve, and the handshake is one call. A configuration
// error is logged here, once per isolate, as one JSON line naming the settings (never a secret's value); every
// request then answers 500 with it.
export function startGo(env, info = {}) {
  if (current) return current;
  if (configError) throw configError; // keep the answer rather than start a Go instance per request
  let started = prestarted;
  prestarted = null;
  if (!started || !started.bridge.alive()) {
    info.cold = true; // this request pays for the start (the log line says so)
    started = instantiate();
  }
  const config = {};
  for (const [field, name] of Object.entries(SETTINGS)) config[field] = typeof env[name] === 'string' ? env[name] : '';
  config.publicRateLimiter = typeof env.PUBLIC_RATE_LIMIT?.limit === 'function'; // a binding, not a setting
  let settings;
  try {
    settings = started.bridge.result('configure', [JSON.stringify(config)]);
  } catch (err) {
    if (err.code === 'bad-input') {
      configError = new ConfigError(err.reason);
      console.error(JSON.stringify({ event: 'config-error', version, problem: err.reason }));
    }
    throw configError ?? err;
  }
  started.settings = settings;
  started.corsOrigins = new Set(settings.corsOrigins);
  current = started;
  return current;
}

/** What /v1/health reports: the build, the access level, and whether the configuration is valid. No secret. */
export function health(env, info = {}) {
  try {
    startGo(env, info);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
  }
  return {
    version: version ?? 'unknown',
    accessLevel: current?.settings.tier ?? null,
    configValid: configError === null && current !== null,
    problem: configError?.message ?? null,
  };
}

/** The checked settings (apiOrigin, timeoutMs, tier, classifySuccessBodies, requestLog) of the running instance. */
export function settings() {
  return running().settings;
}

/** REQUEST_LOG as Go checked it ("all" or "problems"), or null while no configured instance runs. */
export function requestLog() {
  return current?.settings.requestLog ?? null;
}

/** Whether op is one of the wire contract's ops (so a log line may name it). */
export function knownOp(op) {
  return ops.has(op);
}

/** The Go build's version, or null before the first start. */
export function goVersion() {
  return version;
}

function running() {
  if (!current) throw new Error('xpreflight: the Go instance is not running (startGo first)');
  return current;
}

/** The origins Go's configuration grants CORS answers (empty before Go started). */
export function corsOrigins() {
  return current?.corsOrigins ?? new Set();
}

/**
 * proxy.Decision for one /2/ request. lines are the headers that would be forwarded (so Go judges what X would
 * get) plus the Worker's own credential headers, in http.mjs's compact form; body is the request's bytes or null. When the Go instance fails on
 * the request (a trap such as stack exhaustion, or a fatal error: it has stopped and is forgotten), a fresh instance
 * decides without the validator, so the request is forwarded as DESIGN.md says (validator "unavailable"), still
 * behind the path guard and the credential rules.
 */
export function decide(method, target, lines, now, body, env) {
  const fields = [method, target, String(now), lines];
  if (body) fields.push(body);
  try {
    return running().bridge.result('decide', fields);
  } catch (err) {
    if (!(err instanceof BridgeError) || err.code !== 'internal' || current) throw err; // Go is alive: a real error
    console.error('xpreflight: the Go instance failed; restarting it and forwarding unchecked:', err.reason);
    return startGo(env).bridge.result('decideUnchecked', fields);
  }
}

/**
 * proxy.Annotation (+ roomUntil) for X's answer: its status, all its headers as compact lines (http.mjs), and its
 * body's bytes as X sent them (Go decodes a coded one for the class), or null when it was streamed unread. If the Go
 * instance fails on it (trap or fatal error), class "unknown" and the reason.
 */
export function annotate(method, target, status, lines, stream, now, body) {
  const fields = [method, target, String(status), String(now), String(Math.random()), stream ? '1' : '', lines];
  if (body !== null) fields.push(body);
  try {
    return running().bridge.result('annotate', fields);
  } catch (err) {
    if (!(err instanceof BridgeError) || err.code !== 'internal' || current) throw err; // Go is alive: a real error
    // X has answered already: its answer goes back unread rather than be lost (the next request starts a fresh Go).
    return { class: 'unknown', reason: `the Go instance failed while reading X's answer: ${err.reason}` };
  }
}

/** proxy.LocalAnswer: the local 429 for a block still in force. */
export function local(block, now) {
  return running().bridge.result('local', [JSON.stringify(block), String(now)]);
}

/**
 * The wire contract's answer (JSON text) to POST /v1/<op>, always: a Go instance that fails on the call (trap or
 * fatal error) is forgotten, so the next request starts a fresh one, and this call answers {"ok":false,"error":
 * {"code":"internal",…}} (or bad-input for arguments the bridge refuses before copying them into Go).
 */
export function wire(op, body, env) {
  try {
    return startGo(env).bridge.call('wire', body ? [op, body] : [op, '']);
  } catch (err) {
    const code = err instanceof BridgeError && err.code !== 'internal' ? err.code : 'internal';
    let message = String(err?.reason ?? err?.message ?? err);
    if (err instanceof ConfigError) message = `xpreflight is misconfigured: ${err.message}`; // names the setting, never a secret
    else if (code === 'internal') {
      console.error('xpreflight: /v1/' + op + ' failed in Go:', message);
      message = `${op} failed inside xpreflight (its Go instance restarts on the next request); retry, and report it if it persists`;
    }
    return JSON.stringify({ ok: false, error: { code, message } });
  }
}
