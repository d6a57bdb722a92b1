// xpreflight: catch a bad X API v2 call before it costs quota, read X's answer, and know when to retry.
// One Go core compiled to WebAssembly; this module loads it and exposes its ops as plain functions.
// The wire contract (inputs and results of every op) is documented in xpreflight.d.ts.
import { connect } from './bridge.mjs';

// Replaced by wasm/build.sh with the package version; the .wasm must carry the same one.
const VERSION = '0.0.0-dev';

/** Error codes a misuse or failure carries (findings about a query or request are results, never errors). */
export const ErrorCodes = Object.freeze({
  BAD_INPUT: 'bad-input', // the input object is malformed (unknown field, wrong type, bad enum value)
  UNKNOWN_OP: 'unknown-op',
  INTERNAL: 'internal', // a bug in xpreflight, or the Go runtime stopped
  NOT_INITIALIZED: 'not-initialized', // an op was called before init() resolved
  QUERY_ONLY: 'query-only', // an op other than validateQuery was called while only the query-only module is loaded
  INIT_FAILED: 'init-failed', // the .wasm could not be loaded or started
  INVALID_REQUEST: 'invalid-request', // createClient: X would reject the request; see .problem
  NETWORK: 'network', // createClient: every attempt failed without a response
});

/** The one error type xpreflight throws; `code` is one of ErrorCodes. */
export class XPreflightError extends Error {
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'XPreflightError';
    this.code = code;
    for (const [key, value] of Object.entries(details)) {
      if (key !== 'cause') this[key] = value;
    }
  }
}

// --- loading --------------------------------------------------------------------------------------

// Two modules can be loaded side by side: 'full' (xpreflight.wasm, every op) and 'query' (xpreflight-query.wasm,
// validateQuery only, built without JSON Schema, so it starts several times faster). Each slot holds
// { runtime: { call(op, json) → json text, version, ops } once init() succeeded, promise }.
const slots = { full: { runtime: null, promise: null }, query: { runtime: null, promise: null } };
let GoClass = null; // Go's class from the wasm_exec.js copied beside this module

/**
 * Loads and starts the WebAssembly module. Idempotent per module: every call returns the same promise, and once
 * it resolves the ops are synchronous. A failed init rejects with XPreflightError('init-failed') and may be retried.
 * `source` (or `{ wasm: source }`): a URL or string, bytes (ArrayBuffer, typed array, Response or a promise of
 * one), or a compiled WebAssembly.Module (what Workers get from `import wasm from './xpreflight.wasm'`).
 * Default: xpreflight.wasm beside this module. `{ module: 'query' }` loads the query-only module instead
 * (default xpreflight-query.wasm): only validateQuery, but ready sooner; the two can be loaded side by side,
 * and validateQuery uses the full one once it is ready.
 */
export function init(opts, locators) {
  let kind, source;
  try {
    ({ kind, source } = optionsOf(locators?.only ? onlyModule(opts, locators.only) : opts, locators));
  } catch (err) {
    return Promise.reject(err); // init() always answers with a promise
  }
  const slot = slots[kind];
  if (!slot.promise) {
    slot.promise = start(kind, source).then(
      (rt) => {
        slot.runtime = rt;
      },
      (err) => {
        slot.promise = null; // let the caller retry
        throw err instanceof XPreflightError
          ? err
          : new XPreflightError(ErrorCodes.INIT_FAILED, `xpreflight: loading the WebAssembly module failed: ${err?.message ?? err}`, { cause: err });
      },
    );
  }
  return slot.promise;
}

/** The package version (also the version the .wasm was built with). */
export function version() {
  return VERSION;
}

