// Post panel: X's weighted count of a post as it is typed (validatePost), with
// the part past the limit and the entities (URLs, mentions, hashtags,
// cashtags) highlighted behind the text as X's composer shows them. The
// panel builds its own section and style, so the page's shared files only
// mount it (main.js).
import { h, replace, debounce } from './dom.js';

const STYLE = `
#post-panel .post-editor { position: relative; }
#post-panel .post-editor textarea, #post-panel .post-backdrop {
  box-sizing: border-box; width: 100%; margin: 0; padding: .6rem .7rem; border: 1px solid var(--border, #bbb);
  border-radius: 6px; font: 1rem/1.45 system-ui, sans-serif; white-space: pre-wrap; overflow-wrap: anywhere;
  letter-spacing: normal; tab-size: 4;
}
#post-panel .post-editor textarea { position: relative; z-index: 1; background: transparent; resize: vertical; min-height: 6.5em; color: inherit; }
#post-panel .post-backdrop { position: absolute; inset: 0; color: transparent; overflow: hidden; border-color: transparent; }
#post-panel .post-backdrop mark { color: transparent; border-radius: 2px; }
#post-panel mark.entity { background: rgba(29, 155, 240, .18); }
#post-panel mark.overflow { background: rgba(244, 33, 46, .25); }
#post-panel .post-count { font-variant-numeric: tabular-nums; }
#post-panel .post-count.over { color: var(--error, #c00); font-weight: 600; }
#post-panel .post-options { display: flex; gap: 1rem; flex-wrap: wrap; align-items: end; margin: .5rem 0; }
#post-panel ul.post-entities { list-style: none; padding: 0; }
#post-panel ul.post-entities li { margin: .15rem 0; }
#post-panel ul.post-entities .kind { display: inline-block; min-width: 5.5em; font-size: .85em; opacity: .8; }
`;

/**
 * postPanel adds the Post section after `after` and wires it to xp.validatePost
 * (synchronous: the query-only module has it). The counter and highlights
 * follow every animation frame; the lists wait until typing pauses.
 */
export function postPanel(xp, after) {
  const section = build();
  after.after(section);
  const $ = (id) => section.querySelector(`#${id}`);
  const textarea = $('post-text');
  const mirror = $('post-backdrop');
  let frame = 0;
  let report = null;
  let lastMarks = '';

  const settle = debounce(() => renderDetails(report), 150);

  function measure() {
    frame = 0;
    const opts = { config: $('post-config').value };
    if ($('post-long').value !== '') opts.longPosts = $('post-long').value === 'true';
    try {
      report = xp.validatePost(textarea.value, opts);
      $('post-error').hidden = true;
    } catch (err) {
      report = null;
      $('post-error').hidden = false;
      $('post-error').textContent = `${err.code ?? 'error'}: ${err.message}`;
    }
    renderCount(report);
    renderMarks(textarea.value, report);
  }

  function schedule() {
    if (!frame) frame = requestAnimationFrame(measure);
    settle();
  }

  function renderCount(r) {
    const count = $('post-count');
    const meter = $('post-meter');
    if (!r) return replace(count, '');
    const over = r.weightedLength > r.maxLength;
    count.classList.toggle('over', over);
    replace(count, `${r.weightedLength} / ${r.maxLength}`);
    count.dataset.weighted = String(r.weightedLength);
    meter.max = r.maxLength;
    meter.value = Math.min(r.weightedLength, r.maxLength);
    $('post-remaining').textContent = over ? `${r.weightedLength - r.maxLength} over` : `${r.maxLength - r.weightedLength} left`;
  }

  // renderMarks draws the entities and the overflow behind the text.
  function renderMarks(text, r) {
    const ranges = [];
    if (r) {
      for (const [kind, list] of Object.entries(r.entities)) {
        for (const e of list) ranges.push({ start: e.span.start, end: e.span.end, cls: 'entity', kind: kind.replace(/s$/, '') });
      }
      if (r.validRange.end < r.displayRange.end && r.weightedLength > r.maxLength) {
        ranges.push({ start: r.validRange.end, end: r.displayRange.end, cls: 'overflow' });
      }
    }
    const key = JSON.stringify([text, ranges]);
    if (key === lastMarks) return;
    lastMarks = key;
    const fragment = document.createDocumentFragment();
    for (const piece of cut(text, ranges)) {
      if (!piece.ranges.length) {
        fragment.append(piece.text);
        continue;
      }
      const mark = document.createElement('mark');
      const entity = piece.ranges.find((x) => x.cls === 'entity');
      mark.className = piece.ranges.map((x) => x.cls).join(' ');
      if (entity) mark.dataset.kind = entity.kind;
      mark.textContent = piece.text;
      fragment.append(mark);
    }
    fragment.append(text.endsWith('\n') || text === '' ? ' ' : '');
    mirror.replaceChildren(fragment);
    mirror.scrollTop = textarea.scrollTop;
  }

  function renderDetails(r) {
    const entities = [];
    if (r) {
      for (const [kind, list] of Object.entries(r.entities)) {
        for (const e of list) entities.push({ kind: kind.replace(/s$/, ''), e });
      }
      entities.sort((a, b) => a.e.span.start - b.e.span.start);
    }
    replace($('post-entities'), entities.map(({ kind, e }) => h('li', { dataset: { kind } },
      h('span', { class: 'kind' }, kind),
      h('code', {}, textarea.value.slice(e.span.start, e.span.end)),
      kind === 'url' ? h('span', { class: 'where' }, ' counts 23') : null)));
    const diagnostics = r?.diagnostics ?? [];
    replace($('post-diagnostics'), diagnostics.map((d) => h('li', { class: d.severity, dataset: { code: d.code, severity: d.severity } },
      h('span', { class: `sev ${d.severity}` }, d.severity), ' ',
      h('code', { class: 'code' }, d.code), ' ',
      h('span', { class: 'message' }, d.message))));
    const verdict = $('post-verdict');
    verdict.textContent = !r ? 'Not checked' : !textarea.value ? 'Empty' : r.valid ? 'Valid' : 'Invalid';
    verdict.className = `badge ${!r || !textarea.value ? '' : r.valid ? 'ok' : 'bad'}`;
    $('post-entities').dataset.text = textarea.value;
  }

  textarea.addEventListener('input', schedule);
  textarea.addEventListener('scroll', () => { mirror.scrollTop = textarea.scrollTop; });
  $('post-config').addEventListener('change', schedule);
  $('post-long').addEventListener('change', schedule);
  measure();
  renderDetails(report);
  return { measure: () => { measure(); renderDetails(report); } };
}

