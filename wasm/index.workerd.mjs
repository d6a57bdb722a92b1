// The package's entry for Cloudflare Workers and workerd (export conditions `workerd` and `worker`): wrangler
// and workerd import a .wasm as a compiled WebAssembly.Module, so init() needs no URL (a Worker has none to
// fetch its own files from).
import wasm from './xpreflight.wasm';
import { init as initModule } from './xpreflight.mjs';

export * from './xpreflight.mjs';

const locators = { full: () => wasm };

/** See xpreflight.d.ts. */
export function init(opts) {
  return initModule(opts, locators);
}
