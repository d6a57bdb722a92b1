// assets.mjs: the linter page (web/dist) — workerd's disk service locally, Workers static assets under wrangler.

// Asset paths: plain names only, so nothing reaches the disk service that a path resolver could turn into a walk
// outside web/dist.
const ASSET_PATH = /^\/(?:[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*\/)*(?:[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*)?$/;
// workerd's disk service sends every file as application/octet-stream.
const MIME = {
  html: 'text/html; charset=utf-8', js: 'text/javascript; charset=utf-8', mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8', json: 'application/json', wasm: 'application/wasm', svg: 'image/svg+xml',
  png: 'image/png', ico: 'image/x-icon', txt: 'text/plain; charset=utf-8', map: 'application/json',
  ts: 'text/plain; charset=utf-8', webmanifest: 'application/manifest+json',
};

/** Serves target from the ASSETS binding. */
export async function asset(request, env, target) {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method Not Allowed\n', { status: 405, headers: { allow: 'GET, HEAD' } });
  }
  if (!env.ASSETS) return new Response('Not Found\n', { status: 404 });
  if (env.ASSETS_KIND !== 'disk') return env.ASSETS.fetch(request); // Workers static assets (wrangler)
  let path = target.split('?')[0];
  if (!ASSET_PATH.test(path)) return new Response('Not Found\n', { status: 404 });
  if (path.endsWith('/')) path += 'index.html';
  const ext = path.slice(path.lastIndexOf('/') + 1).split('.').pop();
  const res = await env.ASSETS.fetch(new Request('http://assets' + path, { method: request.method }));
  if (!res.ok || !path.includes('.', path.lastIndexOf('/'))) {
    // A miss, or a directory (the disk service would list it).
    res.body?.cancel();
    return new Response('Not Found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  const headers = new Headers(res.headers);
  headers.set('content-type', MIME[ext] ?? 'application/octet-stream');
  headers.set('x-content-type-options', 'nosniff');
  return new Response(res.body, { status: 200, headers });
}
