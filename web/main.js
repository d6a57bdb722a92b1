// Entry point: load the checker once, wire the three panels, keep the URL
// hash in step with the inputs.
import * as pkg from './pkg/xpreflight.mjs';
import { encodeState, decodeState } from './src/state.js';
import { queryPanel } from './src/query-panel.js';
import { requestPanel } from './src/request-panel.js';
import { responsePanel } from './src/response-panel.js';
import { examples } from './src/examples.js';

const xp = typeof pkg.init === 'function' ? pkg : pkg.default;
const status = document.getElementById('load-status');

async function start() {
  performance.mark('xpreflight:init-start');
  try {
    await xp.init();
    performance.mark('xpreflight:init-end');
  } catch (err) {
    status.textContent = `The checker failed to load: ${err.message}`;
    status.classList.add('error-box');
    document.documentElement.dataset.ready = 'failed';
    return;
  }
  const panels = [];
  let written = location.hash;
  const save = () => {
    const hash = encodeState(Object.assign({}, ...panels.map((p) => p.state())));
    if (hash === written) return;
    written = hash;
    history.replaceState(null, '', hash || location.pathname + location.search);
  };
  panels.push(queryPanel(xp, save), requestPanel(xp, save), responsePanel(xp, save));

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
  status.textContent = `Checker ${version ?? ''} ready in ${ms} ms — everything runs in this tab; nothing is sent anywhere.`;
  window.xpreflightReadyMs = ms;
  document.documentElement.dataset.ready = 'true';
}

start();
