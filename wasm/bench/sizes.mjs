// Where the bytes of xpreflight.wasm go: code size per Go package (from the wasm "name" section of a build
// without -s -w) and the data segments (read-only data, type information, embedded files).
// Usage: node wasm/bench/sizes.mjs <unstripped.wasm> [top N]
import { readFile } from 'node:fs/promises';

const bytes = await readFile(process.argv[2]);
const top = Number(process.argv[3] ?? 15);
let pos = 8; // magic + version

function u32() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return result;
    shift += 7;
  }
}
function name() {
  const n = u32();
  const s = bytes.toString('utf8', pos, pos + n);
  pos += n;
  return s;
}

let importedFuncs = 0;
const bodySizes = [];
const names = new Map();
const sections = {};
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 2) {
    for (let i = u32(); i > 0; i--) {
      name();
      name();
      const kind = bytes[pos++];
      if (kind === 0) {
        u32();
        importedFuncs++;
      } else if (kind === 1) {
        pos++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else {
        pos += 2;
      }
    }
  } else if (id === 10) {
    for (let i = u32(); i > 0; i--) {
      const n = u32();
      bodySizes.push(n);
      pos += n;
    }
  } else if (id === 0) {
    const custom = name();
    sections[`custom:${custom}`] = size;
    if (custom === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          for (let i = u32(); i > 0; i--) {
            const index = u32();
            names.set(index, name());
          }
        }
        pos = subEnd;
      }
    }
  }
  sections[id] = (sections[id] ?? 0) + size;
  pos = end;
}

// The name section spells "github.com/a/b/v5.(*T).m" as "github.com_a_b_v5.__T_.m" and "runtime.mallocgc" as
// is: the package is everything before the first dot that follows the module host.
function packageOf(fn) {
  const host = fn.match(/^[a-z0-9-]+(\.[a-z0-9-]+)+_/); // "github.com_", "golang.org_"
  const dot = fn.indexOf('.', host ? host[0].length : 0);
  return dot === -1 ? fn : fn.slice(0, dot);
}

const byPackage = new Map();
bodySizes.forEach((size, i) => {
  const fn = names.get(importedFuncs + i) ?? '?';
  const pkg = packageOf(fn);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + size);
});
const codeTotal = bodySizes.reduce((a, b) => a + b, 0);
const rows = [...byPackage].sort((a, b) => b[1] - a[1]);
const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
console.log(`code ${kb(codeTotal)} in ${bodySizes.length} functions; data segments ${kb(sections[11] ?? 0)}; file ${kb(bytes.length)} (unstripped)`);
console.log(`top ${top} packages by code size:`);
for (const [pkg, size] of rows.slice(0, top)) console.log(`  ${kb(size).padStart(9)}  ${(100 * size / codeTotal).toFixed(1).padStart(5)}%  ${pkg}`);
const groups = new Map();
for (const [pkg, size] of rows) {
  const g = pkg.startsWith('github.com_xpreflight_') ? 'xpreflight' : pkg.startsWith('github.com_santhosh') ? 'jsonschema' : /^[a-z0-9-]+(\.[a-z0-9-]+)+_/.test(pkg) ? 'other modules' : 'Go standard library and runtime';
  groups.set(g, (groups.get(g) ?? 0) + size);
}
console.log('by origin: ' + [...groups].sort((a, b) => b[1] - a[1]).map(([g, s]) => `${g} ${kb(s)}`).join(', '));