async function start(kind, source) {
  if (!GoClass) {
    // Loaded on demand so that importing this module has no side effects (package.json says so);
    // wasm_exec.js defines globalThis.Go. Keep our own reference: another Go program on the page may
    // later install a different wasm_exec.js.
    const present = new Set(SHIM_GLOBALS.filter((name) => name in globalThis));
    await import('./wasm_exec.js');
    GoClass = globalThis.Go;
    if (typeof GoClass !== 'function') throw new Error('wasm_exec.js did not define globalThis.Go');
    // Every copy of this module shares one wasm_exec.js (one URL), which ran once: the first copy took its
    // globals, and keeps them on Go's class for the others.
    GoClass[SHIMS_KEY] ??= takeShims(present);
    shims = GoClass[SHIMS_KEY];
  }
  const go = new GoClass();
  confineWrites(go);
  const instance = source instanceof DefaultSource ? await instantiateDefault(kind, source.locate, go.importObject) : await instantiate(source, go.importObject);
  return withShims(() => run(go, instance));
}

// --- Go's shim globals ----------------------------------------------------------------------------
// wasm_exec.js installs globalThis.fs, process and path when they are missing (Go's syscall package reads
// them when the program starts). Left in place they fool other libraries' environment checks (a browser
// page that suddenly has `process`), so they exist only while a Go program starts, and `fs` only while Go
// writes to stdout or stderr (runtime.wasmWrite looks it up then).
const SHIM_GLOBALS = ['fs', 'process', 'path'];
let shims = {}; // the globals wasm_exec.js added, by name, kept out of globalThis between uses
const SHIMS_KEY = Symbol.for('xpreflight.wasm_exec.shims');

function takeShims(present) {
  const taken = {};
  for (const name of SHIM_GLOBALS) {
    if (!present.has(name) && name in globalThis) {
      taken[name] = globalThis[name];
      delete globalThis[name];
    }
  }
  return taken;
}

function withShims(fn) {
  const added = Object.keys(shims).filter((name) => !(name in globalThis));
  for (const name of added) globalThis[name] = shims[name];
  try {
    return fn();
  } finally {
    for (const name of added) delete globalThis[name];
  }
}

function confineWrites(go) {
  const imports = go.importObject.gojs ?? go.importObject.go;
  const write = imports?.['runtime.wasmWrite'];
  if (typeof write === 'function') imports['runtime.wasmWrite'] = (sp) => withShims(() => write(sp));
}

// onlyModule makes init()'s argument one for the module kind whatever it names: the `xpreflight/query` entries
// (query.mjs, query.workerd.mjs; locators.only = 'query') load the query-only module on every init().
function onlyModule(opts, kind) {
  if (opts === undefined || opts === null) return { module: kind };
  const plain = typeof opts === 'object' && (Object.getPrototypeOf(opts) === Object.prototype || Object.getPrototypeOf(opts) === null);
  return plain ? { ...opts, module: kind } : { module: kind, wasm: opts };
}

// optionsOf validates init()'s argument synchronously (a bad one throws before anything loads) and returns
// which module slot it is for and where the .wasm comes from.
// locators: the package entry's own { full?, query? } functions that say where each module is (and only?, above).
function optionsOf(opts, locators) {
  if (opts === undefined || opts === null) return { kind: 'full', source: new DefaultSource(locators?.full) };
  if (typeof opts === 'object' && !isLoadable(opts)) {
    const unknown = Object.keys(opts).filter((k) => k !== 'wasm' && k !== 'module');
    if (unknown.length) {
      throw new XPreflightError(ErrorCodes.BAD_INPUT, `init(opts): unknown option(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected { wasm, module }`);
    }
    const kind = opts.module ?? 'full';
    if (!Object.hasOwn(slots, kind)) {
      throw new XPreflightError(ErrorCodes.BAD_INPUT, `init(opts): module must be 'full' or 'query', got ${describe(opts.module)}`);
    }
    return { kind, source: opts.wasm === undefined || opts.wasm === null ? new DefaultSource(locators?.[kind]) : sourceOf(opts.wasm) };
  }
  return { kind: 'full', source: sourceOf(opts) };
}

