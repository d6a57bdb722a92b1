// The packed package in fresh browser apps, built by each bundler with its default settings and run in headless
// Chromium: `await init()` works where the bundler follows new URL('./x.wasm', import.meta.url) (Vite, webpack),
// and elsewhere (esbuild, Rollup) rejects with init-failed naming the tool and the one-line fix, which then works.
// An app importing only xpreflight/query ships only xpreflight-query.wasm.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { app, rootRequire, closeBrowser, emitted, resultIn, serve, wasmFiles, writePage } from './harness.mjs';

after(closeBrowser);

const EXPECTED_QUERY_CODES = ['unmatched-paren'];

// check loads the built app and asserts the smoke call's result.
async function check(t, root, page, kind) {
  const server = await serve(root);
  t.after(() => server.close());
  const result = await resultIn(new URL(page, server.url).href, t);
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(result.query, EXPECTED_QUERY_CODES);
  if (kind === 'full') {
    assert.equal(result.request, false); // max_results=5 is below X's minimum of 10
    assert.deepEqual(result.globals, [], "Go's shim globals are gone after init()");
  }
  return server;
}

// expectFixNamed loads an app whose bundler copied no .wasm: init-failed, naming the tool and the copy fix.
async function expectFixNamed(t, root, page, file) {
  const server = await serve(root);
  t.after(() => server.close());
  const result = await resultIn(new URL(page, server.url).href, t);
  assert.equal(result.ok, false, JSON.stringify(result));
  assert.equal(result.name, 'XPreflightError');
  assert.equal(result.code, 'init-failed');
  assert.match(result.message, /esbuild/);
  assert.match(result.message, new RegExp(`cp node_modules/xpreflight/${file.replace('.', '\\.')} dist/`));
}

const wasmOf = { full: 'xpreflight.wasm', query: 'xpreflight-query.wasm' };

for (const kind of ['full', 'query']) {
  test(`Vite build (${kind}): works without configuration and ships only its module`, async (t) => {
    const dir = await app(t, `browser-${kind}`);
    const { build } = await import('vite');
    await build({ root: dir, logLevel: 'warn', configFile: false });
    assert.deepEqual(await emitted(await wasmFiles(path.join(dir, 'dist')), dir), [kind]);
    await check(t, path.join(dir, 'dist'), 'index.html', kind);
  });

  test(`webpack (${kind}): works without configuration and ships only its module`, async (t) => {
    const dir = await app(t, `browser-${kind}`);
    // The CLI in the app's folder with no config: entry ./src, output ./dist/main.js.
    execFileSync(process.execPath, [rootRequire.resolve('webpack-cli/bin/cli.js'), '--mode', 'production'], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    const out = path.join(dir, 'dist');
    assert.deepEqual(await emitted(await wasmFiles(out), dir), [kind]);
    await writePage(out, 'main.js', { module: false });
    await check(t, out, 'index.html', kind);
  });

  test(`esbuild (${kind}): init-failed names esbuild and the fix; the fix works`, async (t) => {
    const dir = await app(t, `browser-${kind}`);
    const esbuild = await import('esbuild');
    const out = path.join(dir, 'dist');
    await esbuild.build({ entryPoints: [path.join(dir, 'src/index.js')], bundle: true, format: 'esm', outdir: out, logLevel: 'error' });
    assert.deepEqual(await wasmFiles(out), []); // esbuild copies nothing
    await writePage(out, 'index.js');
    await expectFixNamed(t, out, 'index.html', wasmOf[kind]);
    await copyFile(path.join(dir, 'node_modules/xpreflight', wasmOf[kind]), path.join(out, wasmOf[kind])); // the fix
    await check(t, out, 'index.html', kind);
  });

  test(`Rollup (${kind}): init-failed names the fix; the fix works`, async (t) => {
    const dir = await app(t, `browser-${kind}`);
    const { rollup } = await import('rollup');
    const { nodeResolve } = await import('@rollup/plugin-node-resolve');
    const out = path.join(dir, 'dist');
    const bundle = await rollup({ input: path.join(dir, 'src/index.js'), plugins: [nodeResolve({ browser: true })], onwarn: () => {} });
    await bundle.write({ dir: out, format: 'es' });
    await bundle.close();
    assert.deepEqual(await wasmFiles(out), []);
    await writePage(out, 'index.js');
    await expectFixNamed(t, out, 'index.html', wasmOf[kind]);
    await copyFile(path.join(dir, 'node_modules/xpreflight', wasmOf[kind]), path.join(out, wasmOf[kind]));
    await check(t, out, 'index.html', kind);
  });
}

test("esbuild's default iife output: init-failed says to bundle as ES modules", async (t) => {
  const dir = await app(t, 'browser-full');
  const esbuild = await import('esbuild');
  const out = path.join(dir, 'dist');
  await esbuild.build({ entryPoints: [path.join(dir, 'src/index.js')], bundle: true, outdir: out, logLevel: 'silent' });
  await writePage(out, 'index.js', { module: false });
  const server = await serve(out);
  t.after(() => server.close());
  const result = await resultIn(new URL('index.html', server.url).href, t);
  assert.equal(result.code, 'init-failed', JSON.stringify(result));
  assert.match(result.message, /--format=esm/);
});

test('Vite dev server: works without configuration', async (t) => {
  const dir = await app(t, 'browser-full');
  const { createServer } = await import('vite');
  const server = await createServer({ root: dir, logLevel: 'warn', configFile: false, server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  t.after(() => server.close());
  const url = server.resolvedUrls.local[0];
  const result = await resultIn(url, t);
  assert.equal(result.ok, true, JSON.stringify(result));
  assert.deepEqual(result.query, EXPECTED_QUERY_CODES);
});

test("Vite dev server with a linked install: init-failed names Vite's server.fs.allow", async (t) => {
  const dir = await app(t, 'browser-full', { link: true });
  const { createServer } = await import('vite');
  const server = await createServer({ root: dir, logLevel: 'silent', configFile: false, server: { host: '127.0.0.1', port: 0, strictPort: false } });
  await server.listen();
  t.after(() => server.close());
  const result = await resultIn(server.resolvedUrls.local[0], t);
  t.diagnostic(JSON.stringify(result).slice(0, 400));
  assert.equal(result.code, 'init-failed', JSON.stringify(result));
  assert.match(result.message, /server\.fs\.allow/);
});
