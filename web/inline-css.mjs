// inline-css.mjs writes index.html with its one stylesheet link replaced by the
// stylesheet itself (run by build.sh: node inline-css.mjs <index.html> <out>).
// The page cannot paint, nor run its scripts, before its stylesheet is in; inline,
// that costs no request of its own. Fails if the link is not there exactly once.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const LINK = /<link rel="stylesheet" href="\.\/([\w.-]+\.css)">/g;

const [input, out] = process.argv.slice(2);
if (!input || !out) {
  console.error('usage: node inline-css.mjs <index.html> <out.html>');
  process.exit(2);
}
const html = readFileSync(input, 'utf8');
const links = [...html.matchAll(LINK)];
if (links.length !== 1) {
  console.error(`web/inline-css.mjs: ${input} has ${links.length} <link rel="stylesheet" href="./….css"> lines; expected exactly one`);
  process.exit(1);
}
const css = readFileSync(join(dirname(input), links[0][1]), 'utf8');
if (css.includes('</style')) {
  console.error(`web/inline-css.mjs: ${links[0][1]} contains "</style", which would end the inlined block early`);
  process.exit(1);
}
writeFileSync(out, html.replace(links[0][0], () => `<style>\n${css.trimEnd()}\n</style>`));