function sourceOf(source) {
  if (!isLoadable(source)) {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `init(source): expected a URL, string, bytes, Response or WebAssembly.Module, got ${describe(source)}`);
  }
  return source;
}

function isLoadable(x) {
  return (
    typeof x === 'string' ||
    x instanceof URL ||
    x instanceof ArrayBuffer ||
    ArrayBuffer.isView(x) ||
    x instanceof WebAssembly.Module ||
    (typeof Response !== 'undefined' && x instanceof Response) ||
    typeof x?.then === 'function'
  );
}

// The package entries (index.mjs, query.mjs, *.workerd.mjs) pass init() their own locators: functions returning
// the .wasm in the form their bundler follows (`new URL('./xpreflight.wasm', import.meta.url)`, or the module a
// Worker imported). Imported directly, this module falls back to a URL built from a variable, which bundlers do
// not follow, so that an app loading one module never ships the other.

// DefaultSource: no source given; the .wasm is where the package keeps it (locate, or beside this module).
class DefaultSource {
  constructor(locate) {
    this.locate = typeof locate === 'function' ? locate : null;
  }
}

const WASM_FILES = { full: './xpreflight.wasm', query: './xpreflight-query.wasm' };

// instantiateDefault loads the module from where the package keeps it; a failure says why and what to do.
async function instantiateDefault(kind, locate, imports) {
  let where;
  try {
    where = locate ? locate() : new URL(WASM_FILES[kind], import.meta.url);
  } catch (err) {
    throw new XPreflightError(ErrorCodes.INIT_FAILED, `xpreflight: cannot tell where ${WASM_FILES[kind].slice(2)} is (${err?.message ?? err}). ${locationHint(kind, null)}`, { cause: err });
  }
  try {
    return await instantiate(where, imports);
  } catch (err) {
    if (err instanceof XPreflightError) throw err;
    throw new XPreflightError(ErrorCodes.INIT_FAILED, `xpreflight: loading ${where instanceof URL ? where.href : WASM_FILES[kind].slice(2)} failed: ${err?.message ?? err}. ${locationHint(kind, where, err)}`, { cause: err });
  }
}

// locationHint names the tool that most likely lost the .wasm and the one change that fixes it.
function locationHint(kind, url, err) {
  const file = WASM_FILES[kind].slice(2);
  const pass = `Or serve ${file} yourself and pass it: init({ wasm: '/assets/${file}' })${kind === 'query' ? " from 'xpreflight/query'" : ''}.`;
  const message = String(err?.message ?? '');
  if (globalThis.navigator?.userAgent === 'Cloudflare-Workers' || (url === null && typeof globalThis.WebSocketPair === 'function')) {
    return `In a Cloudflare Worker, bundle with wrangler (its 'workerd' export condition imports the .wasm as a module), or import it yourself: import wasm from 'xpreflight/${file}'; await init(${kind === 'query' ? '{ module: \'query\', wasm }' : 'wasm'}).`;
  }
  if (url !== null && !(url instanceof URL)) return pass; // a module or bytes from the entry: nothing to locate
  if (url === null) {
    return `import.meta.url is not available, so your bundle is not an ES module: with esbuild add --format=esm (its default is iife); with webpack or Rollup output ES modules. ${pass}`;
  }
  if (/HTTP 403/.test(message) && url.pathname.includes('/@fs/')) {
    return `Vite's dev server refuses files outside the project (a linked install): add the package's real folder to server.fs.allow in vite.config, or install the package rather than linking it. ${pass}`;
  }
  if (url.pathname.endsWith(`/${file}`) && /HTTP 404|ENOENT|magic word/.test(message)) {
    return `Your bundler left new URL('./${file}', import.meta.url) as it is and copied nothing (esbuild does, and Rollup without an asset plugin; Vite and webpack 5 copy it): copy the file next to your bundle, e.g. cp node_modules/xpreflight/${file} dist/. ${pass}`;
  }
  return pass;
}

