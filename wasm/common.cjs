'use strict';
// What index.cjs and query.cjs share: a CommonJS face for an ES module entry that init() loads.

const ErrorCodes = Object.freeze({
  BAD_INPUT: 'bad-input',
  UNKNOWN_OP: 'unknown-op',
  INTERNAL: 'internal',
  NOT_INITIALIZED: 'not-initialized',
  QUERY_ONLY: 'query-only',
  INIT_FAILED: 'init-failed',
  INVALID_REQUEST: 'invalid-request',
  NETWORK: 'network',
});

let esm = null; // the ES module's XPreflightError once some entry was loaded

/**
 * The error class as CommonJS sees it. Errors thrown once the ES module is loaded are its XPreflightError;
 * `instanceof` accepts both, so `err instanceof XPreflightError` holds whichever side threw.
 */
class XPreflightError extends Error {
  constructor(code, message, details = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'XPreflightError';
    this.code = code;
    for (const [key, value] of Object.entries(details)) {
      if (key !== 'cause') this[key] = value;
    }
  }

  static [Symbol.hasInstance](x) {
    return Function.prototype[Symbol.hasInstance].call(XPreflightError, x) || (esm !== null && x instanceof esm);
  }
}

function commonEntry(load, ops) {
  let mod = null;
  let loading = null;
  const loaded = () =>
    (loading ??= load().then(
      (m) => {
        mod = m;
        esm = m.XPreflightError;
        return m;
      },
      (err) => {
        loading = null;
        throw new XPreflightError(ErrorCodes.INIT_FAILED, `xpreflight: loading the package's ES module failed: ${err?.message ?? err}`, { cause: err });
      },
    ));
  const entry = {
    ErrorCodes,
    XPreflightError,
    init: (opts) => loaded().then((m) => m.init(opts)),
    version: () => require('./package.json').version,
  };
  for (const op of ops) {
    entry[op] = (...args) => {
      if (mod === null) {
        throw new XPreflightError(ErrorCodes.NOT_INITIALIZED, `xpreflight.${op}() was called before init() resolved; await init() first`, { op });
      }
      return mod[op](...args);
    };
  }
  return Object.freeze(entry);
}

module.exports = { commonEntry, ErrorCodes, XPreflightError };
