// http.mjs: reading bodies within limits, hop-by-hop fields, and the Worker's own problem answers.
import { withCors } from './cors.mjs';

export const MAX_BODY = 1 << 20; // request bodies over 1 MB are refused with 413

// RFC 9110 §7.6.1 hop-by-hop fields, plus what fetch sets itself, plus the Worker's own request headers (its
// credentials, secrets that must never travel on, and the access level it judges by, which is no business of X's).
const HOP_BY_HOP = new Set([
  'connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization',
  'te', 'trailer', 'transfer-encoding', 'upgrade', 'host', 'content-length', 'x-preflight-key', 'x-preflight-token',
  'x-preflight-tier',
]);

/** A JSON answer of the Worker's own, with CORS by policy. */
export function problemResponse(request, status, body, preflight, extra = {}) {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'x-preflight': preflight, ...extra });
  return new Response(body, { status, headers: withCors(request, headers) });
}

export function blankProblem(status, title, detail) {
  return JSON.stringify({ title, type: 'about:blank', status, detail });
}

export class TooLarge extends Error {}

/** The request body as bytes (null when there is none or it is empty); TooLarge past max, whatever content-length says. */
export async function readBody(request, max = MAX_BODY) {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > max) {
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
    if (size > max) {
      await discard(reader, size);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return size === 0 ? null : concat(chunks, size);
}

// discard reads and drops the rest of a refused body, up to DISCARD_MAX bytes, so the 413 reaches a client that is
// still sending: answering mid-upload and closing makes HTTP/1.1 clients fail with a reset instead of reading it.
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

/**
 * Reads a response body while it stays within limit: {bytes} when the body ended, or {stream} that replays what
 * was read and continues with the rest, when it did not. The bytes are the body as it came (proxy.mjs asks fetch not
 * to decode content codings: Go's annotate decodes a copy for the class).
 */
export async function readUpTo(response, limit) {
  if (response.body === null) return { bytes: new Uint8Array(0) };
  const declared = response.headers.get('content-length');
  if (declared !== null && Number(declared) <= limit) {
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

/**
 * One pass over headers (a request's or X's answer's): `lines`, the compact "name: value\n…" form Go reads
 * (proxy.ParseHeaderLines; an HTTP field value holds no newline) of the fields that travel on plus any `judged`
 * admits, and `dropped`, the fields that must not travel on: hop-by-hop ones (RFC 9110 §7.6.1), those the Connection
 * field names (Authorization included: Go decides on what is left, so x-preflight-auth reports what X really gets),
 * and those `strip` names. The caller copies the headers natively and deletes `dropped`: in workerd every Headers
 * call crosses into C++, and building a Headers from JS pairs cost ~5x the native copy (worker/bench/bench.mjs).
 */
export function scanHeaders(headers, strip, judged = () => false) {
  const connection = headers.get('connection');
  const named = connection ? new Set(connection.split(',').map((n) => n.trim().toLowerCase())) : null;
  const dropped = [];
  let lines = '';
  headers.forEach((value, name) => {
    const travels = !HOP_BY_HOP.has(name) && !(named && named.has(name)) && !strip(name);
    if (!travels) dropped.push(name);
    if (travels || judged(name)) lines += name + ': ' + value + '\n';
  });
  return { lines, dropped };
}

/** Deletes names from headers (mutable) and returns it. */
export function without(headers, names) {
  for (const name of names) headers.delete(name);
  return headers;
}
