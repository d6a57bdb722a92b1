// xpreflight Worker: the JS half, entry module. It routes each request to the module for its job and asks the Go
// half (app.wasm, one instance per isolate; go.mjs) what to do. See README.md.
//   go.mjs        Go start-up and the calls into it (through bridge.mjs, shared with the JS package)
//   proxy.mjs     the validating proxy under /2/
//   v1.mjs        POST /v1/<op>, the wire contract
//   ratelimit.mjs rate-limit block cache and the RateLimitState Durable Object
//   cors.mjs      CORS answers by the Worker's own policy
//   http.mjs      body limits, hop-by-hop fields, the Worker's own problem answers
//   assets.mjs    the linter page
import { ConfigError, startGo } from './go.mjs';
import { preflight } from './cors.mjs';
import { blankProblem } from './http.mjs';
import { proxy } from './proxy.mjs';
import { wireOp } from './v1.mjs';
import { asset } from './assets.mjs';

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

async function route(request, env) {
  const target = rawTarget(request);
  if (target === null) {
    return new Response(blankProblem(400, 'Bad Request', 'The Host header must be a host name with an optional port, nothing more.'), {
      status: 400, headers: { 'content-type': 'application/json; charset=utf-8', 'x-preflight': 'rejected' },
    });
  }
  if (request.method === 'OPTIONS') {
    startGo(env); // the CORS policy is Go's
    return preflight(request);
  }
  if (target.startsWith('/2/') || target === '/2') {
    startGo(env);
    return proxy(request, env, target);
  }
  const v1 = /^\/v1\/([A-Za-z]+)(?:\?.*)?$/.exec(target);
  if (v1) return wireOp(request, env, v1[1]); // starts Go itself, and answers the wire contract whatever happens
  return asset(request, env, target);
}

export default {
  async fetch(request, env) {
    try {
      return await route(request, env);
    } catch (err) {
      console.error('xpreflight: internal error:', String((err && err.stack) || err));
      // A configuration error names the setting (never a secret's value), so the operator sees it on the first
      // request; anything else stays vague.
      const detail = err instanceof ConfigError ? `xpreflight is misconfigured: ${err.message}` : 'xpreflight failed to handle this request.';
      return new Response(blankProblem(500, 'Internal Server Error', detail), {
        status: 500, headers: { 'content-type': 'application/json; charset=utf-8', 'x-preflight': 'error' },
      });
    }
  },
};
