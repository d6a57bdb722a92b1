// Slicing the query text at diagnostic spans, for the underlines drawn
// behind the editor. Spans are UTF-16 offsets, which is what JS strings index.

const RANK = { error: 2, warning: 1 };

/**
 * segments cuts text into consecutive pieces, each covered by the same set of
 * diagnostics. A piece carries the strongest severity covering it (or null)
 * and the indexes of the diagnostics covering it. Empty spans (a point such as
 * "unexpected end of query") become zero-length pieces with `point: true` so
 * they can be drawn as a caret. Spans outside the text are clamped, never
 * dropped.
 */
export function segments(text, diagnostics) {
  const length = text.length;
  const ranges = diagnostics.map((d, index) => {
    const start = clamp(d.span?.start ?? 0, 0, length);
    const end = clamp(d.span?.end ?? start, start, length);
    return { start, end, severity: d.severity, index };
  });
  const cuts = new Set([0, length]);
  for (const r of ranges) cuts.add(r.start).add(r.end);
  const points = [...cuts].sort((a, b) => a - b);

  const out = [];
  for (let i = 0; i < points.length; i++) {
    const at = points[i];
    const empties = ranges.filter((r) => r.start === at && r.end === at);
    if (empties.length) out.push(piece(at, at, empties, true));
    const next = points[i + 1];
    if (next === undefined) break;
    const covering = ranges.filter((r) => r.start <= at && r.end >= next && r.end > r.start);
    out.push(piece(at, next, covering, false));
  }
  return out.map((p) => ({ ...p, text: text.slice(p.start, p.end) }));
}

function piece(start, end, covering, point) {
  let severity = null;
  for (const r of covering) {
    if (!severity || RANK[r.severity] > RANK[severity]) severity = r.severity;
  }
  return { start, end, severity, indexes: covering.map((r) => r.index), point };
}

function clamp(n, lo, hi) {
  return Math.min(Math.max(Number.isFinite(n) ? n : lo, lo), hi);
}
