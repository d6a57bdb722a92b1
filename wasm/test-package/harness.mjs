// Shared steps of the package tests: the packed tarball, fresh fixture apps that install it, the bundlers and
// TypeScript from the repository's own node_modules (pinned in the root package-lock.json, so no fixture
// touches the registry), a static server and headless Chromium (web/test's, reused).
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = process.env.ROOT ?? fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = fileURLToPath(new URL('fixtures/', import.meta.url));
export const rootRequire = createRequire(path.join(ROOT, 'package.json'));

/** The tarball of wasm/dist: XP_TARBALL (packed once by wasm/test-bundlers.sh), else packed here. */
export function tarball() {
  if (process.env.XP_TARBALL) return process.env.XP_TARBALL;
  const out = execFileSync('mktemp', ['-d'], { encoding: 'utf8' }).trim();
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', out], { cwd: path.join(ROOT, 'wasm/dist'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  process.env.XP_TARBALL = path.join(out, pack.filename);
  return process.env.XP_TARBALL;
}

/**
 * app makes a fresh app in a temporary folder from fixtures/<name> and installs the tarball into it with npm,
 * offline (the tarball has no dependencies), or links wasm/dist (link: true). Returns the folder; t.after removes it.
 */
export async function app(t, name, { type = 'module', link = false } = {}) {
  const dir = await mkdtemp(path.join(tmpdir(), `xpreflight-${name}-`));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await cp(path.join(FIXTURES, name), dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), JSON.stringify({ name: `fixture-${name}`, private: true, type }, null, 2));
  const started = Date.now();
  // link: `npm install <folder>`, which links wasm/dist instead of copying it (a developer's local checkout).
  const what = link ? ['--install-links=false', path.join(ROOT, 'wasm/dist')] : [tarball()];
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-save', ...what], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
  t.diagnostic(`npm install of the tarball: ${Date.now() - started} ms`);
  return dir;
}

/** wasmFiles lists the .wasm files a build emitted under dir (full paths; bundlers may rename them). */
export async function wasmFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    if (entry.endsWith('.wasm')) out.push(path.join(dir, entry));
  }
  return out.sort();
}

/** emitted names the package's modules among files by content: 'full' (xpreflight.wasm), 'query' (xpreflight-query.wasm). */
export async function emitted(files, appDir) {
  const pkg = path.join(appDir, 'node_modules/xpreflight');
  const known = { full: await readFile(path.join(pkg, 'xpreflight.wasm')), query: await readFile(path.join(pkg, 'xpreflight-query.wasm')) };
  const kinds = new Set();
  for (const f of files) {
    const bytes = await readFile(f);
    const kind = Object.keys(known).find((k) => known[k].equals(bytes));
    kinds.add(kind ?? `unknown ${path.basename(f)}`);
  }
  return [...kinds].sort();
}

/** The page every browser fixture writes its result to (index.html loads the bundle as a module). */
export async function writePage(dir, script, { module = true } = {}) {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'index.html'), `<!doctype html><meta charset="utf-8"><title>fixture</title><script ${module ? 'type="module" ' : ''}src="${script}"></script>\n`);
}

let browser = null;

/** resultIn opens url in headless Chromium and waits for the fixture's window.__result. */
export async function resultIn(url, t) {
  const started = Date.now();
  if (!browser) {
    const { launch } = await import(path.join(ROOT, 'web/test/browser.mjs'));
    browser = await launch();
  }
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (err) => errors.push(err.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__result !== undefined, null, { timeout: 30_000 });
    const result = await page.evaluate(() => window.__result);
    t?.diagnostic(`page result in Chromium: ${Date.now() - started} ms`);
    return { ...result, pageErrors: errors };
  } catch (err) {
    throw new Error(`${url}: no result (${err.message}); page errors: ${errors.join('; ')}`);
  } finally {
    await page.close();
  }
}

export async function closeBrowser() {
  await browser?.close();
  browser = null;
}

export async function serve(dir) {
  const { serve } = await import(path.join(ROOT, 'web/test/serve.mjs'));
  return serve(dir);
}
