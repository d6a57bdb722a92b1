// The retry schedule as an SVG bar chart: one bar per attempt, height the
// delay adviseRetry gives (log scale, so doubling backoff climbs evenly).
// A "park" (wait over the cap: retry=false with notBefore) is a hatched bar to
// notBefore; "no retry" is a cross on the baseline.
import { h } from './dom.js';
import { duration, short } from './format.js';

const H = 240;
const PAD = { left: 64, right: 12, top: 36, bottom: 40 };
const TICKS = [100, 1e3, 1e4, 6e4, 6e5, 36e5, 864e5, 6048e5];

/** kind classifies one piece of advice for the chart and the table. */
export function kind(advice, now) {
  if (advice.retry) return 'retry';
  return advice.notBefore > now ? 'park' : 'no-retry';
}

/** waitMs is the bar height: the delay, or for a park the time to notBefore. */
export function waitMs(advice, now) {
  const k = kind(advice, now);
  if (k === 'retry') return advice.delayMs;
  if (k === 'park') return Math.max(advice.delayMs, advice.notBefore - now);
  return 0;
}

/**
 * chart draws advice[i] (for attempt i+1) taken at time now, `width` user
 * units wide: the caller passes the space it has so text keeps its size on a
 * phone instead of shrinking with the drawing.
 */
export function chart(advice, now, width = 640) {
  const W = Math.max(300, Math.min(720, Math.round(width)));
  const waits = advice.map((a) => waitMs(a, now));
  const top = Math.max(1e3, ...waits) * 1.5;
  const bottom = Math.min(100, ...waits.filter((w) => w > 0));
  const lo = Math.log10(bottom);
  const hi = Math.log10(top);
  const plotH = H - PAD.top - PAD.bottom;
  const y = (ms) => PAD.top + plotH - (ms <= 0 ? 0 : ((Math.log10(Math.max(ms, bottom)) - lo) / (hi - lo)) * plotH);
  const slot = (W - PAD.left - PAD.right) / advice.length;
  const barW = Math.min(48, slot * 0.6);
  const summary = advice.map((a, i) => `attempt ${i + 1}: ${describe(a, now)}`).join('; ');

  return h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-labelledby': 'retry-chart-title', id: 'retry-chart' },
    h('svg:title', { id: 'retry-chart-title' }, `Retry schedule. ${summary}`),
    h('svg:defs', {},
      h('svg:pattern', { id: 'hatch', width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
        h('svg:rect', { width: 6, height: 6, class: 'hatch-bg' }),
        h('svg:line', { x1: 0, y1: 0, x2: 0, y2: 6, class: 'hatch-line' }))),
    TICKS.filter((t) => t >= bottom && t <= top).map((t) => h('svg:g', { class: 'tick' },
      h('svg:line', { x1: PAD.left, x2: W - PAD.right, y1: y(t), y2: y(t) }),
      h('svg:text', { x: PAD.left - 6, y: y(t) + 4, 'text-anchor': 'end' }, duration(t)))),
    h('svg:line', { class: 'axis', x1: PAD.left, x2: W - PAD.right, y1: H - PAD.bottom, y2: H - PAD.bottom }),
    h('svg:text', { class: 'axis-label', x: PAD.left + (W - PAD.left - PAD.right) / 2, y: H - 6, 'text-anchor': 'middle' }, 'attempt'),
    advice.map((a, i) => bar(a, i, now, { x: PAD.left + slot * i + (slot - barW) / 2, barW, y, base: H - PAD.bottom, wide: slot >= 52 })));
}

function bar(a, i, now, { x, barW, y, base, wide }) {
  const k = kind(a, now);
  const wait = waitMs(a, now);
  const cx = x + barW / 2;
  const label = k === 'no-retry' ? (wide ? 'no retry' : '') : short(wait);
  const parts = [h('svg:title', {}, `attempt ${i + 1}: ${describe(a, now)}`)];
  if (k === 'no-retry') {
    parts.push(h('svg:path', { class: 'cross', d: `M${cx - 7},${base - 16} l14,14 M${cx + 7},${base - 16} l-14,14` }));
  } else {
    const top = Math.min(y(wait), base - 2);
    parts.push(h('svg:rect', { class: k === 'park' ? 'bar park' : 'bar', x, y: top, width: barW, height: base - top, rx: 2 }));
  }
  const labelY = k === 'no-retry' ? base - 22 : Math.min(y(wait), base - 2) - 6;
  if (label) parts.push(h('svg:text', { class: `bar-label ${k}`, x: cx, y: labelY, 'text-anchor': 'middle' }, label));
  if (k === 'park') parts.push(h('svg:text', { class: 'bar-label park', x: cx, y: labelY - 13, 'text-anchor': 'middle' }, 'park'));
  parts.push(h('svg:text', { class: 'attempt', x: cx, y: base + 16, 'text-anchor': 'middle' }, String(i + 1)));
  return h('svg:g', { class: `attempt-bar ${k}`, dataset: { attempt: i + 1, kind: k } }, parts);
}

/** legend explains the three marks, as HTML under the chart. */
export function legend() {
  return h('p', { class: 'legend small' },
    h('span', {}, h('span', { class: 'key retry' }), ' retry after the delay'),
    h('span', {}, h('span', { class: 'key park' }), ' park: not before notBefore'),
    h('span', {}, h('span', { class: 'key no-retry' }, '✕'), ' no retry'));
}

function describe(a, now) {
  const k = kind(a, now);
  if (k === 'retry') return `retry after ${duration(a.delayMs)} (${a.reason})`;
  if (k === 'park') return `park for ${duration(a.notBefore - now)} (${a.reason})`;
  return `no retry (${a.reason})`;
}
