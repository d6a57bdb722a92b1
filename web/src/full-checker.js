// The page's side of checker-worker.js: the full checker's ops as functions
// that return promises.

const OPS = ['validateQuery', 'validateRequest', 'parseResponse', 'adviseRetry'];

/**
 * workerChecker starts the worker at url and resolves, once its module is up,
 * to {version, validateQuery, validateRequest, parseResponse, adviseRetry}
 * (each taking the op's input and returning a promise of its result). It
 * rejects if the worker cannot start or its module fails to load; a failed
 * call rejects with an Error carrying the checker's `code`.
 */
export function workerChecker(url) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(url, { type: 'module' });
    } catch (err) {
      reject(err);
      return;
    }
    const pending = new Map();
    let next = 0;
    let dead = null; // once the worker has stopped, every call fails at once instead of waiting forever
    const call = (op, input) => dead ? Promise.reject(dead) : new Promise((res, rej) => {
      const id = ++next;
      pending.set(id, { res, rej });
      worker.postMessage({ id, op, input });
    });
    const fail = (err) => {
      dead = err;
      worker.terminate();
      reject(err);
      for (const p of pending.values()) p.rej(err);
      pending.clear();
    };
    worker.onmessage = ({ data }) => {
      if (data.ready) {
        resolve({ version: data.version, ...Object.fromEntries(OPS.map((op) => [op, (input) => call(op, input)])) });
      } else if (data.failed) {
        fail(errorOf(data.failed));
      } else if (pending.has(data.id)) {
        const p = pending.get(data.id);
        pending.delete(data.id);
        if (data.error) p.rej(errorOf(data.error));
        else p.res(data.result);
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      fail(new Error(`the checker worker stopped: ${event.message || 'it could not be started'}`));
    };
  });
}

function errorOf({ code, message }) {
  return Object.assign(new Error(message), { code });
}
