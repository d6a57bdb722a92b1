// bridge.mjs (the JS half of wasm/bridge, shared by the JS package and the Worker) against a fake Go program: the
// paths a real one reaches only by crashing — a trap, a fatal error that ends the program inside a call, a .wasm
// built without the bridge.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DIST } from './helpers.mjs';

const { connect, unwrap, BridgeError } = await import(new URL('bridge.mjs', DIST).href);

const encoder = new TextEncoder();

// fakeGo imitates wasm_exec.js's Go and a bridge-built instance whose call answers answer(name, fields).
function fakeGo(answer) {
  const mem = new WebAssembly.Memory({ initial: 1 });
  const go = { exited: false, run: () => new Promise(() => {}) };
  const exports = {
    mem,
    xpreflight_reserve: () => 0,
    xpreflight_call: (n) => {
      const [name, ...fields] = new TextDecoder().decode(new Uint8Array(mem.buffer, 0, n)).split('\0');
      const out = encoder.encode(answer(name, fields, go));
      new Uint8Array(mem.buffer).set(out, 1024);
      return out.length;
    },
    xpreflight_output: () => 1024,
  };
  return { go, instance: { exports } };
}

const info = JSON.stringify({ ok: true, result: { version: 'v', ops: ['validateQuery'], functions: ['info', 'wire'] } });

test('bridge: handshake, fields (strings and bytes) and the envelope', () => {
  const { go, instance } = fakeGo((name, fields) => (name === 'info' ? info : JSON.stringify({ ok: true, result: fields })));
  const b = connect(go, instance);
  assert.deepEqual(b.info.ops, ['validateQuery']);
  assert.deepEqual(b.result('echo', ['猫', encoder.encode('bytes'), '']), ['猫', 'bytes', '']);
  assert.equal(b.alive(), true);
});

test('bridge: a Go error envelope becomes a BridgeError with its code and reason', () => {
  const { go, instance } = fakeGo((name) => (name === 'info' ? info : '{"ok":false,"error":{"code":"bad-input","message":"decide: 3 fields"}}'));
  const b = connect(go, instance);
  assert.throws(() => b.result('decide', []), (err) => err instanceof BridgeError && err.code === 'bad-input' && err.reason === 'decide: 3 fields' && err.message === 'decide: decide: 3 fields');
  assert.equal(b.alive(), true, 'an error answer leaves the runtime alive');
});

test('bridge: a fatal error inside a call is reported, never read from a stale buffer, and stops the bridge once', () => {
  let stops = 0;
  const { go, instance } = fakeGo((name, _, g) => {
    if (name === 'info') return info;
    g.exited = true; // what wasm_exec.js's runtime.wasmExit does
    return '{"ok":true,"result":"stale"}';
  });
  const b = connect(go, instance, () => stops++);
  assert.throws(() => b.call('wire', ['validateQuery', '{}']), (err) => err instanceof BridgeError && err.code === 'internal' && /exited during wire/.test(err.message));
  assert.throws(() => b.call('wire', ['validateQuery', '{}']), /has stopped; wire was not run/);
  assert.equal(stops, 1);
  assert.equal(b.alive(), false);
});

test('bridge: a trap stops the bridge', () => {
  let stops = 0;
  const { go, instance } = fakeGo((name) => {
    if (name === 'info') return info;
    throw new WebAssembly.RuntimeError('unreachable');
  });
  const b = connect(go, instance, () => stops++);
  assert.throws(() => b.call('decide', ['GET']), (err) => err.code === 'internal' && /stopped during decide: unreachable/.test(err.message));
  assert.equal(stops, 1);
  assert.equal(b.alive(), false);
});

test('bridge: a .wasm built without wasm/bridge is refused by name', () => {
  assert.throws(() => connect({ exited: false, run: () => new Promise(() => {}) }, { exports: {} }), /does not export xpreflight_reserve/);
});

test('bridge: unwrap refuses what is not an envelope', () => {
  assert.throws(() => unwrap('info', 'fatal error: out of memory'), (err) => err.code === 'internal' && /not JSON/.test(err.message));
  assert.throws(() => unwrap('info', '{}'), (err) => err.code === 'internal');
});
