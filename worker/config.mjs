// Writes the workerd config (Cap'n Proto text) that serves the built Worker
// locally: no Cloudflare account, no network beyond what X_API_ORIGIN names.
//
//   node worker/config.mjs --build DIR --assets DIR --out FILE [--port 8787]
//                          [--second-port N] [--passthrough-port N]
//
// Embedded files are named relative to FILE (workerd resolves embeds against
// the config's own folder and refuses absolute paths).
//
// Secrets (X_BEARER_TOKEN, PREFLIGHT_KEYS, PREFLIGHT_KEY, PREFLIGHT_SIGNING_KEYS)
// and settings (X_API_ORIGIN, ALLOWED_ORIGINS, PUBLIC_READ_ORIGINS,
// UPSTREAM_TIMEOUT_MS, X_API_TIER, CLASSIFY_SUCCESS_BODIES, REQUEST_LOG) are `fromEnvironment` bindings: workerd reads them
// from its own environment, so they are never written to disk.
//
// --second-port serves the same script as a second, separately loaded Worker
// (its own isolate and Go instance) bound to the same Durable Object namespace:
// the tests use it to show the rate-limit state is shared. --passthrough-port
// serves a plain JS Worker that forwards everything to X_API_ORIGIN: the
// benchmark's baseline.
import { parseArgs } from "node:util";
import path from "node:path";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";

const { values: opt } = parseArgs({
  options: {
    build: { type: "string" },
    assets: { type: "string" },
    port: { type: "string", default: "8787" },
    "second-port": { type: "string" },
    "passthrough-port": { type: "string" },
    out: { type: "string" },
    "no-xpreflight": { type: "boolean", default: false },
    "public-rate-limit": { type: "string", default: "100/60" },
    "events-port": { type: "string" },
    "ledger-latency-ms": { type: "string" },
  },
});
if (!opt.build || !opt.assets || !opt.out) {
  console.error("usage: node worker/config.mjs --build DIR --assets DIR --out FILE [--port N] [--second-port N] [--passthrough-port N]");
  process.exit(2);
}
for (const p of ["port", "second-port", "passthrough-port", "events-port", "ledger-latency-ms"]) {
  if (opt[p] !== undefined && !/^[0-9]{1,5}$/.test(opt[p])) {
    console.error(`--${p} must be a port number, got ${JSON.stringify(opt[p])}`);
    process.exit(2);
  }
}

const q = (s) => JSON.stringify(s); // Cap'n Proto text strings use JSON escapes
const outDir = path.dirname(path.resolve(opt.out));
const build = path.relative(outDir, path.resolve(opt.build)) || ".";
const assets = path.resolve(opt.assets);

const envBindings = ["X_API_ORIGIN", "ALLOWED_ORIGINS", "X_BEARER_TOKEN", "PREFLIGHT_KEY", "PREFLIGHT_KEYS",
  "PREFLIGHT_SIGNING_KEYS", "PUBLIC_READ_ORIGINS", "UPSTREAM_TIMEOUT_MS", "X_API_TIER", "CLASSIFY_SUCCESS_BODIES", "REQUEST_LOG"]
  .map((name) => `(name = ${q(name)}, fromEnvironment = ${q(name)})`);

// PUBLIC_RATE_LIMIT: locally, worker/local/ratelimit.mjs stands in for Cloudflare's rate-limiting binding
// (--public-rate-limit LIMIT/PERIOD, calls per seconds per client key; default 100/60; "none": no binding).
const noRateLimit = opt["public-rate-limit"] === "none";
const rateLimit = /^([0-9]{1,6})\/([0-9]{1,5})$/.exec(opt["public-rate-limit"]);
if (!rateLimit && !noRateLimit) {
  console.error(`--public-rate-limit must be LIMIT/PERIOD (e.g. 100/60), got ${JSON.stringify(opt["public-rate-limit"])}`);
  process.exit(2);
}
const RATE_LIMIT_MODULE = "xpreflight-internal:ratelimit";
const rateLimitSource = readFileSync(new URL("./local/ratelimit.mjs", import.meta.url), "utf8");
if (rateLimit) envBindings.push(`(name = "PUBLIC_RATE_LIMIT", wrapped = (moduleName = ${q(RATE_LIMIT_MODULE)}, innerBindings = [
      (name = "limit", json = ${q(rateLimit[1])}), (name = "period", json = ${q(rateLimit[2])}),
    ]))`);

// The Worker's ES modules: every .mjs worker/build.sh copied, the entry (shim.mjs) first as workerd requires.
const jsModules = ["shim.mjs", ...readdirSync(path.resolve(opt.build))
  .filter((f) => f.endsWith(".mjs") && f !== "shim.mjs" && f !== "passthrough.mjs").sort()];

