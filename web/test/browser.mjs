// Launching Debian's chromium through playwright-core, with a fresh profile
// per launch, the same way for the tests and the benchmark.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const ROOT = process.env.ROOT ?? new URL('../..', import.meta.url).pathname;
const { chromium } = require(join(ROOT, 'node_modules', 'playwright-core'));

export const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** chromiumPath is what `command -v chromium` finds, or an error saying how to install it. */
export function chromiumPath() {
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('chromium is not installed: run ./build.sh test (it installs it) or apt-get install -y chromium');
  }
}

/**
 * launch starts chromium with a fresh --user-data-dir (a persistent context
 * in a new temporary folder) and returns {context, close}. colorScheme picks
 * light or dark.
 */
export async function launch({ colorScheme = 'light', viewport = { width: 1280, height: 900 } } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'xpreflight-web-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: ARGS,
    colorScheme,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
