// Entry point: load the checker, wire the three panels, keep the URL hash in
// step with the inputs.
//
// Loading is progressive. The query-only module (xpreflight-query.wasm, no
// JSON Schema code) starts several times faster than the full one, so it is
// loaded first (index.html's first script already fetches and compiles it) and
// the query panel lints with it. Once the first lint is shown, the full module
// starts in a worker (checker-worker.js), so its start never freezes typing, and
// the request and response panels ask it by message. Until then they show a
// loading state and re-render when it is ready.
import * as pkg from './pkg/xpreflight.mjs';
import { encodeState, decodeState } from './src/state.js';
import { queryPanel } from './src/query-panel.js';
import { requestPanel } from './src/request-panel.js';
import { responsePanel } from './src/response-panel.js';
import { examples } from './src/examples.js';
import { workerChecker } from './src/full-checker.js';
import { postPanel } from './src/post-panel.js';

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
  // full: what answers every op once it is up — the worker's checker, or this page's own full module.
  let full = null;
  try {
    await xp.init({ module: 'query', wasm: await queryModule() });
  } catch (err) {
    // An older or partial deployment without the query-only file: wait for the full module instead.
    console.warn('xpreflight: the query-only module did not load; waiting for the full one', err);
    try {
      await xp.init();
      full = xp;
    } catch (fullErr) {
      failed(fullErr, 'checker');
      document.documentElement.dataset.ready = 'failed';
      return;
    }
  }
  performance.mark('xpreflight:query-init-end');

  // The request and response panels call the full checker when it is up; until then the query-only module
  // answers them with XPreflightError 'query-only', which they show as "loading".
  const checker = Object.fromEntries(['validateRequest', 'parseResponse', 'adviseRetry'].map((op) => [op, (input) => (full ?? xp)[op](input)]));
  const panels = [];
  let written = location.hash;
  const save = () => {
    const hash = encodeState(Object.assign({}, ...panels.map((p) => p.state())));
    if (hash === written) return;
    written = hash;
    history.replaceState(null, '', hash || location.pathname + location.search);
  };
  const [query, request, response] = [queryPanel(xp, save), requestPanel(checker, save), responsePanel(checker, save)];
  panels.push(query, request, response);

  const restore = () => {
    const state = decodeState(location.hash);
    for (const p of panels) p.restore(state);
    written = location.hash;
  };
  restore();
  performance.mark('xpreflight:first-lint');
  postPanel(xp, document.getElementById('query-panel')); // validatePost is in the query-only module too
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
  // query panel's start. It starts in a worker (checker-worker.js): its Go start is about half a second of CPU
  // that would otherwise freeze typing. Where a module worker cannot start, it loads here as before.
  if (!full) {
    const load = afterNextFrame()
      .then(() => workerChecker(new URL('./checker-worker.js', import.meta.url)))
      .catch((err) => {
        console.warn('xpreflight: the checker worker did not start; loading the full module on the page', err);
        return xp.init().then(() => xp);
      });
    try {
      full = await load;
    } catch (err) {
      failed(err, 'request and response checker');
      for (const section of fullPanels) section.setAttribute('aria-busy', 'false');
      document.documentElement.dataset.fullReady = 'failed';
      return;
    }
  }
  performance.mark('xpreflight:init-end');
  await Promise.all([request, response].map((p) => p.restore(p.state()))); // render what was typed meanwhile
  for (const section of fullPanels) section.setAttribute('aria-busy', 'false');
  const fullMs = Math.round(performance.now());
  status.textContent = `Checker ${version ?? ''} ready (queries in ${ms} ms, everything in ${fullMs} ms) — everything runs in this tab; nothing is sent anywhere.`;
  window.xpreflightFullReadyMs = fullMs;
  document.documentElement.dataset.fullReady = 'true';
}

start();
