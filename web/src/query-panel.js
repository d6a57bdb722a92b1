// Query panel: lint the search query as it is typed.
import { h, replace, debounce, setSelect } from './dom.js';
import { bindEditor } from './editor.js';
import { applyEdits } from './edits.js';

/**
 * queryPanel wires the query inputs to validateQuery. Underlines follow every
 * animation frame (linting is microseconds); the list, the spoken count and
 * the hash wait until typing pauses, so nothing flickers or chatters.
 */
export function queryPanel(xp, onChange) {
  const $ = (id) => document.getElementById(id);
  const textarea = $('query');
  const endpoint = $('endpoint');
  const tier = $('tier');
  const editor = bindEditor(textarea, $('query-backdrop'));
  let frame = 0;
  let report = null;

  const settle = debounce(() => {
    renderDetails(report);
    onChange();
  }, 150);

  function lint() {
    frame = 0;
    try {
      report = xp.validateQuery({ query: textarea.value, endpoint: endpoint.value, tier: tier.value });
      $('query-error').hidden = true;
    } catch (err) {
      report = null;
      $('query-error').hidden = false;
      $('query-error').textContent = `${err.code ?? 'error'}: ${err.message}`;
    }
    editor.render(textarea.value, report?.diagnostics ?? []);
    renderLength(report);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(lint);
    settle();
  }

  function renderLength(r) {
    const length = $('query-length');
    if (!r) return replace(length, '');
    const over = r.length > r.maxLength;
    length.classList.toggle('over', over);
    replace(length, `${r.length} / ${r.maxLength}`);
    const meter = $('query-meter');
    meter.max = r.maxLength;
    meter.value = Math.min(r.length, r.maxLength);
  }

  let lastList = '';
  function renderDetails(r) {
    const diagnostics = r?.diagnostics ?? [];
    const key = JSON.stringify(diagnostics);
    if (key !== lastList) {
      lastList = key;
      replace($('diagnostics'), diagnostics.map((d) => item(d)));
      renderFixAll(diagnostics);
    }
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    const verdict = !r ? 'Not checked' : !textarea.value.trim() ? 'Empty query' : r.valid ? 'Valid' : 'Invalid';
    $('query-verdict').textContent = verdict;
    $('query-verdict').className = `badge ${!r || !textarea.value.trim() ? '' : r.valid ? 'ok' : 'bad'}`;
    $('diag-count').textContent = `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
    $('formatted').textContent = r?.formatted ?? '';
    // Which input the list describes: lets tests (and scripts) wait for it.
    $('diagnostics').dataset.query = textarea.value;
  }

  function item(d) {
    const select = () => editor.select(d.span);
    return h('li', { class: d.severity, dataset: { code: d.code, severity: d.severity } },
      h('button', { type: 'button', class: 'diag', onclick: select, title: 'Select this in the query' },
        h('span', { class: `sev ${d.severity}` }, d.severity),
        h('code', { class: 'code' }, d.code),
        h('span', { class: 'where', title: 'UTF-16 offsets in the query' }, `at ${d.span.start}–${d.span.end}`),
        h('span', { class: 'message' }, d.message),
        d.hint ? h('span', { class: 'hint' }, d.hint) : null),
      (d.fixes ?? []).map((f, i) => fixControl(d, f, i)));
  }

  // fixControl shows what a fix would change (the diff) beside the button that applies it.
  function fixControl(d, f, i) {
    const q = textarea.value;
    return h('div', { class: 'fix', dataset: { safe: String(f.safe), index: String(i) } },
      h('button', { type: 'button', class: 'apply-fix', onclick: () => applyText(applyEdits(q, f.edits)), title: f.safe ? 'Safe: keeps what X would match' : 'A guess at what you meant: check it' },
        f.safe ? 'Fix' : 'Fix (guess)'),
      h('span', { class: 'fix-title' }, f.title),
      h('span', { class: 'fix-diff', 'aria-label': 'change' }, f.edits.map((e) => [
        q.slice(e.span.start, e.span.end) ? h('del', {}, q.slice(e.span.start, e.span.end)) : null,
        e.newText ? h('ins', {}, e.newText) : null,
      ])));
  }

  function renderFixAll(diagnostics) {
    const safe = diagnostics.filter((d) => (d.fixes ?? []).some((f) => f.safe)).length;
    const button = $('fix-all');
    if (!button) return;
    button.hidden = safe === 0;
    button.textContent = `Fix all safe (${safe})`;
  }

  function fixAllSafe() {
    try {
      const r = xp.fixQuery({ query: textarea.value, endpoint: endpoint.value, tier: tier.value, apply: 'safe' });
      applyText(r.query);
    } catch (err) {
      $('query-error').hidden = false;
      $('query-error').textContent = `${err.code ?? 'error'}: ${err.message}`;
    }
  }

  // applyText replaces the query as typing would, so undo history, lint and hash follow.
  function applyText(text) {
    textarea.focus();
    textarea.select();
    if (!document.execCommand?.('insertText', false, text)) textarea.value = text;
    if (textarea.value !== text) textarea.value = text;
    lint();
    renderDetails(report);
    onChange();
  }

  textarea.addEventListener('input', schedule);
  $('fix-all')?.addEventListener('click', fixAllSafe);
  endpoint.addEventListener('change', schedule);
  tier.addEventListener('change', schedule);

  return {
    state: () => ({ q: textarea.value, endpoint: endpoint.value, tier: tier.value }),
    restore(s) {
      textarea.value = s.q;
      setSelect(endpoint, s.endpoint);
      setSelect(tier, s.tier);
      if (frame) cancelAnimationFrame(frame);
      lint();
      renderDetails(report);
    },
  };
}

function plural(n, word) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