async function instantiate(source, imports) {
  source = await source; // a promise of a Response
  if (source instanceof WebAssembly.Module) return WebAssembly.instantiate(source, imports); // → Instance
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) {
    return (await WebAssembly.instantiate(source, imports)).instance;
  }
  if (typeof Response !== 'undefined' && source instanceof Response) return instantiateResponse(source, imports);
  return instantiateResponse(await fetchWasm(source), imports);
}

async function fetchWasm(location) {
  const url = toURL(location);
  if (url?.protocol === 'file:' || (url === null && isNode())) {
    // Node: fetch() cannot read files. The specifier is a variable so that browser bundlers leave it alone.
    const fsModule = 'node:fs/promises';
    const { readFile } = await import(/* webpackIgnore: true */ /* @vite-ignore */ fsModule);
    return readFile(url ?? location);
  }
  return fetch(url ?? location);
}

// toURL resolves a string against the page (browsers) and keeps it as a path in Node (null = a file path).
function toURL(location) {
  if (location instanceof URL) return location;
  try {
    return new URL(location);
  } catch {
    if (globalThis.location?.href) return new URL(location, globalThis.location.href);
    return null;
  }
}

function isNode() {
  return typeof globalThis.process?.versions?.node === 'string';
}

async function instantiateResponse(response, imports) {
  if (response instanceof Uint8Array) return (await WebAssembly.instantiate(response, imports)).instance; // Node readFile
  if (!response.ok) throw new Error(`fetching ${response.url || 'the .wasm'} answered HTTP ${response.status}`);
  const type = response.headers.get('content-type') ?? '';
  if (typeof WebAssembly.instantiateStreaming === 'function' && type.split(';')[0].trim() === 'application/wasm') {
    return (await WebAssembly.instantiateStreaming(response, imports)).instance; // compiles while downloading
  }
  return (await WebAssembly.instantiate(await response.arrayBuffer(), imports)).instance;
}

// run starts the Go program through the shared bridge (bridge.mjs) and checks the handshake's version.
function run(go, instance) {
  go.argv = ['xpreflight'];
  go.env = {};
  let rt = null;
  const bridge = connect(go, instance, () => rt && stopped(rt));
  const { version, ops } = bridge.info;
  rt = { version, ops, call: null };
  rt.call = (op, json) => {
    try {
      return bridge.call('wire', [op, json]);
    } catch (err) {
      if (err?.code && err.code !== ErrorCodes.INTERNAL) throw new XPreflightError(err.code, `${op}: ${err.reason ?? err.message}`, { cause: err, op });
      throw new XPreflightError(ErrorCodes.INTERNAL, `xpreflight's WebAssembly runtime stopped during ${op} (${err.message}); call init() again`, { cause: err, op });
    }
  };
  if (version !== VERSION) {
    throw new XPreflightError(ErrorCodes.INIT_FAILED, `xpreflight.wasm is version ${version} but xpreflight.mjs is ${VERSION}; serve the two files of one build together`);
  }
  return rt;
}

// stopped forgets a runtime that can no longer answer, so that init() starts a fresh one.
function stopped(rt) {
  for (const slot of Object.values(slots)) {
    if (slot.runtime === rt) {
      slot.runtime = null;
      slot.promise = null;
    }
  }
}

// --- ops ------------------------------------------------------------------------------------------

// runtimeFor picks the loaded module that holds op: the full one when it is ready, else the query-only one.
function runtimeFor(op) {
  const loaded = [slots.full.runtime, slots.query.runtime].filter(Boolean);
  const rt = loaded.find((r) => r.ops.includes(op));
  if (rt) return rt;
  if (loaded.length === 0) {
    throw new XPreflightError(ErrorCodes.NOT_INITIALIZED, `xpreflight.${op}() was called before init() resolved; await init() first`, { op });
  }
  throw new XPreflightError(
    ErrorCodes.QUERY_ONLY,
    `xpreflight.${op}() needs the full module, but only the query-only one (validateQuery) is loaded; await init() (without { module: 'query' }) first`,
    { op },
  );
}

