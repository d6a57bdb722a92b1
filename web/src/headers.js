// Reading pasted HTTP text: header blocks ("name: value" per line) and a
// request line typed into the URL box ("GET /2/tweets/search/recent?…").

/**
 * parseHeaders reads "Name: value" lines into an object keyed by lower-case
 * name. A status line ("HTTP/2 429 …") is returned as `status`. Lines that are
 * not headers are reported in `skipped` (with their 1-based line number), never
 * silently dropped. Repeated names are joined with ", " as HTTP allows.
 */
export function parseHeaders(text) {
  const headers = {};
  const skipped = [];
  let status = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const statusLine = /^HTTP\/[\d.]+\s+(\d{3})\b/i.exec(line);
    if (statusLine) {
      status = Number(statusLine[1]);
      return;
    }
    const colon = line.indexOf(':', line.startsWith(':') ? 1 : 0);
    const name = colon > 0 ? line.slice(0, colon).trim().toLowerCase() : '';
    if (!name || /\s/.test(name)) {
      skipped.push({ line: i + 1, text: raw });
      return;
    }
    const value = line.slice(colon + 1).trim();
    headers[name] = Object.hasOwn(headers, name) ? `${headers[name]}, ${value}` : value;
  });
  return { headers, status, skipped };
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/**
 * splitRequestLine accepts "METHOD url [HTTP/x]" or a bare URL. It returns
 * {method, url}; method is null when the text has none.
 */
export function splitRequestLine(text) {
  const trimmed = text.trim();
  const m = /^([A-Za-z]+)\s+(\S+)(?:\s+HTTP\/[\d.]+)?$/.exec(trimmed);
  if (m && METHODS.includes(m[1].toUpperCase())) return { method: m[1].toUpperCase(), url: m[2] };
  return { method: null, url: trimmed };
}

/**
 * queryParameters lists the query-string parameters of a path or URL in
 * order, decoded the way a server decodes them ('+' is a space).
 */
export function queryParameters(url) {
  const q = url.indexOf('?');
  if (q < 0) return [];
  const hash = url.indexOf('#', q);
  const search = url.slice(q + 1, hash < 0 ? undefined : hash);
  return [...new URLSearchParams(search)].map(([name, value]) => ({ name, value }));
}
