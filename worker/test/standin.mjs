// A stand-in for api.x.com on 127.0.0.1: answers with recorded X bodies and
// records every request it receives (method, url, headers, body bytes).
// Scenarios are picked by path, or by the test-only request header
// x-standin (a normal end-to-end header the Worker forwards like any other);
// x-standin-encoding: <coding> sends the answer's body in a content coding
// (CODINGS below), as X does for a client that accepts gzip.
import http from "node:http";
import zlib from "node:zlib";
import { readFileSync } from "node:fs";

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
export const fixtures = {
  search: fixture("search-recent-200.json"),
  rateLimited: fixture("rate-limited-429.json"),
  unauthorized: fixture("unauthorized-401.json"),
  partial: fixture("tweets-lookup-partial-200.json"),
  streamLine: fixture("stream-operational-disconnect.jsonl"),
};

// statusBodies: the shapes of body the "status" scenario answers with: each a shape X sends (fixtures and
// DESIGN.md's Problem), plus nothing and a body that is not JSON.
export const statusBodies = {
  empty: "",
  envelope: fixtures.search.toString(),
  partial: fixtures.partial.toString(),
  problem: fixtures.unauthorized.toString(),
  "usage-capped": '{"title":"UsageCapExceeded","type":"https://api.twitter.com/2/problems/usage-capped","period":"Monthly","scope":"Product"}',
  legacy: '{"errors":[{"code":88,"message":"Rate limit exceeded"}]}',
  "not json": "<html><body>Bad Gateway</body></html>",
};

// CODINGS: what x-standin-encoding may ask for — the Content-Encoding sent and the body's bytes. gzip and deflate
// at level 1, so that bytes the runtime re-encoded (at its own level) would not compare equal.
export const CODINGS = {
  gzip: { header: "gzip", encode: (b) => zlib.gzipSync(b, { level: 1 }) },
  deflate: { header: "deflate", encode: (b) => zlib.deflateSync(b, { level: 1 }) },
  // a list naming one coding (identity is none): decoded as gzip (core/apierr's DecodeBody)
  "gzip-identity": { header: "gzip, identity", encode: (b) => zlib.gzipSync(b, { level: 1 }) },
  br: { header: "br", encode: (b) => zlib.brotliCompressSync(b) },
  // the gzip magic number and then plain bytes: not valid gzip
  corrupt: { header: "gzip", encode: (b) => Buffer.concat([Buffer.from([0x1f, 0x8b]), b]) },
  // ~6 KB that decode to 6 MB of JSON, past the 1 MB the Worker reads to class an answer
  bomb: { header: "gzip", encode: () => bomb },
};
const bomb = zlib.gzipSync(Buffer.from(`{"data":[${"0,".repeat(3 << 20)}0]}`), { level: 9 });

// encoded makes res send its body in the coding the request asks for (none: res as it is).
function encoded(req, res) {
  const coding = CODINGS[req.headers["x-standin-encoding"]];
  if (!coding) return res;
  const writeHead = res.writeHead.bind(res);
  const end = res.end.bind(res);
  res.writeHead = (status, headers = {}) => writeHead(status, { ...headers, "content-encoding": coding.header });
  res.end = (body) => end(coding.encode(Buffer.from(body ?? "")));
  return res;
}

function rateHeaders(remaining, resetSec) {
  return { "x-rate-limit-limit": "450", "x-rate-limit-remaining": String(remaining), "x-rate-limit-reset": String(resetSec) };
}

export async function startStandin({ record = true } = {}) {
  const received = [];
  const streams = { started: 0, ended: 0, release: null };
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      if (record) received.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
      answer(req, encoded(req, res), streams);
    });
  });
  server.keepAliveTimeout = 30000;
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const sockets = new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return {
    port: server.address().port,
    origin: `http://127.0.0.1:${server.address().port}`,
    received,
    streams,
    close: () => new Promise((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    }),
  };
}

const json = { "content-type": "application/json; charset=utf-8" };

function answer(req, res, streams) {
  const path = req.url.split("?")[0];
  const nowSec = Math.floor(Date.now() / 1000);
  const scenario = req.headers["x-standin"];
  if (scenario === "hang") return; // never answers: the Worker must time out
  if (scenario === "exhausted") {
    // X's last allowed call in a window: 200, remaining 0.
    res.writeHead(200, { ...json, ...rateHeaders(0, nowSec + 120) });
    return res.end(fixtures.search);
  }
  if (scenario === "429") {
    res.writeHead(429, { ...json, ...rateHeaders(0, nowSec + 120) });
    return res.end(fixtures.rateLimited);
  }
  if (scenario === "204") {
    res.writeHead(204, rateHeaders(42, nowSec + 900));
    return res.end();
  }
  if (scenario === "cors") {
    // An upstream that answers with CORS of its own: none of it may reach a browser.
    res.writeHead(200, {
      ...json, ...rateHeaders(449, nowSec + 900), "access-control-allow-origin": "*",
      "access-control-allow-credentials": "true", "access-control-expose-headers": "x-upstream-secret",
      "access-control-allow-methods": "DELETE",
    });
    return res.end(fixtures.search);
  }
  if (scenario === "status") {
    // Any status with any body shape (statusBodies), for the class agreement test. Node leaves out the body of
    // statuses that cannot carry one (204, 304) by itself; 205 is told so here.
    const status = Number(req.headers["x-standin-status"]);
    const body = status === 205 ? "" : statusBodies[req.headers["x-standin-body"]];
    res.writeHead(status, { ...json });
    return res.end(body);
  }
  if (scenario === "503") {
    res.writeHead(503, { ...json });
    return res.end('{"title":"Service Unavailable","type":"about:blank","status":503,"detail":"Service Unavailable"}');
  }
  switch (path) {
    case "/2/tweets/search/recent":
      res.writeHead(200, {
        ...json, ...rateHeaders(449, nowSec + 900), "x-transaction-id": "a1b2c3d4e5", "x-access-level": "read",
        "api-version": "2.167", "set-cookie": ["guest_id=v1%3A1; Path=/", "lang=en; Path=/"],
      });
      return res.end(fixtures.search);
    case "/2/tweets":
      if (req.method === "POST") {
        res.writeHead(201, json);
        return res.end('{"data":{"id":"1445880548472328192","text":"Hello world!","edit_history_tweet_ids":["1445880548472328192"]}}');
      }
      res.writeHead(200, { ...json, ...rateHeaders(899, nowSec + 900) });
      return res.end(fixtures.partial);
    case "/2/users/me":
      res.writeHead(401, json);
      return res.end(fixtures.unauthorized);
    case "/2/tweets/search/stream":
    case "/2/tweets/sample/stream":
    case "/2/tweets/firehose/stream/lang/en": {
      // A stream: one line now, the rest only when the test releases it, so a
      // Worker that buffered the body would never deliver the first line.
      streams.started++;
      res.writeHead(200, { "content-type": "application/json", ...rateHeaders(49, nowSec + 900) });
      res.write(fixtures.streamLine);
      const finish = () => {
        streams.ended++;
        res.end("\r\n");
      };
      const timer = setTimeout(finish, 10000);
      streams.release = () => {
        clearTimeout(timer);
        finish();
      };
      return;
    }
    default:
      res.writeHead(404, json);
      return res.end('{"errors":[{"message":"Sorry, that page does not exist","code":34}]}');
  }
}
