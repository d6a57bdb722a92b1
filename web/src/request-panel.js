// Request panel: judge a whole request (method, URL, body) as X would.
import { h, replace, debounce } from './dom.js';
import { splitRequestLine, queryParameters } from './headers.js';
import { pretty } from './format.js';

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
      method.value = line.method;
      url.value = line.url;
    }
    render();
    onChange();
  }

  function render() {
    const out = $('req-result');
    if (!url.value.trim()) {
      replace(out, h('p', { class: 'muted' }, 'Paste a request URL, e.g. /2/tweets/search/recent?query=…'));
      return;
    }
    let result;
    try {
      result = xp.validateRequest({ method: method.value, url: url.value.trim(), body: body.value || undefined, tier: tier.value, now: Date.now() });
    } catch (err) {
      replace(out, h('p', { class: 'error-box', role: 'alert' }, `${err.code ?? 'error'}: ${err.message}`));
      return;
    }
    replace(out,
      h('p', { class: 'summary' },
        h('span', { class: `badge ${result.valid ? 'ok' : 'bad'}`, id: 'req-verdict' }, result.valid ? 'Valid' : 'Invalid'),
        ' ',
        result.route ? h('code', { id: 'req-route' }, result.route) : h('span', { id: 'req-route', class: 'muted' }, 'no matching operation')),
      parameterTable(url.value, result.diagnostics),
      otherFindings(result.diagnostics),
      result.problem
        ? h('details', { open: true, class: 'problem' },
          h('summary', {}, 'The 400 body X would send'),
          h('pre', { id: 'req-problem' }, pretty(result.problem)))
        : null);
  }

  for (const input of [method, tier]) input.addEventListener('change', run);
  const later = debounce(run, 150);
  for (const input of [url, body]) input.addEventListener('input', later);

  return {
    state: () => ({ method: method.value, url: url.value, body: body.value, reqtier: tier.value }),
    restore(s) {
      method.value = s.method;
      url.value = s.url;
      body.value = s.body;
      tier.value = s.reqtier;
      render();
    },
  };
}

/** parameterTable gives one row per parameter in the URL, plus any parameter a finding names that the URL lacks. */
function parameterTable(url, diagnostics) {
  const params = queryParameters(url);
  const named = new Set(params.map((p) => p.name));
  for (const d of diagnostics) {
    if (d.parameter && !named.has(d.parameter)) {
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
        h('td', { class: 'value' }, p.value === null ? h('span', { class: 'muted' }, '(missing)') : h('code', {}, p.value)),
        h('td', {},
          h('span', { class: `sev ${worst}` }, worst),
          found.map((d) => finding(d))));
    })));
}

function otherFindings(diagnostics) {
  const rest = diagnostics.filter((d) => !d.parameter);
  if (!rest.length) return null;
  return h('ul', { class: 'findings', id: 'req-findings' }, rest.map((d) => h('li', {}, finding(d))));
}

function finding(d) {
  return h('div', { class: `finding ${d.severity}`, dataset: { code: d.code } },
    h('code', { class: 'code' }, d.code), ' ', d.message,
    d.query?.length
      ? h('ul', { class: 'nested' }, d.query.map((q) =>
        h('li', { class: q.severity, dataset: { code: q.code } },
          h('code', { class: 'code' }, q.code), ` at ${q.span.start}–${q.span.end}: ${q.message}`)))
      : null);
}
