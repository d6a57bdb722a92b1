// init() from every kind of source, each in a fresh module instance (its own Go runtime).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { freshModule, wasmBytes, WASM_URL, startServer } from './helpers.mjs';

const bytes = await wasmBytes();

const sources = [
  ['default (beside the module)', () => undefined],
  ['empty options object', () => ({})],
  ['file URL', () => WASM_URL],
  ['file URL string', () => WASM_URL.href],
  ['path string', () => fileURLToPath(WASM_URL)],
  ['Uint8Array', () => new Uint8Array(bytes)],
  ['ArrayBuffer', () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)],
  ['Response (streaming compile)', () => new Response(bytes, { headers: { 'content-type': 'application/wasm' } })],
  ['Response without wasm content type', () => new Response(bytes)],
  ['promise of a Response', () => Promise.resolve(new Response(bytes, { headers: { 'content-type': 'application/wasm' } }))],
  ['compiled WebAssembly.Module (Workers)', () => WebAssembly.compile(bytes)],
  ['{ wasm: Module }', async () => ({ wasm: await WebAssembly.compile(bytes) })],
];

for (const [name, make] of sources) {
  test(`init from ${name}`, async () => {
    const m = await freshModule(name);
    await m.init(await make());
    const r = m.validateQuery({ query: 'from:XDevelopers' });
    assert.equal(typeof r.valid, 'boolean');
    assert.equal(r.formatted.length > 0, true);
  });
}

test('init from an http URL, with and without application/wasm', async () => {
  const server = await startServer((req) =>
    req.url === '/typed.wasm'
      ? { status: 200, headers: { 'content-type': 'application/wasm' }, body: bytes }
      : req.url === '/untyped.wasm'
        ? { status: 200, headers: { 'content-type': 'application/octet-stream' }, body: bytes }
        : { status: 404, body: 'not here' },
  );
  try {
    for (const path of ['/typed.wasm', '/untyped.wasm']) {
      const m = await freshModule(`http ${path}`);
      await m.init(`${server.origin}${path}`);
      assert.equal(m.validateQuery({ query: 'cat' }).valid, true);
    }
    const m = await freshModule('http 404');
    await assert.rejects(m.init(`${server.origin}/gone.wasm`), (err) => err.code === 'init-failed' && /HTTP 404/.test(err.message));
    await m.init(`${server.origin}/typed.wasm`); // retried after the failure
    assert.equal(m.validateQuery({ query: 'cat' }).valid, true);
  } finally {
    await server.close();
  }
});

test('two module instances run two independent runtimes', async () => {
  const a = await freshModule('independent a');
  const b = await freshModule('independent b');
  await Promise.all([a.init(new Uint8Array(bytes)), b.init(new Uint8Array(bytes))]);
  assert.deepEqual(a.validateQuery({ query: 'cat dog' }), b.validateQuery({ query: 'cat dog' }));
  assert.equal(Object.keys(globalThis).filter((k) => k.startsWith('__xpreflight')).length, 0, 'bridge globals are removed after init');
});
