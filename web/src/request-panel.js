// Request panel: judge a whole request (method, URL, body) as X would.
import { loadingNote } from './loading.js';
import { h, replace, debounce, setSelect } from './dom.js';
import { splitRequestLine, queryParameters } from './headers.js';
import { pretty } from './format.js';
import { segments } from './spans.js';
import { applyEdits } from './edits.js';

export function requestPanel(xp, onChange) {
  const $ = (id) => document.getElementById(id);
  const method = $('req-method');
  const url = $('req-url');
  const body = $('req-body');
  const tier = $('req-tier');

  function run() {
    // "GET /2/…" pasted into the URL box sets the method too.
    const line = splitRequestLine(url.value);
    if (line.method && line.url) {
      setSelect(method, line.method);
      url.value = line.url;
    }
    render();
    onChange();
  }

  // The checker answers asynchronously (it runs in a worker): only the latest render may write its result.
  let latest = 0;
  async function render() {
    const mine = ++latest;
    const out = $('req-result');
    if (!url.value.trim()) {
      replace(out, h('p', { class: 'muted' }, 'Paste a request URL, e.g. /2/tweets/search/recent?query=…'));
      return;
    }
    let result;
    const sent = url.value.trim();
    // A fix's edits index the URL (or body) as it was sent: apply them there, then judge the result.
    const onFix = (edits) => {
      url.value = applyEdits(sent, edits.filter((e) => e.in !== 'body'));
      const bodyEdits = edits.filter((e) => e.in === 'body');
      if (bodyEdits.length) body.value = applyEdits(body.value, bodyEdits);
      run();
    };
    try {
      result = await xp.validateRequest({ method: method.value, url: sent, body: body.value || undefined, tier: tier.value, now: Date.now() });
    } catch (err) {
      if (mine !== latest) return;
      replace(out, loadingNote(err, 'request') ?? h('p', { class: 'error-box', role: 'alert' }, `${err.code ?? 'error'}: ${err.message}`));
      return;
    }
    if (mine !== latest) return;
    const live = `${result.valid ? 'Valid' : 'Invalid'} request, ${result.route ?? 'no matching operation'}, ${result.diagnostics.length} finding${result.diagnostics.length === 1 ? '' : 's'}`;
    if ($('req-live').textContent !== live) $('req-live').textContent = live;
    replace(out,
      h('p', { class: 'summary' },
        h('span', { class: `badge ${result.valid ? 'ok' : 'bad'}`, id: 'req-verdict' }, result.valid ? 'Valid' : 'Invalid'),
        ' ',
        result.route ? h('code', { id: 'req-route' }, result.route) : h('span', { id: 'req-route', class: 'muted' }, 'no matching operation')),
      parameterTable(url.value, result.diagnostics, onFix),
      bodyFindings(result.diagnostics, onFix),
      otherFindings(result.diagnostics, onFix),
      result.problem
        ? h('details', { open: true, class: 'problem' },
          h('summary', {}, `The ${result.status ?? 400} body X would send`),
          h('pre', { id: 'req-problem' }, pretty(result.problem)))
        : null);
  }

  for (const input of [method, tier]) input.addEventListener('change', run);
  const later = debounce(run, 150);
  for (const input of [url, body]) input.addEventListener('input', later);

  return {
    state: () => ({ method: method.value, url: url.value, body: body.value, reqtier: tier.value }),
    restore(s) {
      setSelect(method, s.method);
      url.value = s.url;
      body.value = s.body;
      setSelect(tier, s.reqtier);
      return render();
    },
  };
}

// Findings about the JSON body name a JSON Pointer location ("#/reply_settings") as their parameter.
const isBodyLocation = (parameter) => parameter?.startsWith('#');

/** parameterTable gives one row per parameter in the URL, plus any parameter a finding names that the URL lacks. */
function parameterTable(url, diagnostics, onFix) {
  const params = queryParameters(url);
  const named = new Set(params.map((p) => p.name));
  for (const d of diagnostics) {
    if (d.parameter && !isBodyLocation(d.parameter) && !named.has(d.parameter)) {
      named.add(d.parameter);
      params.push({ name: d.parameter, value: null });
    }
  }
  if (!params.length) return null;
  return h('table', { class: 'grid', id: 'req-params' },
    h('caption', {}, 'Parameters'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'parameter'), h('th', { scope: 'col' }, 'value'), h('th', { scope: 'col' }, 'verdict'))),
    h('tbody', {}, params.map((p) => {
      const found = diagnostics.filter((d) => d.parameter === p.name);
      const worst = found.some((d) => d.severity === 'error') ? 'error' : found.length ? 'warning' : 'ok';
      return h('tr', { dataset: { parameter: p.name, verdict: worst } },
        h('th', { scope: 'row' }, h('code', {}, p.name)),
        h('td', { class: 'value' }, p.value === null ? h('span', { class: 'muted' }, '(missing)') : underlined(p.value, found)),
        h('td', {},
          h('span', { class: `sev ${worst}` }, worst),
          found.map((d) => finding(d, onFix))));
    })));
}

/** underlined shows a parameter value with the spans of its nested query findings marked. */
function underlined(value, found) {
  const nested = found.flatMap((d) => d.query ?? []);
  if (!nested.length) return h('code', {}, value);
  return h('code', { class: 'underlined' }, segments(value, nested).map((seg) =>
    seg.severity ? h('mark', { class: `${seg.severity}${seg.point ? ' point' : ''}` }, seg.text) : seg.text));
}

function bodyFindings(diagnostics, onFix) {
  const body = diagnostics.filter((d) => isBodyLocation(d.parameter));
  if (!body.length) return null;
  return h('table', { class: 'grid', id: 'req-body-findings' },
    h('caption', {}, 'Body'),
    h('thead', {}, h('tr', {}, ['location', 'value', 'verdict'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, body.map((d) => h('tr', { dataset: { parameter: d.parameter, verdict: d.severity } },
      h('th', { scope: 'row' }, h('code', {}, d.parameter)),
      h('td', { class: 'value' }, d.value === undefined ? '' : h('code', {}, d.value)),
      h('td', {}, h('span', { class: `sev ${d.severity}` }, d.severity), finding(d, onFix))))));
}

function otherFindings(diagnostics, onFix) {
  const rest = diagnostics.filter((d) => !d.parameter);
  if (!rest.length) return null;
  return h('ul', { class: 'findings', id: 'req-findings' }, rest.map((d) => h('li', {}, finding(d, onFix))));
}

function finding(d, onFix) {
  return h('div', { class: `finding ${d.severity}`, dataset: { code: d.code } },
    h('code', { class: 'code' }, d.code), ' ', d.message,
    d.query?.length
      ? h('ul', { class: 'nested' }, d.query.map((q) =>
        h('li', { class: q.severity, dataset: { code: q.code } },
          h('code', { class: 'code' }, q.code), ` at ${q.span.start}–${q.span.end}: ${q.message}`)))
      : null,
    (d.fixes ?? []).map((f, i) => h('div', { class: 'fix', dataset: { safe: String(f.safe), index: String(i) } },
      h('button', { type: 'button', class: 'apply-fix', onclick: () => onFix(f.edits), title: f.safe ? 'Safe: keeps what X would do' : 'A guess at what you meant: check it' },
        f.safe ? 'Fix' : 'Fix (guess)'),
      h('span', { class: 'fix-title' }, f.title),
      h('code', { class: 'fix-diff' }, f.edits.map((e) => e.newText ? h('ins', {}, e.newText) : h('del', {}, '(removed)'))))));
}
