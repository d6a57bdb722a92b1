// v1.mjs: POST /v1/<op>, the wire contract over HTTP (Go's core/wire through the bridge's built-in "wire").
import { wire } from './go.mjs';
import { TooLarge, problemResponse, readBody } from './http.mjs';

// MAX_V1_BODY bounds a /v1 request: decoding and judging JSON costs about 0.1 ms per KB under workerd, and every
// request must stay within 10 ms of CPU (DESIGN.md). It holds a 4,096-character query however escaped, and any
// request or error body X documents; larger inputs are for the JS package or Go (wire.MaxRequestBytes).
export const MAX_V1_BODY = 64 << 10;
import { withCors } from './cors.mjs';

const WIRE_STATUS = { 'bad-input': 400, 'unknown-op': 404, internal: 500 };

/** Answers POST /v1/<op>. */
export async function wireOp(request, env, op) {
  if (request.method !== 'POST') {
    return problemResponse(request, 405, JSON.stringify({
      ok: false, error: { code: 'bad-input', message: `${request.method} is not allowed on /v1/${op}; use POST with a JSON body` },
    }), 'wire', { allow: 'POST, OPTIONS' });
  }
  let body;
  try {
    body = await readBody(request, MAX_V1_BODY);
  } catch (err) {
    if (!(err instanceof TooLarge)) throw err;
    return problemResponse(request, 413, JSON.stringify({
      ok: false, error: { code: 'bad-input', message: `request body over ${MAX_V1_BODY} bytes, the most /v1/${op} takes here; use the JS package or Go for larger inputs` },
    }), 'wire');
  }
  const out = wire(op, body, env);
  let status = 200;
  if (out.startsWith('{"ok":false')) status = WIRE_STATUS[JSON.parse(out).error.code] ?? 500;
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'x-preflight': 'wire' });
  return new Response(out, { status, headers: withCors(request, headers) });
}