function callOp(op, input) {
  const runtime = runtimeFor(op);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `${op}(input): input must be an object, got ${describe(input)}`, { op });
  }
  let json;
  try {
    json = JSON.stringify(input);
  } catch (err) {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `${op}(input): input cannot be encoded as JSON: ${err.message}`, { op, cause: err });
  }
  const response = JSON.parse(runtime.call(op, json));
  if (!response.ok) {
    throw new XPreflightError(response.error.code, `${op}: ${response.error.message}`, { op });
  }
  return response.result;
}

/** Lints a search query or stream rule. */
export function validateQuery(input) {
  return callOp('validateQuery', input);
}

/** Checks a request (method, URL, headers, body) against X's API before it is sent. */
export function validateRequest(input) {
  return callOp('validateRequest', input);
}

/**
 * Measures a post's text as X does (twitter-text's weighted length: URLs 23, emoji sequences and most
 * non-Latin characters 2) and lists its URLs, mentions, hashtags and cashtags with UTF-16 spans.
 * `opts`: `{ config?: 'v2' | 'v3', longPosts?: boolean }` (longPosts unset: over 280 is a warning).
 * Like the other ops it also takes the wire input itself: `validatePost({ text, config, longPosts })`.
 */
export function validatePost(text, opts = {}) {
  if (text !== null && typeof text === 'object' && !Array.isArray(text) && arguments.length === 1) {
    return callOp('validatePost', text);
  }
  if (typeof text !== 'string') {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `validatePost(text, opts): text must be a string, got ${describe(text)}; pass the post's text`, { op: 'validatePost' });
  }
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `validatePost(text, opts): opts must be an object such as { longPosts: false }, got ${describe(opts)}`, { op: 'validatePost' });
  }
  return callOp('validatePost', { ...opts, text });
}

/** Classifies X's answer: problems, partial errors, rate-limit state, schema check. */
export function parseResponse(input) {
  return callOp('parseResponse', input);
}

/** Says whether and when to retry. Fills `now` (Date.now()) and `random` (Math.random()) when absent. */
export function adviseRetry(input) {
  if (input !== null && typeof input === 'object' && !Array.isArray(input) && (input.now === undefined || input.random === undefined)) {
    input = { ...input, now: input.now ?? Date.now(), random: input.random ?? Math.random() };
  }
  return callOp('adviseRetry', input);
}

/** Applies a query's fixes (the safe ones, or all with `apply: 'all'`) and re-validates. */
export function fixQuery(input) {
  return callOp('fixQuery', input);
}

/** Applies a request's fixes (the safe ones, or all with `apply: 'all'`) and re-validates. */
export function fixRequest(input) {
  return callOp('fixRequest', input);
}

function describe(x) {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  if (typeof x === 'object') return x.constructor?.name ? `a ${x.constructor.name}` : 'an object';
  return `${typeof x} ${String(x).slice(0, 40)}`;
}

// --- client ---------------------------------------------------------------------------------------

/**
 * An X API client that validates every request before sending it, parses every answer and retries as
 * adviseRetry says. Call init() first.
 */
export function createClient(options = {}) {
  const settings = clientSettings(options);
  return {
    request: (method, url, init) => send(settings, method, url, init),
  };
}

const clientOptions = ['fetch', 'baseUrl', 'bearerToken', 'maxAttempts', 'onRetry', 'signal', 'tier', 'policy', 'sleep', 'fix'];

