// Strict TypeScript against the installed package: resolution bundler, node16 and nodenext, each with and
// without the DOM lib (and node16 with @types/node, the setup of the issue). The declarations check too
// (skipLibCheck off).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT, app } from './harness.mjs';

const tsc = path.join(ROOT, 'node_modules/.bin/tsc');

const setups = [
  { name: 'bundler', module: 'esnext', moduleResolution: 'bundler', files: ['src/app.ts'] },
  { name: 'node16', module: 'node16', moduleResolution: 'node16', files: ['src/app.ts', 'src/require.cts'] },
  { name: 'nodenext', module: 'nodenext', moduleResolution: 'nodenext', files: ['src/app.ts', 'src/require.cts'] },
];
const libs = [
  { name: 'ES2022 only', lib: ['ES2022'], types: [] },
  { name: 'ES2022 and DOM', lib: ['ES2022', 'DOM'], types: [] },
  { name: 'ES2022 and @types/node', lib: ['ES2022'], types: ['node'], only: 'node16' },
];

test('TypeScript, strict, every resolution mode, with and without the DOM lib', async (t) => {
  const dir = await app(t, 'types');
  for (const setup of setups) {
    for (const lib of libs) {
      if (lib.only && lib.only !== setup.name) continue;
      const config = `tsconfig.${setup.name}.${lib.lib.length}.${lib.types.length}.json`;
      await writeFile(
        path.join(dir, config),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: 'ES2022',
            module: setup.module,
            moduleResolution: setup.moduleResolution,
            lib: lib.lib,
            types: lib.types,
            typeRoots: [path.join(ROOT, 'node_modules/@types')],
            skipLibCheck: false,
            noUnusedLocals: false,
          },
          files: setup.files,
        }),
      );
      await t.test(`${setup.name}, ${lib.name}`, () => {
        try {
          execFileSync(tsc, ['-p', config], { cwd: dir, encoding: 'utf8' });
        } catch (err) {
          assert.fail(`tsc -p ${config}:\n${err.stdout}${err.stderr}`);
        }
      });
    }
  }
});
