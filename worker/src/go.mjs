// go.mjs: the Go half (app.wasm, worker/main.go) — started once per isolate on the first request that needs it,
// then reused — and the calls into it. Every call goes through the bridge shared with the JS package
// (bridge.mjs, copied from wasm/ by worker/build.sh).
import './wasm_exec.js';
import wasmModule from './app.wasm';
import { BridgeError, connect } from './bridge.mjs';

/** A setting Go refused: it stays bad until the Worker is redeployed, and names the setting, never a secret. */
export class ConfigError extends Error {}

let current = null; // { bridge, corsOrigins } while the instance lives
let configError = null;

// startGo instantiates and configures the Go program. It cannot run at module scope: workerd forbids timers and
// randomness there, and the Go runtime needs both while it starts. It is synchronous: Go's main runs until it
// blocks in bridge.Serve, and the handshake is one call.
export function startGo(env) {
  if (current) return current;
  if (configError) throw configError; // keep the answer rather than start a Go instance per request
  const go = new Go();
  const instance = new WebAssembly.Instance(wasmModule, go.importObject);
  const started = { bridge: null, corsOrigins: null };
  started.bridge = connect(go, instance, () => {
    if (current === started) current = null; // exited or trapped: the next request starts a fresh one
  });
  let config;
  try {
    config = started.bridge.result('configure', [JSON.stringify({
      allowedOrigins: env.ALLOWED_ORIGINS ?? '',
      preflightKeys: env.PREFLIGHT_KEYS ?? '',
      preflightKey: env.PREFLIGHT_KEY ?? '',
      signingKeys: env.PREFLIGHT_SIGNING_KEYS ?? '',
      publicReadOrigins: env.PUBLIC_READ_ORIGINS ?? '',
      publicRateLimiter: typeof env.PUBLIC_RATE_LIMIT?.limit === 'function',
      bearerToken: env.X_BEARER_TOKEN ?? '',
      apiTier: env.X_API_TIER ?? '',
    })]);
  } catch (err) {
    if (err.code === 'bad-input') configError = new ConfigError(err.reason);
    throw configError ?? err;
  }
  started.corsOrigins = new Set(config.corsOrigins);
  current = started;
  return current;
}

function running() {
  if (!current) throw new Error('xpreflight: the Go instance is not running (startGo first)');
  return current;
}

/** The origins Go's configuration grants CORS answers (empty before Go started). */
export function corsOrigins() {
  return current?.corsOrigins ?? new Set();
}

// headerLines is the compact "name: value\n…" form Go's proxy.ParseHeaderLines reads (HTTP field values can
// hold neither a newline nor a NUL).
function headerLines(headers) {
  let out = '';
  for (const [k, v] of headers) out += k + ': ' + v + '\n';
  return out;
}

/**
 * proxy.Decision for one /2/ request. headers are the ones that would be forwarded (so Go judges what X would
 * get) plus the Worker's own credential headers; body is the request's bytes or null. When the Go instance fails on
 * the request (a trap such as stack exhaustion, or a fatal error: it has stopped and is forgotten), a fresh instance
 * decides without the validator, so the request is forwarded as DESIGN.md says (validator "unavailable"), still
 * behind the path guard and the credential rules.
 */
export function decide(method, target, headers, now, body, env) {
  const fields = [method, target, String(now), headerLines(headers)];
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
 * proxy.Annotation (+ roomUntil) for X's answer; body is its bytes, or null when it was streamed unread. If the Go
 * instance fails on it (trap or fatal error), class "unknown" and the reason.
 */
export function annotate(method, target, upstream, stream, now, body) {
  const fields = [method, target, String(upstream.status), String(now), String(Math.random()), stream ? '1' : '', headerLines(upstream.headers)];
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