// --events-port: a stand-in for the Analytics Engine binding (PREFLIGHT_EVENTS), reached over RPC, that keeps the
// data points and serves them as JSON on that port (worker/local/events-sink.mjs); tests read the counters there.
// --ledger-latency-ms: the benchmark's stand-in for the Durable Object round trip (src/ratelimit.mjs).
const extraBindings = (opt["events-port"]
  ? `\n    (name = "PREFLIGHT_EVENTS", service = (name = "events", entrypoint = "Sink")),`
  : "") + (opt["ledger-latency-ms"] ? `\n    (name = "LEDGER_LATENCY_MS", text = ${q(opt["ledger-latency-ms"])}),` : "");

function xpreflightWorker(constName, extra) {
  return `const ${constName} :Workerd.Worker = (
  modules = [
${jsModules.map((m) => `    (name = ${q(m)}, esModule = embed ${q(path.join(build, m))}),`).join("\n")}
    (name = "wasm_exec.js", esModule = embed ${q(path.join(build, "wasm_exec.js"))}),
    (name = "app.wasm", wasm = embed ${q(path.join(build, "app.wasm"))}),
  ],
  compatibilityDate = "2025-04-01",
  bindings = [
    ${envBindings.join(",\n    ")},
    (name = "ASSETS", service = "assets"),
    (name = "ASSETS_KIND", text = "disk"),
    (name = "RATE_LIMITS", durableObjectNamespace = (className = "RateLimitState", serviceName = "xpreflight")),${extraBindings}
  ],
  globalOutbound = "upstream",
${extra}
);`;
}

const services = [
  `(name = "assets", disk = (path = ${q(assets)}, writable = false))`,
  // The Worker may only reach X_API_ORIGIN (enforced in the shim); "local" is
  // allowed so tests and benchmarks can stand X in on 127.0.0.1.
  `(name = "upstream", network = (allow = ["public", "private", "local"], tlsOptions = (trustBrowserCas = true)))`,
];
const sockets = [];
const consts = [];

if (!opt["no-xpreflight"]) {
  services.push(`(name = "xpreflight", worker = .xpreflightWorker)`);
  sockets.push(`(name = "http", address = ${q("127.0.0.1:" + opt.port)}, http = (), service = "xpreflight")`);
  consts.push(xpreflightWorker("xpreflightWorker", `  durableObjectNamespaces = [
    (className = "RateLimitState", uniqueKey = "xpreflight-rate-limit-state"),
  ],
  durableObjectStorage = (inMemory = void),`));
  if (opt["second-port"]) {
    services.push(`(name = "xpreflight2", worker = .xpreflightSecond)`);
    sockets.push(`(name = "http2", address = ${q("127.0.0.1:" + opt["second-port"])}, http = (), service = "xpreflight2")`);
    consts.push(xpreflightWorker("xpreflightSecond", ""));
  }
}
if (opt["events-port"]) {
  const sink = path.relative(outDir, path.resolve(path.dirname(new URL(import.meta.url).pathname), "local", "events-sink.mjs"));
  services.push(`(name = "events", worker = .eventsWorker)`);
  sockets.push(`(name = "events", address = ${q("127.0.0.1:" + opt["events-port"])}, http = (), service = "events")`);
  consts.push(`const eventsWorker :Workerd.Worker = (
  modules = [(name = "events-sink.mjs", esModule = embed ${q(sink)})],
  compatibilityDate = "2025-04-01",
);`);
}
if (opt["passthrough-port"]) {
  services.push(`(name = "passthrough", worker = .passthroughWorker)`);
  sockets.push(`(name = "passthrough", address = ${q("127.0.0.1:" + opt["passthrough-port"])}, http = (), service = "passthrough")`);
  consts.push(`const passthroughWorker :Workerd.Worker = (
  modules = [(name = "passthrough.mjs", esModule = embed ${q(path.join(build, "passthrough.mjs"))})],
  compatibilityDate = "2025-04-01",
  bindings = [(name = "X_API_ORIGIN", fromEnvironment = "X_API_ORIGIN"), (name = "BASELINE", fromEnvironment = "BASELINE")],
  globalOutbound = "upstream",
);`);
}

writeFileSync(opt.out, `# Generated by worker/config.mjs; do not edit.
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  extensions = [(modules = [(name = ${q(RATE_LIMIT_MODULE)}, internal = true, esModule = ${q(rateLimitSource)})])],
  services = [
    ${services.join(",\n    ")},
  ],
  sockets = [
    ${sockets.join(",\n    ")},
  ],
);

${consts.join("\n\n")}
`);
