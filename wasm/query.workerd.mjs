// The `xpreflight/query` entry for Cloudflare Workers and workerd: xpreflight-query.wasm imported as a module.
import wasm from './xpreflight-query.wasm';
import { init as initModule } from './xpreflight.mjs';

export { validateQuery, fixQuery, validatePost, version, XPreflightError, ErrorCodes } from './xpreflight.mjs';

const locators = { query: () => wasm, only: 'query' };

/** Loads xpreflight-query.wasm (or `source`); see query.d.ts. */
export function init(opts) {
  return initModule(opts, locators);
}