function clientSettings(options) {
  if (options === null || typeof options !== 'object') {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `createClient(options): options must be an object, got ${describe(options)}`);
  }
  const unknown = Object.keys(options).filter((k) => !clientOptions.includes(k));
  if (unknown.length) {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `createClient(options): unknown option(s) ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected ${clientOptions.join(', ')}`);
  }
  const s = {
    fetch: options.fetch ?? globalThis.fetch,
    baseUrl: new URL(options.baseUrl ?? 'https://api.x.com'),
    bearerToken: options.bearerToken,
    maxAttempts: options.maxAttempts, // undefined: adviseRetry's default policy decides (5 attempts)
    onRetry: options.onRetry,
    signal: options.signal,
    tier: options.tier,
    // adviseRetry's policy overrides; maxAttempts, when given, wins over policy.maxAttempts.
    policy: options.maxAttempts === undefined ? options.policy : { ...options.policy, maxAttempts: options.maxAttempts },
    sleep: options.sleep ?? sleep,
    fix: options.fix, // undefined: send the request as given
  };
  const check = (ok, what) => {
    if (!ok) throw new XPreflightError(ErrorCodes.BAD_INPUT, `createClient(options): ${what}`);
  };
  check(typeof s.fetch === 'function', 'fetch must be a function (no global fetch here)');
  check(s.maxAttempts === undefined || (Number.isInteger(s.maxAttempts) && s.maxAttempts >= 1), `maxAttempts must be an integer ≥ 1, got ${describe(options.maxAttempts)}`);
  check(s.onRetry === undefined || typeof s.onRetry === 'function', 'onRetry must be a function');
  check(typeof s.sleep === 'function', 'sleep must be a function');
  check(s.policy === undefined || (typeof s.policy === 'object' && s.policy !== null && !Array.isArray(s.policy)), 'policy must be an object (adviseRetry\'s policy fields)');
  check(s.bearerToken === undefined || typeof s.bearerToken === 'string', 'bearerToken must be a string');
  check(s.fix === undefined || s.fix === 'safe' || s.fix === 'all', `fix must be 'safe' or 'all', got ${describe(options.fix)}`);
  return s;
}

async function send(s, method, url, init) {
  init ??= {};
  if (typeof method !== 'string' || method === '') {
    throw new XPreflightError(ErrorCodes.BAD_INPUT, `request(method, url): method must be a non-empty string, got ${describe(method)}`);
  }
  method = method.toUpperCase();
  let target = new URL(url, s.baseUrl);
  let path = target.pathname + target.search;
  const signal = anySignal([s.signal, init.signal]);
  const { headers, body } = outgoing(s, target, init);
  let fixed;
  if (s.fix !== undefined) {
    // Fixes edit only what the caller sent, and only as they say; what changed is reported on the answer.
    fixed = fixRequest({ method, url: path, headers: redacted(headers), ...(body === undefined ? {} : { body }), ...(s.tier === undefined ? {} : { tier: s.tier }), apply: s.fix });
    if (fixed.applied.length > 0) {
      target = new URL(fixed.url, target.origin);
      path = target.pathname + target.search;
    }
  }
  const fixes = fixed?.applied ?? [];

  if (s.policy !== undefined && !s.policyChecked) {
    adviseRetry({ attempt: 1, now: 0, random: 0, policy: s.policy }); // a bad policy field throws bad-input before anything is sent
    s.policyChecked = true;
  }
  const check = validateRequest({
    method,
    url: path,
    headers: redacted(headers),
    ...(body === undefined ? {} : { body }),
    ...(s.tier === undefined ? {} : { tier: s.tier }),
    now: Date.now(),
  });
  if (!check.valid) throw rejected(method, path, check);

  let previousDelayMs = 0;
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    let answer = null;
    let failure = null;
    try {
      answer = await exchange(s, target, method, headers, body, signal, path);
    } catch (err) {
      if (signal?.aborted) throw signal.reason;
      failure = err;
    }
    if (answer && answer.status >= 200 && answer.status < 300) return { ...answer, attempts: attempt, fixes };

    const advice = adviseRetry({
      attempt,
      method,
      url: path,
      ...(answer ? { status: answer.status, headers: answer.headers, body: answer.body } : {}),
      now: Date.now(),
      random: Math.random(),
      previousDelayMs,
      ...(s.policy === undefined ? {} : { policy: s.policy }),
    });
    if (!advice.retry || attempt >= (s.maxAttempts ?? Infinity)) {
      if (answer) return { ...answer, attempts: attempt, advice, fixes };
      throw new XPreflightError(ErrorCodes.NETWORK, `${method} ${path}: no response after ${attempt} attempt(s): ${failure?.message ?? failure}`, { cause: failure, attempts: attempt, advice });
    }
    await s.onRetry?.({ attempt, delayMs: advice.delayMs, notBefore: advice.notBefore, reason: advice.reason, detail: advice.detail, status: answer?.status, parsed: answer?.parsed, error: failure ?? undefined });
    previousDelayMs = advice.delayMs;
    await s.sleep(Math.max(0, advice.delayMs), signal);
  }
}

