// Checks what `wrangler deploy --dry-run --outdir DIR` would upload against Cloudflare's limits:
//
//   node worker/upload-size.mjs --outdir DIR --assets DIR [--log FILE]
//
// Limits (https://developers.cloudflare.com/workers/platform/limits/, "Worker size", "Static Assets"): a Worker
// may be 3 MB after compression on Workers Free and 10 MB on Workers Paid (wrangler's own error calls them MiB),
// 64 MB before compression; at most 20,000 asset files (Free) of at most 25 MiB each. xpreflight's budget is the
// Free plan, so this fails over 3 MiB.
//
// The compressed size is measured here (gzip level 6 of each module, summed — a little more than one stream of
// all of them) and, when --log holds wrangler's output, also read from its "Total Upload: … / gzip: … KiB" line;
// the larger figure is checked.
import { parseArgs } from "node:util";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const MiB = 1024 * 1024;
export const LIMITS = Object.freeze({
  freeGzip: 3 * MiB,
  paidGzip: 10 * MiB,
  uncompressed: 64 * MiB,
  assetFiles: 20000,
  assetFile: 25 * MiB,
});

// measureUpload sums the modules wrangler wrote to outdir (source maps and its README are not uploaded as code).
export function measureUpload(outdir) {
  let raw = 0;
  let gzip = 0;
  const files = [];
  for (const name of readdirSync(outdir)) {
    if (name.endsWith(".map") || name === "README.md") continue;
    const bytes = readFileSync(path.join(outdir, name));
    const z = gzipSync(bytes).length;
    raw += bytes.length;
    gzip += z;
    files.push({ name, raw: bytes.length, gzip: z });
  }
  return { raw, gzip, files };
}

// wranglerFigures reads "Total Upload: 6729.58 KiB / gzip: 1809.21 KiB" from wrangler's output.
export function wranglerFigures(log) {
  const m = /Total Upload: ([0-9.]+) KiB \/ gzip: ([0-9.]+) KiB/.exec(log);
  return m ? { raw: Math.round(Number(m[1]) * 1024), gzip: Math.round(Number(m[2]) * 1024) } : null;
}

export function walkAssets(dir) {
  const out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walkAssets(p));
    else out.push({ path: p, size: statSync(p).size });
  }
  return out;
}

// problems lists every limit the upload breaks, each naming the figure and the limit.
export function problems({ raw, gzip, assets }) {
  const out = [];
  if (gzip > LIMITS.freeGzip) out.push(`the Worker is ${kib(gzip)} KiB gzip, over the Free plan's ${kib(LIMITS.freeGzip)} KiB`);
  if (raw > LIMITS.uncompressed) out.push(`the Worker is ${kib(raw)} KiB before compression, over ${kib(LIMITS.uncompressed)} KiB`);
  if (assets.length > LIMITS.assetFiles) out.push(`${assets.length} asset files, over the Free plan's ${LIMITS.assetFiles}`);
  for (const a of assets) {
    if (a.size > LIMITS.assetFile) out.push(`asset ${a.path} is ${kib(a.size)} KiB, over ${kib(LIMITS.assetFile)} KiB`);
  }
  return out;
}

const kib = (n) => (n / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values: opt } = parseArgs({ options: { outdir: { type: "string" }, assets: { type: "string" }, log: { type: "string" } } });
  if (!opt.outdir || !opt.assets) {
    console.error("usage: node worker/upload-size.mjs --outdir DIR --assets DIR [--log FILE]");
    process.exit(2);
  }
  const mine = measureUpload(opt.outdir);
  if (mine.files.length === 0 || !mine.files.some((f) => f.name.endsWith(".wasm"))) {
    console.error(`upload-size: ${opt.outdir} holds no Worker modules (no .wasm): did the dry run write it?`);
    process.exit(1);
  }
  const theirs = opt.log ? wranglerFigures(readFileSync(opt.log, "utf8")) : null;
  if (opt.log && !theirs) {
    console.error(`upload-size: no "Total Upload: … / gzip: …" line in ${opt.log}; wrangler's output changed?`);
    process.exit(1);
  }
  const raw = Math.max(mine.raw, theirs?.raw ?? 0);
  const gzip = Math.max(mine.gzip, theirs?.gzip ?? 0);
  const assets = walkAssets(opt.assets);
  for (const f of mine.files) console.log(`  ${f.name}: ${kib(f.raw)} KiB, ${kib(f.gzip)} KiB gzip`);
  console.log(`upload: ${kib(raw)} KiB, ${kib(gzip)} KiB gzip (wrangler says ${theirs ? kib(theirs.gzip) + " KiB" : "—"}); ` +
    `Free plan ${(100 * gzip / LIMITS.freeGzip).toFixed(0)}% used, Paid ${(100 * gzip / LIMITS.paidGzip).toFixed(0)}%; ` +
    `${assets.length} asset files, largest ${kib(Math.max(0, ...assets.map((a) => a.size)))} KiB`);
  const bad = problems({ raw, gzip, assets });
  for (const p of bad) console.error("upload-size: " + p);
  process.exit(bad.length ? 1 : 0);
}
