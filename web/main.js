// Entry point: load the checker, wire the three panels, keep the URL hash in
// step with the inputs.
//
// Loading is progressive. The query-only module (xpreflight-query.wasm, no
// JSON Schema code) starts several times faster than the full one, so it is
// loaded first and the query panel lints with it; the full module is started
// once it is up (fetched only then, so its 6.7 MB do not compete with the
// query module's download) and then serves every op. Until then the request and
// response panels show a loading state and re-render when it is ready.
import * as pkg from './pkg/xpreflight.mjs';
import { encodeState, decodeState } from './src/state.js';
import { queryPanel } from './src/query-panel.js';
import { requestPanel } from './src/request-panel.js';
import { responsePanel } from './src/response-panel.js';
import { examples } from './src/examples.js';

const xp = typeof pkg.init === 'function' ? pkg : pkg.default;
const status = document.getElementById('load-status');
const fullPanels = ['request-panel', 'response-panel'].map((id) => document.getElementById(id));

function failed(err, what) {
  status.textContent = `The ${what} failed to load: ${err.message}`;
  status.classList.add('error-box');
}

// queryModule is the query-only module as index.html's first script started fetching and compiling it, before
// this module (or anything else) was even requested; null when that script did not run or could not compile
// (no WebAssembly.compileStreaming, or a server that does not send application/wasm), so init() loads it itself.
async function queryModule() {
  try {
    return (await window.xpreflightQueryModule) ?? null;
  } catch (err) {
    console.warn('xpreflight: compiling the query-only module early failed; loading it again', err);
    return null;
  }
}

// afterNextFrame resolves once the browser has had the chance to render (or after 100 ms in a hidden tab, where
// animation frames wait until it is shown).
function afterNextFrame() {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve));
    setTimeout(resolve, 100);
  });
}

async function start() {
  performance.mark('xpreflight:init-start');
  for (const section of fullPanels) section.setAttribute('aria-busy', 'true');
  let full = null;
  try {
    await xp.init({ module: 'query', wasm: await queryModule() });
  } catch (err) {
    // An older or partial deployment without the query-only file: wait for the full module instead.
    console.warn('xpreflight: the query-only module did not load; waiting for the full one', err);
    full = xp.init();
    try {
      await full;
    } catch (fullErr) {
      failed(fullErr, 'checker');
      document.documentElement.dataset.ready = 'failed';
      return;
    }
  }
  performance.mark('xpreflight:query-init-end');

  const panels = [];
  let written = location.hash;
  const save = () => {
    const hash = encodeState(Object.assign({}, ...panels.map((p) => p.state())));
    if (hash === written) return;
    written = hash;
    history.replaceState(null, '', hash || location.pathname + location.search);
  };
  const [query, request, response] = [queryPanel(xp, save), requestPanel(xp, save), responsePanel(xp, save)];
  panels.push(query, request, response);

  const restore = () => {
    const state = decodeState(location.hash);
    for (const p of panels) p.restore(state);
    written = location.hash;
  };
  restore();
  performance.mark('xpreflight:first-lint');
  window.addEventListener('hashchange', () => {
    if (location.hash !== written) restore();
  });
  examples(document, save);

  const ms = Math.round(performance.now());
  const version = typeof xp.version === 'function' ? xp.version() : xp.version;
  status.textContent = `Query checker ${version ?? ''} ready in ${ms} ms; loading the request and response checks… Everything runs in this tab; nothing is sent anywhere.`;
  window.xpreflightReadyMs = ms;
  document.documentElement.dataset.ready = 'true';

  // The full module is started only now, once the first lint is on screen (the next frame has been produced):
  // on a small machine its 6.7 MB download and compile would otherwise share the network and the cores with the
  // query panel's start.
  full ??= afterNextFrame().then(() => xp.init());

  try {
    await full;
  } catch (err) {
    failed(err, 'request and response checker');
    for (const section of fullPanels) section.setAttribute('aria-busy', 'false');
    document.documentElement.dataset.fullReady = 'failed';
    return;
  }
  performance.mark('xpreflight:init-end');
  for (const p of [request, response]) p.restore(p.state()); // re-render what was typed meanwhile
  for (const section of fullPanels) section.setAttribute('aria-busy', 'false');
  const fullMs = Math.round(performance.now());
  status.textContent = `Checker ${version ?? ''} ready (queries in ${ms} ms, everything in ${fullMs} ms) — everything runs in this tab; nothing is sent anywhere.`;
  window.xpreflightFullReadyMs = fullMs;
  document.documentElement.dataset.fullReady = 'true';
}

start();
