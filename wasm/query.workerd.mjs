// The `xpreflight/query` entry for Cloudflare Workers and workerd: xpreflight-query.wasm imported as a module.
import wasm from './xpreflight-query.wasm';
import { init as initModule } from './xpreflight.mjs';

export { validateQuery, fixQuery, validatePost, version, XPreflightError, ErrorCodes } from './xpreflight.mjs';

const locators = { query: () => wasm };

/** Loads xpreflight-query.wasm (or `source`); see query.d.ts. */
export function init(opts) {
  return initModule(queryOptions(opts), locators);
}

// queryOptions makes every init() of this entry one of the query-only module (as in query.mjs).
function queryOptions(opts) {
  if (opts === undefined || opts === null) return { module: 'query' };
  const plain = typeof opts === 'object' && (Object.getPrototypeOf(opts) === Object.prototype || Object.getPrototypeOf(opts) === null);
  return plain ? { ...opts, module: 'query' } : { module: 'query', wasm: opts };
}
