// The query editor: a textarea over a mirrored backdrop. The backdrop holds
// the same text (transparent) with <mark> ranges, so underlines sit exactly
// under the characters the textarea shows, and typing never re-creates the
// textarea (caret, selection and undo history survive).
import { segments } from './spans.js';

export function bindEditor(textarea, backdrop) {
  const mirror = backdrop.firstElementChild ?? backdrop;
  let lastKey = '';

  // The textarea grows with its text instead of scrolling: a scrollbar would
  // narrow it and make its line wrapping differ from the mirror's.
  const fit = () => {
    textarea.style.height = 'auto';
    textarea.style.height = `${textarea.scrollHeight + textarea.offsetHeight - textarea.clientHeight}px`;
  };
  textarea.addEventListener('input', fit);
  let width = 0;
  new ResizeObserver(([entry]) => {
    if (entry.contentRect.width !== width) {
      width = entry.contentRect.width;
      fit();
    }
  }).observe(textarea.parentElement);

  textarea.addEventListener('scroll', () => {
    backdrop.scrollTop = textarea.scrollTop;
    backdrop.scrollLeft = textarea.scrollLeft;
  });

  /** render draws the underlines for text; unchanged input touches nothing. */
  function render(text, diagnostics) {
    const key = JSON.stringify([text, diagnostics.map((d) => [d.severity, d.span?.start, d.span?.end, d.code])]);
    if (key === lastKey) return;
    lastKey = key;
    const fragment = document.createDocumentFragment();
    for (const seg of segments(text, diagnostics)) {
      if (seg.point) {
        fragment.append(mark('', seg, diagnostics, 'point'));
      } else if (seg.severity) {
        fragment.append(mark(seg.text, seg, diagnostics, ''));
      } else {
        fragment.append(seg.text);
      }
    }
    // A trailing newline needs a character after it, or the mirror is one line short.
    fragment.append(text.endsWith('\n') || text === '' ? ' ' : '');
    mirror.replaceChildren(fragment);
    fit();
    backdrop.scrollTop = textarea.scrollTop;
  }

  /** select puts the caret selection on a UTF-16 span and scrolls to it. */
  function select(span) {
    textarea.focus();
    const end = Math.min(span.end, textarea.value.length);
    const start = Math.min(span.start, end);
    textarea.setSelectionRange(start, end);
  }

  return { render, select };
}

function mark(text, seg, diagnostics, extra) {
  const node = document.createElement('mark');
  node.className = `${seg.severity}${extra ? ` ${extra}` : ''}`;
  node.dataset.codes = seg.indexes.map((i) => diagnostics[i].code).join(' ');
  node.textContent = text;
  return node;
}