// outgoing builds the headers and body to send. The bearer token goes only to baseUrl's origin.
function outgoing(s, target, init) {
  const headers = {};
  for (const [name, value] of new Headers(init.headers ?? {})) headers[name] = value;
  const body = outgoingBody(init.body, headers);
  if (s.bearerToken && target.origin === s.baseUrl.origin && headers.authorization === undefined) {
    headers.authorization = `Bearer ${s.bearerToken}`;
  }
  return { headers, body };
}

// outgoingBody turns the body into the text that is both validated and sent: strings as they are, form
// parameters form-encoded, plain objects and arrays as JSON. Binary and streaming bodies cannot be validated,
// so they are refused by name rather than sent unchecked or mangled into "{}".
function outgoingBody(body, headers) {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return body;
  if (body instanceof URLSearchParams) {
    headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    return body.toString();
  }
  const proto = Object.getPrototypeOf(body);
  if (typeof body === 'object' && (Array.isArray(body) || proto === Object.prototype || proto === null)) {
    headers['content-type'] ??= 'application/json';
    return JSON.stringify(body);
  }
  throw new XPreflightError(ErrorCodes.BAD_INPUT, `request(…, { body }): the body must be a string, URLSearchParams, or a plain object or array (sent as JSON); got ${describe(body)}, which xpreflight cannot validate — send it with your own fetch`);
}

// redacted keeps credentials out of whatever the validator might echo in a message.
function redacted(headers) {
  const out = { ...headers };
  if (out.authorization !== undefined) out.authorization = out.authorization.replace(/^(\S+\s+).*$/, '$1[redacted]');
  return out;
}

function rejected(method, path, check) {
  const errors = check.diagnostics.filter((d) => d.severity === 'error');
  const first = errors[0]?.message ?? 'X would reject this request';
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return new XPreflightError(ErrorCodes.INVALID_REQUEST, `${method} ${path}: ${first}${more}; not sent`, {
    problem: check.problem,
    diagnostics: check.diagnostics,
    route: check.route,
  });
}

async function exchange(s, target, method, headers, body, signal, path) {
  const fetchFn = s.fetch;
  const res = await fetchFn(target.href, { method, headers, body, signal });
  const text = await res.text();
  const headerObject = {};
  for (const [name, value] of res.headers) headerObject[name] = value;
  const parsed = parseResponse({ status: res.status, headers: headerObject, body: text, method, url: path });
  return { status: res.status, headers: headerObject, body: text, parsed };
}

function anySignal(signals) {
  const live = signals.filter(Boolean);
  if (live.length <= 1) return live[0];
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(live);
  const controller = new AbortController();
  for (const sig of live) {
    if (sig.aborted) {
      controller.abort(sig.reason);
      break;
    }
    sig.addEventListener('abort', () => controller.abort(sig.reason), { once: true });
  }
  return controller.signal;
}

/** Waits ms milliseconds; rejects with the signal's reason when it aborts first. */
function sleep(ms, signal) {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
