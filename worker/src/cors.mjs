// cors.mjs: CORS by the Worker's own policy. Which origins get CORS answers is Go's decision (configure's
// corsOrigins); this module only applies it.
import { corsOrigins } from './go.mjs';

const EXPOSED = 'x-preflight, x-preflight-class, x-preflight-retry-after-ms, x-preflight-validator, x-preflight-auth, ' +
  'x-preflight-warnings, ' +
  'x-rate-limit-limit, x-rate-limit-remaining, x-rate-limit-reset, x-app-limit-24hour-limit, ' +
  'x-app-limit-24hour-remaining, x-app-limit-24hour-reset, x-user-limit-24hour-limit, ' +
  'x-user-limit-24hour-remaining, x-user-limit-24hour-reset';

function corsHeaders(request) {
  const origin = request.headers.get('origin');
  if (!origin || !corsOrigins().has(origin)) return null;
  return {
    'access-control-allow-origin': origin,
    'access-control-expose-headers': EXPOSED,
    vary: 'origin',
  };
}

/** Sets the CORS answer for request's Origin on headers (or only `vary: origin`), and returns headers. */
export function withCors(request, headers) {
  const cors = corsHeaders(request);
  if (cors) for (const [k, v] of Object.entries(cors)) headers.set(k, v);
  else headers.append('vary', 'origin');
  return headers;
}

/** The answer to an OPTIONS preflight. */
export function preflight(request) {
  const cors = corsHeaders(request);
  if (!cors) return new Response(null, { status: 204, headers: { vary: 'origin' } });
  return new Response(null, {
    status: 204,
    headers: {
      ...cors,
      'access-control-allow-methods': 'GET, POST, PUT, DELETE, PATCH, OPTIONS',
      'access-control-allow-headers': request.headers.get('access-control-request-headers') ?? 'authorization, content-type, x-preflight-key',
      'access-control-max-age': '600',
    },
  });
}
