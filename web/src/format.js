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
