// Types of `xpreflight/xpreflight.wasm` and `xpreflight/xpreflight-query.wasm` as Workers import them: a
// compiled WebAssembly.Module, to pass to init(). (TypeScript declares WebAssembly.Module without members, so
// `object` says as much without needing the DOM lib.)
declare const wasmModule: object;
export default wasmModule;
