// Shared helpers of the wasm/ package tests. They run against the built package in wasm/dist.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';

export const DIST = new URL('../dist/', import.meta.url);
export const WASM_URL = new URL('xpreflight.wasm', DIST);

/** The package as users import it (one module instance per test process). */
export const xp = await import(new URL('xpreflight.mjs', DIST).href);

/**
 * A separate instance of the module (its own init state and Go runtime): Node keys ES modules by URL, so a
 * distinct query string gives a fresh copy.
 */
export function freshModule(tag) {
  return import(new URL(`xpreflight.mjs?instance=${encodeURIComponent(tag)}`, DIST).href);
}

export function wasmBytes() {
  return readFile(WASM_URL);
}

/**
 * Starts an HTTP server on 127.0.0.1 whose answers come from `respond(req, body, n)` → {status, headers, body}.
 * Records every request. Close it with `await server.close()`.
 */
export async function startServer(respond) {
  const requests = [];
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    requests.push({ method: req.method, url: req.url, headers: req.headers, body, at: Date.now() });
    const answer = await respond(req, body, requests.length);
    res.writeHead(answer.status, answer.headers ?? {});
    res.end(answer.body ?? '');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** Asserts that fn throws (or rejects with) an XPreflightError of the given code; returns it. */
export async function expectXPError(assert, fn, code, messagePart) {
  let caught;
  try {
    await fn();
  } catch (err) {
    caught = err;
  }
  assert.ok(caught, `expected an XPreflightError ${code}, nothing was thrown`);
  assert.equal(caught.name, 'XPreflightError', `expected an XPreflightError, got ${caught?.stack ?? caught}`);
  assert.equal(caught.code, code, `code of: ${caught.message}`);
  if (messagePart) assert.match(caught.message, messagePart);
  return caught;
}
