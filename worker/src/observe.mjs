// observe.mjs: what an operator sees of each request — one JSON log line (Workers Logs indexes its fields) and
// one Analytics Engine data point (counters; README.md, "Watching it"). Both carry only what xpreflight decided:
// the route template, the outcome, status, class, validator verdict, how the rate-limit ledger was consulted,
// and durations. Never a header, a body, a token, a key, a path parameter or a query value: the route is Go's
// template ("GET /2/users/:id"), or a fixed word when there is none.
import { goVersion, knownOp } from './go.mjs';

// Outcomes, from the x-preflight header every answer of the Worker carries.
const OUTCOMES = new Set(['rejected', 'forwarded', 'local', 'upstream-error', 'wire', 'error']);
const LEDGER = new Set(['cached', 'room', 'none', 'asked', 'unavailable']);
const CLASS = /^[a-z-]{1,32}$/; // core/apierr's class names
const VALIDATOR = /^[a-z-]{1,32}$/;

/** The route a log line may name for target: a template Go matched, or a fixed word. */
export function routeName(method, target, info) {
  if (info.route) return info.route;
  if (target === '/v1/health' || target.startsWith('/v1/health?')) return 'GET /v1/health';
  const v1 = /^\/v1\/([A-Za-z]+)/.exec(target);
  if (v1) return knownOp(v1[1]) ? `POST /v1/${v1[1]}` : 'POST /v1/(unknown op)';
  if (target.startsWith('/2/') || target === '/2') return '/2/ (no route)';
  if (method === 'OPTIONS') return 'OPTIONS (preflight)';
  return 'asset';
}

/** The log event for one answered request. */
export function requestEvent(request, target, response, info, ms) {
  // A forwarded answer's marks are in info (proxy.mjs): reading them back from the headers costs a call into the
  // runtime each, on the path every forwarded request takes.
  const h = response.headers;
  const marks = info.marks;
  const outcome = marks ? 'forwarded' : h.get('x-preflight');
  const cls = marks ? marks.class : h.get('x-preflight-class');
  const validator = marks ? marks.validator : h.get('x-preflight-validator');
  const event = {
    event: 'request',
    route: routeName(request.method, target, info),
    outcome: OUTCOMES.has(outcome) ? outcome : 'other',
    status: response.status,
    class: cls && CLASS.test(cls) ? cls : null,
    validator: validator && VALIDATOR.test(validator) ? validator : null,
    ledger: LEDGER.has(info.ledger) ? info.ledger : null,
    ms,
    upstreamMs: info.upstreamMs ?? null,
    ledgerMs: info.ledgerMs ?? null,
    cold: info.cold === true,
    version: goVersion(),
  };
  return event;
}

/**
 * Whether the event gets a log line under REQUEST_LOG (Go checked it: "all" or "problems"; before Go's settings
 * exist, as with a bad setting, every request is logged). "problems": every request that did not end in a 2xx answer.
 */
export function logged(event, requestLog) {
  return requestLog !== 'problems' || event.status < 200 || event.status > 299 ||
    (event.outcome !== 'forwarded' && event.outcome !== 'wire');
}

/**
 * Writes the event's log line (when `logged`) and its data point (always). Data point layout (README's SQL relies
 * on it): blob1 route, blob2 outcome, blob3 class, blob4 validator, blob5 ledger; double1 status, double2 ms,
 * double3 upstreamMs; index1 outcome (the sampling key). A log line costs the request's own CPU (in local workerd
 * ~0.05–0.1 ms, a write to its output; worker/bench/bench.mjs measures REQUEST_LOG=problems beside the default).
 */
export function record(env, ctx, event, requestLog) {
  if (logged(event, requestLog)) console.log(JSON.stringify(event));
  const sink = env.PREFLIGHT_EVENTS;
  if (!sink || typeof sink.writeDataPoint !== 'function') return;
  try {
    const r = sink.writeDataPoint({
      blobs: [event.route, event.outcome, event.class ?? '', event.validator ?? '', event.ledger ?? ''],
      doubles: [event.status, event.ms, event.upstreamMs ?? 0],
      indexes: [event.outcome],
    });
    // Analytics Engine returns nothing; a test stand-in reached over RPC returns a promise to wait for.
    if (r && typeof r.then === 'function') ctx?.waitUntil?.(r.catch(() => {}));
  } catch (err) {
    console.error('xpreflight: could not write a data point:', String(err));
  }
}
