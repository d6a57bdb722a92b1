// Response panel: read X's answer (status, headers, body) and chart the
// retry advice for it.
import { loadingNote } from './loading.js';
import { h, replace, debounce, setSelect } from './dom.js';
import { parseHeaders } from './headers.js';
import { duration, utc } from './format.js';
import { chart, kind, legend } from './retry-chart.js';

/** ATTEMPTS is how many attempts the retry chart shows. */
export const ATTEMPTS = 8;

/** RANDOM fixes the jitter at its midpoint so the chart is reproducible. */
const RANDOM = 0.5;

export function responsePanel(xp, onChange) {
  const $ = (id) => document.getElementById(id);
  const status = $('res-status');
  const headers = $('res-headers');
  const body = $('res-body');
  const method = $('res-method');
  const url = $('res-url');
  const stream = $('res-stream');

  function run() {
    render();
    onChange();
  }

  // The checker answers asynchronously (it runs in a worker): only the latest render may write its result.
  let latest = 0;
  async function render() {
    const mine = ++latest;
    const out = $('res-result');
    const parsed = parseHeaders(headers.value);
    const code = status.value.trim() ? Number(status.value) : parsed.status;
    if (!code && !body.value.trim()) {
      replace(out, h('p', { class: 'muted' }, 'Paste a status, headers and body from X.'));
      return;
    }
    const exchange = {
      status: code,
      headers: parsed.headers,
      body: body.value,
      method: method.value,
      url: url.value.trim() || undefined,
    };
    let result;
    let advice;
    const now = Date.now();
    try {
      const attempts = Array.from({ length: ATTEMPTS }, (_, i) => i + 1);
      [result, ...advice] = await Promise.all([
        xp.parseResponse(exchange),
        ...attempts.map((attempt) => xp.adviseRetry({ ...exchange, attempt, now, random: RANDOM, stream: stream.checked })),
      ]);
    } catch (err) {
      if (mine !== latest) return;
      replace(out, loadingNote(err, 'response') ?? h('p', { class: 'error-box', role: 'alert' }, `${err.code ?? 'error'}: ${err.message}`));
      return;
    }
    if (mine !== latest) return;
    const live = `${result.class}, HTTP ${result.status}, ${result.retryable ? 'retryable' : 'not retryable'}`;
    if ($('res-live').textContent !== live) $('res-live').textContent = live;
    replace(out,
      h('p', { class: 'summary' },
        h('span', { class: `badge class-${result.class}`, id: 'res-class' }, result.class),
        ' ', `HTTP ${result.status}`, ' · ',
        h('span', { id: 'res-retryable' }, result.retryable ? 'retryable' : 'not retryable')),
      parsed.status && status.value.trim() && parsed.status !== code
        ? h('p', { class: 'warning-box' }, `The headers' status line says ${parsed.status}; the status box (${code}) was used.`)
        : null,
      parsed.skipped.length
        ? h('p', { class: 'warning-box' }, `Not a header, ignored: ${parsed.skipped.map((s) => `line ${s.line} “${s.text.trim()}”`).join(', ')}`)
        : null,
      problemTable('Problems', 'res-problems', result.problems),
      problemTable('Partial errors', 'res-partial', result.partialErrors),
      rateLimit(result.rateLimit, now),
      schema(result.schema),
      h('h3', {}, 'Retry schedule'),
      h('p', { class: 'muted small' }, `adviseRetry for this answer at attempts 1–${ATTEMPTS}, now = ${utc(now)}, jitter fixed at ${RANDOM}.`),
      h('div', { class: 'chart-wrap' }, chart(advice, now, out.clientWidth || 640)),
      legend(),
      adviceTable(advice, now));
  }

  for (const input of [status, headers, body, url]) input.addEventListener('input', debounce(run, 150));
  for (const input of [method, stream]) input.addEventListener('change', run);

  return {
    state: () => ({ status: status.value, headers: headers.value, response: body.value, rmethod: method.value, rurl: url.value, stream: stream.checked ? '1' : '' }),
    restore(s) {
      status.value = s.status;
      headers.value = s.headers;
      body.value = s.response;
      setSelect(method, s.rmethod);
      url.value = s.rurl;
      stream.checked = s.stream === '1';
      return render();
    },
  };
}

