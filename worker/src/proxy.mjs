// proxy.mjs: the validating proxy under /2/. Go decides (decide, annotate, local); this module does the I/O:
// reading the request, the rate-limit lookups, fetching X, streaming the answer back.
import { annotate, decide, local, settings } from './go.mjs';
import { withCors } from './cors.mjs';
import { MAX_BODY, TooLarge, blankProblem, problemResponse, readBody, readUpTo, scanHeaders, without } from './http.mjs';
import { currentBlock, noteRoom, recordBlock } from './ratelimit.mjs';

const INSPECT_LIMIT = 1 << 20; // answers up to this size are read and classified (proxy.MaxInspect bounds their decoding)

// The Worker's own request headers (its credentials, the access level to judge by) and the client address
// Cloudflare's edge sets: Go reads them, X never gets them.
const GATE_HEADERS = new Set(['x-preflight-key', 'x-preflight-token', 'x-preflight-tier', 'cf-connecting-ip']);

// What X gets of the caller's headers: all but hop-by-hop ones and Cloudflare's own cf-* fields (the caller's
// Authorization stays; the Go decision supplies the server token only when the caller sent none). Go decides on
// those plus the gate headers.
const inboundScan = (request) => scanHeaders(request.headers, (name) => name.startsWith('cf-'), (name) => GATE_HEADERS.has(name));

// What the caller gets of X's headers: all but hop-by-hop ones (content-length too: the runtime sets it for the body
// it sends) and every access-control-* field (CORS is the Worker's own policy, cors.mjs). Go reads all of them.
const outboundScan = (upstream) => scanHeaders(upstream.headers, (name) => name.startsWith('access-control-'), () => true);

// publicAllowed asks Cloudflare's rate-limiting binding whether this public read-only client is within its budget.
// It fails closed: public use is the least trusted kind.
async function publicAllowed(env, client) {
  try {
    const { success } = await env.PUBLIC_RATE_LIMIT.limit({ key: client });
    return success === true;
  } catch (err) {
    console.error('xpreflight: public rate limit unavailable, refusing public use:', String(err));
    return false;
  }
}

// upstreamFailure is the answer when fetch to X threw. workerd reports a refused connection and one dropped after
// the request was sent alike ("Network connection lost."), so no answer may claim the request was not delivered.
function upstreamFailure(request, err, timedOut, validator) {
  console.error('xpreflight: upstream', timedOut ? 'timed out' : 'failed', String(err));
  const p = timedOut
    ? blankProblem(504, 'Gateway Timeout', 'The X API did not answer in time; the request may or may not have been processed.')
    : blankProblem(502, 'Bad Gateway', 'The X API could not be reached or dropped the connection before answering; the request may or may not have been processed.');
  return problemResponse(request, timedOut ? 504 : 502, p, 'upstream-error', { 'x-preflight-validator': validator });
}

/**
 * Answers one request under /2/: refused, answered locally (429), or forwarded to X_API_ORIGIN. It notes in `info`
 * (for the request's log line and counters) the route template, whether the rate-limit ledger was asked, and how
 * long X took — never a header, body or query value.
 */
