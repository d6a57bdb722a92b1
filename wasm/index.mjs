// The package's entry for browsers, bundlers and Node (`import … from 'xpreflight'`): everything of
// xpreflight.mjs, with init() finding xpreflight.wasm by the one expression bundlers follow and copy
// (`new URL('./xpreflight.wasm', import.meta.url)`); Node reads the same URL from disk.
import { init as initModule } from './xpreflight.mjs';

export * from './xpreflight.mjs';

const locators = { full: () => new URL('./xpreflight.wasm', import.meta.url) };

/** See xpreflight.d.ts. */
export function init(opts) {
  return initModule(opts, locators);
}