const KNOWN = new Set(['slug', 'type', 'title', 'detail', 'message', 'status']);

function problemTable(title, id, problems) {
  if (!problems?.length) return h('p', { class: 'muted', id }, `${title}: none`);
  return h('table', { class: 'grid', id },
    h('caption', {}, `${title} (${problems.length})`),
    h('thead', {}, h('tr', {}, ['slug', 'title', 'detail', 'more'].map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, problems.map((p) => h('tr', { dataset: { slug: p.slug } },
      h('td', {}, h('code', {}, p.slug)),
      h('td', {}, p.title ?? ''),
      h('td', {}, p.detail ?? p.message ?? ''),
      h('td', { class: 'more' }, Object.entries(p).filter(([k]) => !KNOWN.has(k)).map(([k, v]) =>
        h('div', {}, h('span', { class: 'key' }, k), ' ', h('code', {}, typeof v === 'string' ? v : JSON.stringify(v)))))))));
}

function rateLimit(rl, now) {
  if (!rl) return h('p', { class: 'muted', id: 'rate-limit' }, 'Rate limit: no x-rate-limit headers.');
  const rows = [['15 min', rl]];
  if (rl.appDay) rows.push(['app, 24 h', rl.appDay]);
  if (rl.userDay) rows.push(['user, 24 h', rl.userDay]);
  return h('table', { class: 'grid', id: 'rate-limit' },
    h('caption', {}, 'Rate limit'),
    h('thead', {}, h('tr', {}, ['window', 'remaining', 'limit', 'reset'].map((c) => h('th', { scope: 'col', class: c === 'remaining' || c === 'limit' ? 'num' : null }, c)))),
    h('tbody', {}, rows.map(([name, w]) => h('tr', { class: w.remaining === 0 ? 'exhausted' : '' },
      h('th', { scope: 'row' }, name),
      h('td', { class: 'num' }, String(w.remaining ?? '—')),
      h('td', { class: 'num' }, String(w.limit ?? '—')),
      h('td', {}, Number.isFinite(w.reset)
        ? [relative(w.reset * 1000 - now), h('div', { class: 'muted small' }, utc(w.reset * 1000))]
        : '—')))));
}

function relative(ms) {
  return ms >= 0 ? `in ${duration(ms)}` : `${duration(-ms)} ago`;
}

function schema(s) {
  if (!s || s.valid) return h('p', { class: 'muted', id: 'res-schema' }, 'Body matches a known shape.');
  return h('details', { id: 'res-schema', open: true },
    h('summary', {}, `Body does not match a known shape (${s.violations.length})`),
    h('ul', {}, s.violations.map((v) => h('li', {},
      h('code', {}, v.instanceLocation || '/'), ' ', v.message, ' ', h('span', { class: 'muted' }, v.keywordLocation)))));
}

function adviceTable(advice, now) {
  return h('table', { class: 'grid compact', id: 'retry-table' },
    h('caption', { class: 'visually-hidden' }, 'Retry advice per attempt'),
    h('thead', {}, h('tr', {}, ['attempt', 'decision', 'wait', 'reason'].map((c) => h('th', { scope: 'col', class: c === 'attempt' || c === 'wait' ? 'num' : null }, c)))),
    h('tbody', {}, advice.map((a, i) => {
      const k = kind(a, now);
      return h('tr', { dataset: { kind: k } },
        h('td', { class: 'num' }, String(i + 1)),
        h('td', {}, k === 'retry' ? 'retry' : k === 'park' ? 'park' : 'no retry'),
        h('td', { class: 'num' }, k === 'retry' ? duration(a.delayMs) : k === 'park' ? `until ${utc(a.notBefore)}` : '—'),
        h('td', {}, a.reason));
    })));
}
