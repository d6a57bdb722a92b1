// Runs the goworker build under workerd from npm on a free loopback port,
// with a stand-in for X on another; both stop again. worker/test/harness.mjs
// does the same for worker/'s Worker, whose helpers (freePort, serveWorkerd:
// the workerd process from start to stop) are reused here.
import http from "node:http";
import path from "node:path";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { freePort, root, serveWorkerd } from "../../test/harness.mjs";

const build = path.join(root, "worker", "goworker", "build");
const q = (s) => JSON.stringify(s);

// startStandin(answer) serves X on 127.0.0.1: answer(req, n) returns
// {status, headers, body} for the n-th request (0-based). It records each
// request's method and target in .requests.
export async function startStandin(answer) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const n = requests.length;
    requests.push(`${req.method} ${req.url}`);
    req.resume();
    req.on("end", () => {
      const a = answer(req, n);
      res.writeHead(a.status, { "content-type": "application/json; charset=utf-8", ...(a.headers ?? {}) });
      res.end(a.body ?? "");
    });
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, requests, stop: () => new Promise((r) => server.close(r)) };
}

// startGoWorker({origin}) → {port, pid, stop, log()}: syumai's own shim
// (worker.mjs imports runtime.mjs, wasm_exec.js and app.wasm) as workerd
// modules, X_API_ORIGIN as a text binding, fetch() allowed to loopback.
export async function startGoWorker({ origin }) {
  const dir = mkdtempSync(path.join(build, "run-"));
  const port = await freePort();
  const rel = (f) => path.relative(dir, path.join(build, f));
  const config = path.join(dir, "config.capnp");
  writeFileSync(config, `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "goworker", worker = .goWorker),
    (name = "upstream", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = ${q("127.0.0.1:" + port)}, http = (), service = "goworker")],
);
const goWorker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed ${q(rel("worker.mjs"))}),
    (name = "runtime.mjs", esModule = embed ${q(rel("runtime.mjs"))}),
    (name = "wasm_exec.js", esModule = embed ${q(rel("wasm_exec.js"))}),
    (name = "app.wasm", wasm = embed ${q(rel("app.wasm"))}),
  ],
  compatibilityDate = "2025-04-01",
  bindings = [(name = "X_API_ORIGIN", text = ${q(origin)})],
  globalOutbound = "upstream",
);
`);
  const served = await serveWorkerd(config, { port, cleanup: () => rmSync(dir, { recursive: true, force: true }) });
  return { port, ...served };
}

// cpuSeconds is a process's user+system CPU time from /proc (Linux).
export function cpuSeconds(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8");
  const fields = f.slice(f.lastIndexOf(")") + 2).split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}
