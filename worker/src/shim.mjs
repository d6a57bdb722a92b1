// xpreflight Worker: the JS half, entry module. It routes each request to the module for its job and asks the Go
// half (app.wasm, one instance per isolate; go.mjs) what to do. See README.md.
//   go.mjs        Go start-up and the calls into it (through bridge.mjs, shared with the JS package)
//   proxy.mjs     the validating proxy under /2/
//   v1.mjs        POST /v1/<op>, the wire contract
//   ratelimit.mjs rate-limit block cache and the RateLimitState Durable Object
//   cors.mjs      CORS answers by the Worker's own policy
//   http.mjs      body limits, hop-by-hop fields, the Worker's own problem answers
//   assets.mjs    the linter page
//   observe.mjs   one JSON log line and one Analytics Engine data point per request
import { ConfigError, health, requestLog, startGo } from './go.mjs';
import { preflight } from './cors.mjs';
import { blankProblem } from './http.mjs';
import { proxy } from './proxy.mjs';
import { wireOp } from './v1.mjs';
import { asset } from './assets.mjs';
import { record, requestEvent } from './observe.mjs';

export { RateLimitState } from './ratelimit.mjs';

// rawTarget is the request target exactly as received: request.url is not normalised by workerd, whereas new URL()
// would resolve "..", which is the very thing the path guard must see. workerd builds request.url from the Host
// header and the target, so a Host holding a path ("host/2/tweets") would prepend it to the target: such a Host
// is refused (null) instead.
function rawTarget(request) {
  const url = request.url;
  const afterScheme = url.indexOf('://') + 3;
  const host = request.headers.get('host');
  if (host !== null && /[/\\?#@\s]/.test(host)) return null;
  const slash = url.indexOf('/', afterScheme);
  return slash < 0 ? '/' : url.slice(slash);
}

// healthResponse answers GET /v1/health: 200 when the configuration is valid, 503 when it is not (so a monitor
// notices), with the build's version and access level; never a secret.
function healthResponse(request, env, info) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  const h = health(env, info);
  return new Response(request.method === 'HEAD' ? null : JSON.stringify(h), {
    status: h.configValid ? 200 : 503,
    headers: { 'content-type': 'application/json; charset=utf-8', 'x-preflight': 'wire', 'cache-control': 'no-store' },
  });
}

async function route(request, env, target, info) {
  if (target === null) {
    return new Response(blankProblem(400, 'Bad Request', 'The Host header must be a host name with an optional port, nothing more.'), {
      status: 400, headers: { 'content-type': 'application/json; charset=utf-8', 'x-preflight': 'rejected' },
    });
  }
  if (target === '/v1/health' || target.startsWith('/v1/health?')) return healthResponse(request, env, info);
  if (request.method === 'OPTIONS') {
    startGo(env, info); // the CORS policy is Go's
    return preflight(request);
  }
  if (target.startsWith('/2/') || target === '/2') {
    startGo(env, info);
    return proxy(request, env, target, info);
  }
  const v1 = /^\/v1\/([A-Za-z]+)(?:\?.*)?$/.exec(target);
  if (v1) {
    // Start Go here so the log line marks the request that paid for it; a bad setting answers as everywhere else.
    // Any other failure is left to wireOp, which restarts Go and answers the wire contract whatever happens.
    try {
      startGo(env, info);
    } catch (err) {
      if (err instanceof ConfigError) throw err;
    }
    return wireOp(request, env, v1[1]);
  }
  return asset(request, env, target);
}

export default {
  async fetch(request, env, ctx) {
    const started = Date.now(); // workerd's clock moves only across I/O: this measures waiting, not CPU
    const target = rawTarget(request);
    const info = {}; // what the route learnt, for the log line (cold: this request started the Go instance)
    const response = await answer(request, env, target, info);
    if (target !== null && (target.startsWith('/2') || target.startsWith('/v1/'))) {
      record(env, ctx, requestEvent(request, target, response, info, Date.now() - started), requestLog());
    }
    return response;
  },
};

async function answer(request, env, target, info) {
  try {
    return await route(request, env, target, info);
  } catch (err) {
    // A configuration error was logged once, when Go refused it; anything else is logged each time.
    if (!(err instanceof ConfigError)) console.error('xpreflight: internal error:', String((err && err.stack) || err));
    // A configuration error names the setting (never a secret's value), so the operator sees it on the first
    // request; anything else stays vague.
    const detail = err instanceof ConfigError ? `xpreflight is misconfigured: ${err.message}` : 'xpreflight failed to handle this request.';
    return new Response(blankProblem(500, 'Internal Server Error', detail), {
      status: 500, headers: { 'content-type': 'application/json; charset=utf-8', 'x-preflight': 'error' },
    });
  }
}
