// Human-readable numbers for the page.

/** duration renders milliseconds as "850 ms", "12 s", "4 min 5 s", "2 h 3 min". */
export function duration(ms) {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '−' : '';
  ms = Math.abs(Math.round(ms));
  if (ms < 1000) return `${sign}${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${sign}${Number.isInteger(s) ? s : s.toFixed(1)} s`;
  const totalS = Math.round(s);
  const min = Math.floor(totalS / 60);
  if (min < 60) return `${sign}${min} min${totalS % 60 ? ` ${totalS % 60} s` : ''}`;
  const hours = Math.floor(min / 60);
  if (hours < 48) return `${sign}${hours} h${min % 60 ? ` ${min % 60} min` : ''}`;
  return `${sign}${Math.round(hours / 24)} d`;
}

/** utc renders a Unix-millisecond time as an ISO-like UTC string. */
export function utc(ms) {
  if (!Number.isFinite(ms)) return '—';
  return new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

/** short renders milliseconds compactly for chart labels: "850ms", "12s", "10m", "1.2h", "3d". */
export function short(ms) {
  if (!Number.isFinite(ms)) return '—';
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60e3) return `${trim(ms / 1e3)}s`;
  if (ms < 36e5) return `${trim(ms / 6e4)}m`;
  if (ms < 1728e5) return `${trim(ms / 36e5)}h`;
  return `${trim(ms / 864e5)}d`;
}

function trim(n) {
  return n >= 10 ? String(Math.round(n)) : String(Math.round(n * 10) / 10);
}

/**
 * pretty prints JSON indented, but keeps any object or array whose compact
 * form fits in `width` characters on one line, so problem bodies stay short.
 */
export function pretty(value, width = 72, indent = '') {
  const compact = JSON.stringify(value);
  if (compact === undefined || value === null || typeof value !== 'object' || compact.length + indent.length <= width) return compact;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    return `[\n${value.map((v) => inner + pretty(v, width, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${pretty(v, width, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}
