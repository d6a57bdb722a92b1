// Starts the built Worker under workerd from npm, with a generated config, on
// free loopback ports; stops it again. Used by the tests and the benchmark.
import { spawn, execFileSync } from "node:child_process";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";

export const root = process.env.ROOT ?? path.resolve(new URL("../..", import.meta.url).pathname);
const defaultBuild = path.join(root, "worker", "build");

// workerdBinary is the native workerd executable. node_modules/.bin/workerd is
// a Node wrapper that spawns it when npm ran with --ignore-scripts (as
// build.sh does): killing or measuring the wrapper would orphan the real
// server and read the wrong process's CPU time.
export const workerdBinary = createRequire(path.join(root, "package.json"))("workerd").default;

export async function freePort() {
  const s = net.createServer();
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return port;
}

// startWorkerd({env, second, passthrough, xpreflight, publicRateLimit, events, ledgerLatencyMs, build})
//   → {port, secondPort, passthroughPort, eventsPort, pid, stop, log()}
// publicRateLimit: "LIMIT/PERIOD" for the local stand-in of the PUBLIC_RATE_LIMIT binding (config.mjs).
// events: a stand-in for the Analytics Engine binding, read back on eventsPort. ledgerLatencyMs: added to every
// Durable Object call (the ledger benchmark). build is the directory served (default worker/build;
// worker/build-crashtest for the failure tests).
export async function startWorkerd({ env = {}, second = false, passthrough = false, xpreflight = true, publicRateLimit,
  events = false, ledgerLatencyMs = 0, build = defaultBuild } = {}) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "xpreflight-workerd-"));
  const config = path.join(build, `test-${path.basename(dir)}.capnp`);
  const ports = { port: await freePort() };
  const args = ["--build", build, "--assets", readFileSync(path.join(build, "assets-dir"), "utf8").trim(), "--out", config, "--port", String(ports.port)];
  if (second) args.push("--second-port", String((ports.secondPort = await freePort())));
  if (events) args.push("--events-port", String((ports.eventsPort = await freePort())));
  if (ledgerLatencyMs > 0) args.push("--ledger-latency-ms", String(ledgerLatencyMs));
  if (passthrough) args.push("--passthrough-port", String((ports.passthroughPort = await freePort())));
  if (!xpreflight) args.push("--no-xpreflight");
  if (publicRateLimit) args.push("--public-rate-limit", publicRateLimit);
  execFileSync(process.execPath, [path.join(root, "worker", "config.mjs"), ...args]);
  const probe = xpreflight ? ports.port : ports.passthroughPort;
  const served = await serveWorkerd(config, {
    env, port: probe, cleanup: () => {
      rmSync(config, { force: true });
      rmSync(dir, { recursive: true, force: true });
    },
  });
  return { ...ports, ...served };
}

// serveWorkerd(config, {env, port, cleanup}) → {pid, stop, log()}: runs `workerd serve config` until stop(),
// keeping its output for log() and the errors below. It is ready once port accepts connections (at most 20 s);
// it is killed if the test process exits first; cleanup runs once it has stopped. goworker's harness uses it too.
export async function serveWorkerd(config, { env = {}, port, cleanup = () => {} }) {
  let output = "";
  const child = spawn(workerdBinary, ["serve", config], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.on("data", (d) => (output += d));
  child.stderr.on("data", (d) => (output += d));
  const exited = new Promise((r) => child.on("exit", r));
  // Never leave a workerd behind, even when the test process dies first.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
    process.removeListener("exit", killOnExit);
    cleanup();
  };
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) {
      process.removeListener("exit", killOnExit);
      cleanup();
      throw new Error("workerd exited:\n" + output);
    }
    if (await listening(port)) break;
    if (i > 200) {
      await stop();
      throw new Error("workerd did not start within 20 s:\n" + output);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { pid: child.pid, stop, log: () => output };
}


function listening(port) {
  return new Promise((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => {
      s.destroy();
      resolve(true);
    });
    s.on("error", () => resolve(false));
  });
}

// rawRequest sends a request line exactly as given (fetch would normalise
// it) and resolves with {status, headers, body}.
export function rawRequest(port, requestText) {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, "127.0.0.1", () => s.write(requestText));
    const chunks = [];
    s.on("data", (c) => chunks.push(c));
    s.on("error", reject);
    s.on("end", () => {
      const text = Buffer.concat(chunks).toString("latin1");
      const [head, ...rest] = text.split("\r\n\r\n");
      const lines = head.split("\r\n");
      const headers = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(":");
        headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      resolve({ status: Number(lines[0].split(" ")[1]), headers, body: rest.join("\r\n\r\n") });
    });
  });
}

// startTrap starts a server nothing may ever reach: {host, hits, close}. A test names it in Host headers,
// absolute-form targets and paths, then asserts hits stayed empty.
export async function startTrap() {
  const hits = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url);
    res.end("trap");
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  return { host: `127.0.0.1:${server.address().port}`, hits, close: () => new Promise((r) => server.close(r)) };
}
