// The full checker (every op) in a dedicated worker. Its start — the Go runtime
// and the JSON Schema package's initialisation — costs about half a second of
// CPU on this machine; on the page's main thread it froze typing for that long
// (measured: a 480–545 ms long task about a second after load). Here it runs
// beside the page, and the request and response panels ask it by message
// (src/full-checker.js). Protocol: it posts {ready, version} or {failed:
// {code, message}} once, then answers each {id, op, input} with {id, result}
// or {id, error: {code, message}}.
import * as pkg from './pkg/xpreflight.mjs';

const xp = typeof pkg.init === 'function' ? pkg : pkg.default;
const OPS = new Set(['validateQuery', 'validateRequest', 'parseResponse', 'adviseRetry']);
const errorOf = (err, fallback) => ({ code: err?.code ?? fallback, message: String(err?.message ?? err) });

const ready = xp.init();
ready.then(
  () => postMessage({ ready: true, version: typeof xp.version === 'function' ? xp.version() : xp.version }),
  (err) => postMessage({ failed: errorOf(err, 'init-failed') }),
);

onmessage = async ({ data: { id, op, input } }) => {
  try {
    await ready;
    if (!OPS.has(op)) throw Object.assign(new Error(`the checker worker has no op ${JSON.stringify(op)}`), { code: 'unknown-op' });
    postMessage({ id, result: xp[op](input) });
  } catch (err) {
    postMessage({ id, error: errorOf(err, 'internal') });
  }
};
