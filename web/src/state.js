// The page's state lives in the URL hash so a link reproduces a view:
// #q=<encodeURIComponent(query)>&endpoint=…&tier=…&method=…&url=…&body=…&status=…&headers=…&response=…
// Empty fields and defaults are left out to keep links short.

/** The hash keys, in the order they are written. */
export const KEYS = ['q', 'endpoint', 'tier', 'method', 'url', 'body', 'reqtier', 'status', 'headers', 'response', 'rmethod', 'rurl', 'stream'];

/** Defaults are what the page shows for a key the hash does not have. */
export const DEFAULTS = Object.freeze({
  q: '',
  endpoint: 'search_recent',
  tier: 'pay-per-use',
  method: 'GET',
  url: '',
  body: '',
  reqtier: 'pay-per-use',
  status: '',
  headers: '',
  response: '',
  rmethod: 'GET',
  rurl: '',
  stream: '',
});

/** encodeState turns a state object into a hash string (with the leading '#', or '' when all defaults). */
export function encodeState(state) {
  const parts = [];
  for (const key of KEYS) {
    const value = state[key];
    if (value === undefined || value === null || value === DEFAULTS[key]) continue;
    parts.push(`${key}=${encodeURIComponent(String(value))}`);
  }
  return parts.length ? `#${parts.join('&')}` : '';
}

/**
 * decodeState reads a hash ('#q=…&…' or without '#') into a full state
 * object. Unknown keys are ignored; a malformed escape keeps the raw text
 * rather than dropping the value.
 */
export function decodeState(hash) {
  const state = { ...DEFAULTS };
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!text) return state;
  for (const part of text.split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!Object.hasOwn(DEFAULTS, key)) continue;
    state[key] = safeDecode(eq < 0 ? '' : part.slice(eq + 1));
  }
  return state;
}

function safeDecode(text) {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