// cut splits text at every range boundary; each piece lists the ranges covering it.
function cut(text, ranges) {
  const n = text.length;
  const clamp = (x) => Math.min(Math.max(x, 0), n);
  const points = [...new Set([0, n, ...ranges.flatMap((r) => [clamp(r.start), clamp(r.end)])])].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    out.push({ text: text.slice(a, b), ranges: ranges.filter((r) => clamp(r.start) <= a && clamp(r.end) >= b) });
  }
  return out;
}

function build() {
  const section = h('section', { id: 'post-panel', class: 'panel', 'aria-labelledby': 'post-title' },
    h('style', {}, STYLE),
    h('h2', { id: 'post-title' }, 'Post'),
    h('p', {}, 'X\'s own count (twitter-text): a URL counts 23, an emoji 2, most non-Latin characters 2. The part past the limit and the entities are highlighted.'),
    h('label', { for: 'post-text' }, 'Post text'),
    h('div', { class: 'post-editor' },
      h('div', { id: 'post-backdrop', class: 'post-backdrop', 'aria-hidden': 'true' }),
      h('textarea', { id: 'post-text', rows: '4', spellcheck: 'false', 'aria-describedby': 'post-count', placeholder: 'Launch day 🚀 notes at https://example.com/blog #buildinpublic' })),
    h('div', { class: 'post-options' },
      h('span', {}, h('meter', { id: 'post-meter', min: '0', max: '280', value: '0', 'aria-label': 'Weighted length' }), ' ',
        h('span', { id: 'post-count', class: 'post-count', 'aria-live': 'polite' }), ' ',
        h('span', { id: 'post-remaining' })),
      h('label', {}, 'Long posts ',
        h('select', { id: 'post-long' },
          h('option', { value: '' }, 'unknown'), h('option', { value: 'false' }, 'no'), h('option', { value: 'true' }, 'yes (X Premium)'))),
      h('label', {}, 'Config ',
        h('select', { id: 'post-config' }, h('option', { value: 'v3' }, 'v3'), h('option', { value: 'v2' }, 'v2'))),
      h('span', { id: 'post-verdict', class: 'badge' }, 'Not checked')),
    h('p', { id: 'post-error', class: 'error-box', role: 'alert', hidden: '' }),
    h('ul', { id: 'post-diagnostics', class: 'diagnostics' }),
    h('ul', { id: 'post-entities', class: 'post-entities' }));
  return section;
}
