// bridge.mjs: the JS half of wasm/bridge, the one way JavaScript calls xpreflight's Go. The JS package
// (xpreflight.mjs) and the Worker (worker/src/go.mjs) both start their Go program and call it through here.
//
// Protocol (wasm/bridge/doc.go): reserve a buffer in Go's linear memory, write `name NUL field NUL …` as UTF-8,
// call, read the JSON answer. Every answer is the wire contract's envelope: {ok:true,result} or
// {ok:false,error:{code,message}}.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// MAX_CALL_BYTES bounds one call's bytes: Go's linear memory grows to hold what is copied in and never shrinks, so a
// hostile 50 MB argument would keep an isolate's memory high for good (and can end Go with out of memory). No
// function takes more: the largest wire request is 2 MiB (info.limits), a Worker request body 1 MiB.
export const MAX_CALL_BYTES = 4 << 20;

// lowSize and highSize bound a field's UTF-8 size without encoding it: a UTF-16 unit takes 1 to 3 bytes.
const lowSize = (f) => (typeof f === 'string' ? f.length : f.byteLength);
const highSize = (f) => (typeof f === 'string' ? 3 * f.length : f.byteLength);

// exactSize encodes a string to measure it; callers do so only when it is at most 3 × a limit of a few MiB.
const exactSize = (f) => (typeof f === 'string' ? encoder.encode(f).byteLength : f.byteLength);

// callBytes is the UTF-8 size of fields: a bound when that settles whether it is over MAX_CALL_BYTES, else exact.
function callBytes(fields) {
  const low = fields.reduce((n, f) => n + lowSize(f), 0);
  const high = fields.reduce((n, f) => n + highSize(f), 0);
  if (low > MAX_CALL_BYTES || high <= MAX_CALL_BYTES) return low > MAX_CALL_BYTES ? low : high;
  return fields.reduce((n, f) => n + exactSize(f), 0);
}

// overLimit is the UTF-8 size of a field over limit (at least that, when it is far over), else 0. A field far over
// is never encoded: a 50 MB copy to measure it would cost what the limit saves.
function overLimit(field, limit) {
  if (lowSize(field) > limit) return lowSize(field);
  if (highSize(field) <= limit) return 0;
  const n = exactSize(field);
  return n > limit ? n : 0;
}

/** A failed bridge call; `code` is a wire contract code ('bad-input', 'unknown-op', 'internal'). */
export class BridgeError extends Error {
  constructor(code, message, options) {
    super(message, options);
    this.name = 'BridgeError';
    this.code = code;
    this.reason = options?.reason ?? message; // Go's own message, without the function's name
  }
}

/**
 * Starts the Go program in `instance` (instantiated with `go.importObject`, `go` from wasm_exec.js) and returns
 * its bridge once the start-up handshake (the built-in "info" function) has answered:
 *   { info: {version, ops, functions}, call(name, fields) → JSON text, result(name, fields) → result,
 *     alive() → bool }
 * `fields` are strings (sent as UTF-8) or Uint8Arrays (sent as they are).
 * `onStop(err?)` is called once when the program exits or traps; every later call throws BridgeError('internal').
 */
export function connect(go, instance, onStop) {
  const exports = instance.exports;
  const { xpreflight_reserve: reserve, xpreflight_call: callGo, xpreflight_output: outputAt, mem } = exports;
  if (typeof reserve !== 'function' || typeof callGo !== 'function' || typeof outputAt !== 'function') {
    throw new BridgeError('internal', 'the .wasm does not export xpreflight_reserve/xpreflight_call/xpreflight_output: it was not built with wasm/bridge; rebuild it from this checkout');
  }
  let stopped = false;
  let exitError = null;
  const stop = (err) => {
    if (stopped) return;
    stopped = true;
    onStop?.(err);
  };
  // main runs synchronously until bridge.Serve blocks; the promise settles only if the program ends.
  go.run(instance).then(
    () => stop(),
    (err) => {
      exitError = err;
      stop(err);
    },
  );
  if (go.exited) {
    stop(exitError);
    throw new BridgeError('internal', `the Go program exited during start-up${exitError ? `: ${exitError.message ?? exitError}` : ''}`);
  }

  let limits = {}; // wire op → largest request, from the handshake
  const call = (name, fields = []) => {
    if (stopped || go.exited) {
      stop();
      throw new BridgeError('internal', `the Go runtime has stopped; ${name} was not run`);
    }
    // Refused before a byte is copied into Go: a wire request over its op's limit gets the envelope Go would send…
    if (name === 'wire' && fields.length === 2 && limits[fields[0]] !== undefined) {
      const over = overLimit(fields[1], limits[fields[0]]);
      if (over) {
        return JSON.stringify({ ok: false, error: { code: 'bad-input', message: `${fields[0]}: the request is ${over} bytes; it takes at most ${limits[fields[0]]} bytes` } });
      }
    }
    // …and any call over MAX_CALL_BYTES is misuse.
    const total = callBytes(fields);
    if (total > MAX_CALL_BYTES) throw new BridgeError('bad-input', `${name}: ${total} bytes of arguments; the bridge takes at most ${MAX_CALL_BYTES}`);
    let n;
    try {
      let max = name.length;
      for (const f of fields) max += 1 + (typeof f === 'string' ? 3 * f.length : f.byteLength); // UTF-8: ≤ 3 bytes per UTF-16 unit
      const at = reserve(max);
      const bytes = new Uint8Array(mem.buffer, at, max); // re-read mem.buffer: memory may have grown
      let used = encoder.encodeInto(name, bytes).written;
      for (const f of fields) {
        bytes[used++] = 0;
        if (typeof f === 'string') {
          used += encoder.encodeInto(f, bytes.subarray(used)).written;
        } else {
          bytes.set(f, used);
          used += f.byteLength;
        }
      }
      n = callGo(used);
    } catch (err) {
      stop(err); // a trap leaves the Go runtime unusable
      throw new BridgeError('internal', `the Go runtime stopped during ${name}: ${err?.message ?? err}`, { cause: err });
    }
    // A Go fatal error (out of memory, say) ends the program inside the call: what is left in memory is stale.
    if (go.exited) {
      stop(exitError);
      throw new BridgeError('internal', `the Go runtime exited during ${name}${exitError ? `: ${exitError.message ?? exitError}` : ''}`);
    }
    return n === 0 ? '' : decoder.decode(new Uint8Array(mem.buffer, outputAt(), n));
  };

  const result = (name, fields) => unwrap(name, call(name, fields));
  const info = result('info');
  limits = info.limits ?? {};
  return { info, call, result, alive: () => !stopped && !go.exited };
}

/** The result of an envelope's JSON text, or a BridgeError carrying its error. */
export function unwrap(name, text) {
  let envelope;
  try {
    envelope = JSON.parse(text);
  } catch (err) {
    throw new BridgeError('internal', `${name} answered something that is not JSON (${text.slice(0, 80)})`, { cause: err });
  }
  if (envelope?.ok === true) return envelope.result;
  const e = envelope?.error;
  const reason = e?.message ?? 'no error message';
  throw new BridgeError(e?.code ?? 'internal', `${name}: ${reason}`, { reason });
}
