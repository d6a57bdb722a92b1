// Tests of the build's output: dist/main.js (esbuild's bundle of the page's modules) and inline-css.mjs (the
// stylesheet inlined). Run by web/test.sh with node --test after web/build.sh has assembled dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('..', import.meta.url));
const bundle = () => readFileSync(join(WEB, 'dist', 'main.js'), 'utf8');

/** withFiles writes files (path → text) into a new folder, calls fn(dir) and removes the folder. */
async function withFiles(files, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'xpreflight-build-'));
  try {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('dist/main.js: the one import left is the wasm package (it finds its files by import.meta.url)', () => {
  const imports = bundle().match(/^\s*import\b.*$/gm) ?? [];
  assert.deepEqual(imports, ['import * as pkg from "./pkg/xpreflight.mjs";']);
  assert.doesNotMatch(bundle(), /from\s*["']\.\/src\//, 'no ./src module is left to fetch');
});

test('dist/main.js: every ./src module is in it, and main.js last', () => {
  const text = bundle();
  const markers = [...text.matchAll(/^\/\/ (src\/[\w-]+\.js|main\.js)$/gm)].map((m) => m[1]);
  const sources = readdirSync(join(WEB, 'src')).filter((f) => f.endsWith('.js')).map((f) => `src/${f}`).sort();
  assert.deepEqual([...new Set(markers.filter((m) => m !== 'main.js'))].sort(), sources, 'each src module bundled');
  assert.equal(markers.at(-1), 'main.js', "the entry's own code comes after its dependencies");
});

test('dist/main.js: the checker worker is still found beside the page', () => {
  assert.match(bundle(), /new URL\("\.\/checker-worker\.js", import\.meta\.url\)/);
});

test('dist/main.js parses as an ES module', async () => {
  await withFiles({ 'main.mjs': bundle() }, (dir) => {
    const r = spawnSync(process.execPath, ['--check', join(dir, 'main.mjs')], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  });
});

test('inline-css: the one stylesheet link becomes a <style> block; none, two, or "</style" inside fail', async () => {
  const run = (dir) => spawnSync(process.execPath, [join(WEB, 'inline-css.mjs'), join(dir, 'index.html'), join(dir, 'out.html')], { encoding: 'utf8' });
  await withFiles({ 'index.html': '<head>\n<link rel="stylesheet" href="./s.css">\n</head>', 's.css': 'a { color: red; }\n' }, (dir) => {
    assert.equal(run(dir).status, 0);
    assert.equal(readFileSync(join(dir, 'out.html'), 'utf8'), '<head>\n<style>\na { color: red; }\n</style>\n</head>');
  });
  const bad = [
    { html: '<head></head>', css: '', want: /has 0 <link/ },
    { html: '<link rel="stylesheet" href="./s.css"><link rel="stylesheet" href="./s.css">', css: '', want: /has 2 <link/ },
    { html: '<link rel="stylesheet" href="./s.css">', css: 'a::after { content: "</style>"; }', want: /contains "<\/style"/ },
  ];
  for (const c of bad) {
    await withFiles({ 'index.html': c.html, 's.css': c.css }, (dir) => {
      const r = run(dir);
      assert.notEqual(r.status, 0);
      assert.match(r.stderr, c.want);
    });
  }
});
