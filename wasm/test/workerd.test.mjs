// The package inside workerd (the Cloudflare Workers runtime, from npm): init() with the WebAssembly.Module a
// Worker gets from `import wasm from './xpreflight.wasm'`, on the first request (not at global scope), then every op.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile, copyFile, rm, access } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
// The native binary: node_modules/.bin/workerd is a Node wrapper under npm's --ignore-scripts (build.sh), and
// killing the wrapper would leave the real server running and this test process waiting on its pipes.
const workerd = (() => {
  try {
    return createRequire(import.meta.url)('workerd').default;
  } catch {
    return path.join(fileURLToPath(new URL('../../node_modules/', import.meta.url)), 'workerd-not-installed');
  }
})();

const worker = `
import wasm from './xpreflight.wasm';
import * as xp from './xpreflight.mjs';

export default {
  async fetch(request) {
    await xp.init(wasm);
    const [op, input] = await request.json();
    try {
      return Response.json({ version: xp.version(), result: xp[op](input) });
    } catch (err) {
      return Response.json({ error: { name: err.name, code: err.code, message: err.message } });
    }
  },
};
`;

function freePort() {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

test('in workerd: init from a WebAssembly.Module on the first request, then every op', async (t) => {
  try {
    await access(workerd);
  } catch {
    t.skip('npm package workerd is missing: run npm ci at the repository root');
    return;
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'xpreflight-workerd-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const f of ['xpreflight.mjs', 'bridge.mjs', 'wasm_exec.js', 'xpreflight.wasm']) await copyFile(path.join(dist, f), path.join(dir, f));
  await writeFile(path.join(dir, 'worker.mjs'), worker);
  const port = await freePort();
  await writeFile(
    path.join(dir, 'config.capnp'),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .w)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const w :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "xpreflight.mjs", esModule = embed "xpreflight.mjs"),
    (name = "bridge.mjs", esModule = embed "bridge.mjs"),
    (name = "wasm_exec.js", esModule = embed "wasm_exec.js"),
    (name = "xpreflight.wasm", wasm = embed "xpreflight.wasm"),
  ],
  compatibilityDate = "2025-04-01",
);
`,
  );
  const proc = spawn(workerd, ['serve', path.join(dir, 'config.capnp')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  t.after(() => proc.kill());

  const call = async (op, input) => {
    for (let i = 0; ; i++) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: JSON.stringify([op, input]) });
        return await res.json();
      } catch (err) {
        if (i > 100 || proc.exitCode !== null) throw new Error(`workerd did not answer: ${err.message}\n${log}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  const q = await call('validateQuery', { query: '猫 🐱 from:XDevelopers' });
  assert.equal(q.result.valid, true, JSON.stringify(q) + log);
  assert.match(q.version, /^\d+\.\d+\.\d+/);
  const r = await call('validateRequest', { method: 'GET', url: '/2/tweets/search/recent?query=cat&max_results=1000' });
  assert.equal(r.result.valid, false);
  assert.equal(r.result.problem.type, 'https://api.x.com/2/problems/invalid-request');
  const p = await call('parseResponse', { status: 429, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': '1785585660' }, body: '{"errors":[{"code":88,"message":"Rate limit exceeded"}]}' });
  assert.equal(p.result.class, 'rate-limited');
  const a = await call('adviseRetry', { attempt: 1, status: 503, method: 'GET' }); // now and random filled in the Worker
  assert.equal(a.result.retry, true);
  const bad = await call('validateQuery', { query: 'cat', tier: 'gold' });
  assert.deepEqual([bad.error.name, bad.error.code], ['XPreflightError', 'bad-input']);
});
