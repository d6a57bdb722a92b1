// The package's `xpreflight/query` entry: validateQuery, fixQuery and validatePost, on xpreflight-query.wasm (no JSON Schema code,
// so it is smaller and starts sooner). An app that imports only this entry ships only that .wasm.
import { init as initModule } from './xpreflight.mjs';

export { validateQuery, fixQuery, validatePost, version, XPreflightError, ErrorCodes } from './xpreflight.mjs';

const locators = { query: () => new URL('./xpreflight-query.wasm', import.meta.url), only: 'query' };

/** Loads xpreflight-query.wasm (or `source`); see query.d.ts. */
export function init(opts) {
  return initModule(opts, locators);
}