export async function proxy(request, env, target, info = {}) {
  let body;
  try {
    body = await readBody(request);
  } catch (err) {
    if (err instanceof TooLarge) {
      return problemResponse(request, 413, blankProblem(413, 'Payload Too Large',
        `The request body is larger than the ${MAX_BODY} bytes xpreflight forwards.`), 'rejected');
    }
    throw err;
  }
  const now = Date.now();
  const judged = inboundScan(request);
  const d = decide(request.method, target, judged.lines, now, body, env);
  info.route = d.route || null;

  // Go decides everything; its warning codes (never a reason to refuse) go back to the caller.
  const notes = d.warnings ? { 'x-preflight-warnings': d.warnings } : {};
  if (!d.forward) {
    return problemResponse(request, d.status, JSON.stringify(d.problem), 'rejected', { 'x-preflight-validator': d.validator, ...notes });
  }
  if (d.validator === 'unavailable') console.error('xpreflight: validator unavailable, forwarding:', d.reason);
  const method = request.method.toUpperCase();
  if (body && (method === 'GET' || method === 'HEAD')) {
    return problemResponse(request, 400, blankProblem(400, 'Bad Request',
      `A ${method} request with a body cannot be forwarded (fetch refuses one); X's ${method} endpoints take their parameters in the query string.`),
    'rejected', { 'x-preflight-validator': d.validator });
  }
  if (d.client && !(await publicAllowed(env, d.client))) {
    return problemResponse(request, 429, blankProblem(429, 'Too Many Requests',
      'Public read-only use of this Worker is rate-limited per client; wait a minute, or send a credential of your own.'),
    'local', { 'x-preflight-class': 'rate-limited', 'x-preflight-validator': d.validator, 'x-preflight-auth': d.auth });
  }

  const blocked = await currentBlock(env, d.key, now, info);
  if (blocked) {
    const answer = local(blocked, now);
    const h = { ...answer.headers, 'x-preflight-class': 'rate-limited', 'x-preflight-validator': d.validator };
    if (answer.retryAfterMs > 0) h['x-preflight-retry-after-ms'] = String(answer.retryAfterMs);
    return problemResponse(request, answer.status, answer.body, 'local', h);
  }

  const headers = without(new Headers(request.headers), judged.dropped);
  if (d.authorization) headers.set('authorization', d.authorization);
  const { apiOrigin: origin, timeoutMs, classifySuccessBodies } = settings(); // checked by Go at start-up
  const signal = AbortSignal.timeout(timeoutMs);
  let upstream;
  const sent = Date.now();
  try {
    // encodeResponseBody 'manual': X's bytes stay as X sent them (gzip included) and go to the caller unchanged;
    // the runtime would otherwise decode them for the Worker and encode them again on the way out, which cost CPU
    // and changed the bytes. Go decodes a copy for the class (annotate: core/apierr's DecodeBody).
    upstream = await fetch(origin + (d.path || target), { // Go leaves path out when it is the target as received
      method: request.method, headers, body, redirect: 'manual', signal, encodeResponseBody: 'manual',
    });
  } catch (err) {
    return upstreamFailure(request, err, signal.aborted, d.validator);
  } finally {
    info.upstreamMs = Date.now() - sent;
  }

  let outBody = upstream.body;
  let read = null; // the body's bytes as X sent them (coded or not), when it was read whole (null: classed by status)
  // A stream's success body never ends, so it is piped unread; its error answers (429 TooManyConnections, 409 rule
  // problems…) are ordinary finite JSON and are read like any other, for the class and the retry advice. With
  // CLASSIFY_SUCCESS_BODIES=false every 2xx body is piped unread too (classed by status: less CPU, no "partial").
  const success = upstream.status >= 200 && upstream.status <= 299;
  if ((!d.stream || upstream.status >= 400) && (classifySuccessBodies || !success)) {
    const r = await readUpTo(upstream, INSPECT_LIMIT);
    if (r.bytes) outBody = read = r.bytes;
    else outBody = r.stream;
  }
  const seen = outboundScan(upstream);
  const a = annotate(request.method, target, upstream.status, seen.lines, d.stream, Date.now(), read);
  noteRoom(d.key, a.roomUntil ?? 0);
  if (a.reason) console.error('xpreflight: response analysis incomplete:', a.reason);
  if (a.block) await recordBlock(env, d.key, a.block);
  // 204, 205 and 304 answers may not carry a body, not even an empty one.
  const nullBody = upstream.status === 204 || upstream.status === 205 || upstream.status === 304;
  // X's headers copied natively by the Response, then trimmed and marked.
  const response = new Response(nullBody ? null : outBody, {
    status: upstream.status, statusText: upstream.statusText, headers: upstream.headers, encodeBody: 'manual', // as X sent them
  });
  const outHeaders = without(response.headers, seen.dropped);
  outHeaders.set('x-preflight', 'forwarded');
  outHeaders.set('x-preflight-class', a.class);
  outHeaders.set('x-preflight-validator', d.validator);
  outHeaders.set('x-preflight-auth', d.auth);
  if (d.warnings) outHeaders.set('x-preflight-warnings', d.warnings);
  if (a.retryAfterMs !== undefined && a.retryAfterMs !== null) {
    outHeaders.set('x-preflight-retry-after-ms', String(a.retryAfterMs));
  }
  withCors(request, outHeaders);
  info.marks = { class: a.class, validator: d.validator }; // for the log line (observe.mjs)
  return response;
}
