// The package entries (index.*, query.*): require() and import share one runtime, init-failed names the fix
// when the .wasm is not where the entry looks, and Go's shim globals do not outlive init().
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, copyFile, rm, writeFile, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { DIST } from './helpers.mjs';

const dist = fileURLToPath(DIST);
const require = createRequire(import.meta.url);

// runNode runs a script in a fresh Node process (fresh globals, fresh module cache) and returns its JSON line.
function runNode(dir, file, source) {
  const script = path.join(dir, file);
  return writeFile(script, source).then(() => JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8', cwd: dir })));
}

test('require() and import share one module instance: init through either serves both', async () => {
  const cjs = require(path.join(dist, 'index.cjs'));
  assert.throws(() => cjs.validateQuery({ query: 'cat' }), (err) => err instanceof cjs.XPreflightError && err.code === 'not-initialized');
  await cjs.init();
  assert.equal(cjs.validateQuery({ query: 'cat' }).valid, true);
  const esm = await import(new URL('index.mjs', DIST).href);
  assert.equal(esm.validateQuery({ query: 'cat)' }).valid, false); // already initialised by the require() side
  assert.throws(() => cjs.validateQuery(null), (err) => err instanceof cjs.XPreflightError && err instanceof esm.XPreflightError && err.code === 'bad-input');
  assert.deepEqual({ ...cjs.ErrorCodes }, { ...esm.ErrorCodes }, 'common.cjs keeps its own copy of ErrorCodes');
  assert.equal(cjs.version(), esm.version());
});

test('the require() entries export what the ES module entries export', async () => {
  for (const [cjsFile, esmFile] of [['index.cjs', 'index.mjs'], ['query.cjs', 'query.mjs']]) {
    const cjs = require(path.join(dist, cjsFile));
    const esm = await import(new URL(esmFile, DIST).href);
    assert.deepEqual(Object.keys(cjs).sort(), Object.keys(esm).sort(), `${cjsFile} against ${esmFile}`);
  }
});

test("xpreflight/query's require() entry loads the query-only module", async () => {
  const q = require(path.join(dist, 'query.cjs'));
  await q.init();
  assert.equal(q.validateQuery({ query: 'cat' }).valid, true);
  assert.equal(q.validateRequest, undefined);
});

// An entry copied without its .wasm: what a bundler that leaves new URL(…, import.meta.url) as is produces.
async function entryWithoutWasm(t) {
  const dir = await mkdtemp(path.join(tmpdir(), 'xpreflight-nowasm-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  for (const f of await readdir(dist)) if (!f.endsWith('.wasm')) await copyFile(path.join(dist, f), path.join(dir, f));
  return dir;
}

for (const [entry, file] of [['index.mjs', 'xpreflight.wasm'], ['query.mjs', 'xpreflight-query.wasm']]) {
  test(`${entry} without its .wasm: init-failed names the bundlers that lose it and the one-line fix`, async (t) => {
    const dir = await entryWithoutWasm(t, entry);
    const out = await runNode(
      dir,
      'main.mjs',
      `import { init } from './${entry}';
       try { await init(); console.log(JSON.stringify({ ok: true })); }
       catch (err) { console.log(JSON.stringify({ name: err.name, code: err.code, message: err.message })); }`,
    );
    assert.equal(out.name, 'XPreflightError');
    assert.equal(out.code, 'init-failed');
    assert.match(out.message, /esbuild/);
    assert.match(out.message, new RegExp(`cp node_modules/xpreflight/${file.replace('.', '\\.')} dist/`));
    assert.match(out.message, /init\(\{ wasm:/);
  });
}

test('a Worker without the workerd condition gets init-failed naming wrangler and the import, not a bare TypeError', async (t) => {
  const dir = await entryWithoutWasm(t, 'index.mjs');
  // workerd's import.meta.url is no URL a .wasm can be resolved against; its navigator says Cloudflare-Workers.
  const src = (await readFile(path.join(dir, 'index.mjs'), 'utf8')).replace("new URL('./xpreflight.wasm', import.meta.url)", "new URL('./xpreflight.wasm', 'worker')");
  await writeFile(path.join(dir, 'index.mjs'), src);
  const out = await runNode(
    dir,
    'main.mjs',
    `Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'Cloudflare-Workers' }, configurable: true });
     const { init } = await import('./index.mjs');
     try { await init(); console.log(JSON.stringify({ ok: true })); }
     catch (err) { console.log(JSON.stringify({ name: err.name, code: err.code, message: err.message })); }`,
  );
  assert.equal(out.code, 'init-failed');
  assert.match(out.message, /wrangler/);
  assert.match(out.message, /import wasm from 'xpreflight\/xpreflight\.wasm'; await init\(wasm\)/);
});

test("Go's shim globals (fs, process, path) are gone after init(), and later runtimes still start", async (t) => {
  const dir = await mkdtemp(path.join(tmpdir(), 'xpreflight-globals-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  const out = await runNode(
    dir,
    'main.mjs',
    `const names = ['fs', 'path'];
     const before = names.filter((n) => n in globalThis);
     const xp = await import(${JSON.stringify(new URL('index.mjs', DIST).href)});
     await xp.init();
     const after = names.filter((n) => n in globalThis);
     const q = await import(${JSON.stringify(new URL('query.mjs', DIST).href)});
     await q.init(); // a second Go program starts with the shims put back for its start only
     console.log(JSON.stringify({ before, after, afterSecond: names.filter((n) => n in globalThis), ok: xp.validateRequest({ method: 'GET', url: '/2/users/me' }).valid }));`,
  );
  assert.deepEqual(out, { before: [], after: [], afterSecond: [], ok: true });
});

test('query.d.ts declares every export of query.mjs, and index.mjs exports what xpreflight.d.ts declares', async () => {
  const queryDts = await readFile(path.join(dist, 'query.d.ts'), 'utf8');
  const query = await import(new URL('query.mjs', DIST).href);
  for (const name of Object.keys(query)) {
    assert.match(queryDts, new RegExp(`export declare function ${name}\\b|export \\{[^}]*\\b${name}\\b[^}]*\\} from`), `${name} is exported by query.mjs but not declared`);
  }
  const dts = await readFile(path.join(dist, 'xpreflight.d.ts'), 'utf8');
  const index = await import(new URL('index.mjs', DIST).href);
  const declared = [...dts.matchAll(/export declare (?:function|class|const) (\w+)/g)].map((m) => m[1]);
  assert.deepEqual([...new Set(declared)].sort(), Object.keys(index).sort());
});
