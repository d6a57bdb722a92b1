// Tests of the build's own scripts: bundle.mjs (the page's modules as one) and
// inline-css.mjs (the stylesheet inlined). Run by web/test.sh with node --test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundle } from '../bundle.mjs';

const WEB = fileURLToPath(new URL('..', import.meta.url));

/** withFiles writes files (path → text) into a new folder, calls fn(dir) and removes the folder. */
async function withFiles(files, fn) {
  const dir = mkdtempSync(join(tmpdir(), 'xpreflight-bundle-'));
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

test('bundle: modules come out once each, in dependency order, private names kept apart', async () => {
  await withFiles({
    'main.js': [
      "import { twice, name as who } from './src/b.js';",
      "import * as a from './src/a.js';",
      'globalThis.result = [twice(a.base), who, a.name, typeof helper];',
    ].join('\n'),
    'src/a.js': "const helper = 'a';\nexport const base = 21;\nexport function name() { return helper; }\n",
    'src/b.js': "import { base } from './a.js';\nconst helper = 'b';\nexport function twice(x) { return 2 * x; }\nexport const name = helper + base;\n",
  }, async (dir) => {
    const { text, files } = bundle(join(dir, 'main.js'));
    assert.deepEqual(files, ['src/a.js', 'src/b.js', 'main.js'], 'dependencies first, each once');
    assert.doesNotMatch(text, /^\s*import\b/m, 'no import is left');
    writeFileSync(join(dir, 'out.mjs'), text);
    await import(pathToFileURL(join(dir, 'out.mjs')).href);
    assert.deepEqual(globalThis.result.slice(0, 2), [42, 'b21']);
    assert.equal(globalThis.result[2](), 'a', "a's helper is a's, not b's");
    assert.equal(globalThis.result[3], 'undefined', 'module-private names do not leak into the entry');
  });
});

test('bundle: imports of the wasm package stay imports (the package finds its files by import.meta.url)', async () => {
  await withFiles({
    'main.js': "import * as pkg from './pkg/xpreflight.mjs';\nimport { x } from './src/x.js';\nconsole.log(pkg, x, import.meta.url);\n",
    'src/x.js': 'export const x = 1;\n',
  }, async (dir) => {
    const { text } = bundle(join(dir, 'main.js'));
    assert.match(text, /^import \* as pkg from '\.\/pkg\/xpreflight\.mjs';$/m);
    assert.equal(text.match(/^import\b/gm).length, 1);
  });
});

test('bundle: every form it does not handle is a build error naming the file and line', async () => {
  const cases = [
    { name: 'default export', files: { 'src/a.js': 'export default 1;\n' }, want: /src\/a\.js:1: unsupported export form/ },
    { name: 'export list', files: { 'src/a.js': 'const a = 1;\nexport { a };\n' }, want: /src\/a\.js:2: unsupported export form/ },
    { name: 'multi-line import', files: { 'src/a.js': "import {\n  b,\n} from './b.js';\n", 'src/b.js': 'export const b = 1;\n' }, want: /src\/a\.js:1: unsupported import form/ },
    { name: 'bare specifier', files: { 'src/a.js': "import { b } from 'b';\n" }, want: /src\/a\.js:1: bare specifier b/ },
    { name: 'cycle', files: { 'src/a.js': "import { b } from './b.js';\nexport const a = 1;\n", 'src/b.js': "import { a } from './a.js';\nexport const b = 1;\n" }, want: /import cycle through src\/a\.js/ },
    { name: 'import.meta in an inlined module', files: { 'src/a.js': 'export const u = import.meta.url;\n' }, want: /src\/a\.js:1: dynamic import or import\.meta/ },
    { name: 'package imported below the entry', files: { 'src/a.js': "import * as p from '../pkg/x.mjs';\nexport const a = p;\n" }, want: /src\/a\.js:1: only the entry may import the package/ },
  ];
  for (const c of cases) {
    await withFiles({ 'main.js': "import * as a from './src/a.js';\nconsole.log(a);\n", ...c.files }, (dir) => {
      assert.throws(() => bundle(join(dir, 'main.js')), c.want, c.name);
    });
  }
});

test('bundle: the page itself bundles, and the result parses', async () => {
  const { text, files } = bundle(join(WEB, 'main.js'));
  assert.ok(files.includes('src/query-panel.js') && files.at(-1) === 'main.js', files.join(' '));
  await withFiles({ 'main.mjs': text }, (dir) => {
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
