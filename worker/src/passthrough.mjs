// The benchmark's baselines (worker/bench/bench.mjs): plain JS Workers that forward every request to X_API_ORIGIN.
// No validation, no Go.
//   BASELINE unset: X's answer goes back as it is.
//   BASELINE=marked: the answer also gets what any Worker in xpreflight's place adds to a forwarded call — its four
//   x-preflight marks and one JSON log line of the request log's shape (observe.mjs) — so the benchmark can show the
//   floor under xpreflight's added cost: what remains once validation and classification cost nothing.
export default {
  async fetch(request, env) {
    const url = request.url;
    const target = url.slice(url.indexOf("/", url.indexOf("://") + 3));
    const started = Date.now();
    const upstream = await fetch(env.X_API_ORIGIN + target, {
      method: request.method, headers: request.headers, body: request.body, redirect: "manual",
    });
    if (env.BASELINE !== "marked") return upstream;
    const response = new Response(upstream.body, upstream);
    const h = response.headers;
    h.set("x-preflight", "forwarded");
    h.set("x-preflight-class", "success");
    h.set("x-preflight-validator", "valid");
    h.set("x-preflight-auth", "caller");
    console.log(JSON.stringify({
      event: "request", route: "GET /2/tweets/search/recent", outcome: "forwarded", status: response.status,
      class: "success", validator: "valid", ledger: "room", ms: Date.now() - started, upstreamMs: Date.now() - started,
      ledgerMs: null, cold: false, version: "baseline",
    }));
    return response;
  },
};
