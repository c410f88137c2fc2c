import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import net from "node:net";

// Starting the production server, shared by the e2e tests and the benchmark; and `next dev`, for
// the tests that check what `npm run dev` serves.

const nextBin = "node_modules/next/dist/bin/next";

/** `next build`; `env` adds to this process's environment (the e2e build plants dummy secrets). */
export function buildApp(cwd = process.cwd(), env: Record<string, string> = {}): void {
  execFileSync(process.execPath, [nextBin, "build"], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 600_000,
  });
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

interface Readiness {
  /** How long the server may take to answer /api/health. */
  withinMs: number;
  /** How long one /api/health request may take (next dev compiles the route on the first). */
  requestMs: number;
}

async function waitUntilHealthy(
  baseUrl: string,
  server: ChildProcess,
  log: () => string,
  { withinMs, requestMs }: Readiness,
): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(requestMs) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within ${withinMs / 1000} s:\n${log()}`);
}

export interface RunningServer {
  baseUrl: string;
  /** The server process (`node scripts/serve.mjs`, or `next dev`), also the id of its process group. */
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Ends the process group and resolves once the server has exited. */
  stop(): Promise<void>;
}

const STOP_GRACE_MS = 10_000;

/**
 * `npm start` (scripts/serve.mjs) in its own process group, so stop() ends it and every child it
 * forked. `env` adds to this process's environment; an undefined value leaves that variable out.
 */
export async function startServer(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): Promise<RunningServer> {
  const port = await freePort();
  return launch({
    args: ["scripts/serve.mjs"],
    port,
    env: { NODE_ENV: "production", PORT: String(port), ...env },
    cwd,
    readiness: { withinMs: 60_000, requestMs: 2_000 },
  });
}

/**
 * `npm run dev` (`next dev`, Turbopack) in its own process group, on a port of its own, at
 * http://localhost:PORT: next dev serves its development assets (HMR, chunks) only to localhost and
 * the host it was started with, so a browser must open exactly baseUrl or React never hydrates.
 * `env` as for startServer; give the server its own PGLITE_DATA_DIR (PGlite has no lock of its own;
 * ours refuses a second process). It writes to .next/dev, beside a production build in .next, and
 * its lock there refuses a second `next dev` in the same checkout. The first request to each route
 * compiles it: allow minutes, not seconds, on a busy machine.
 */
export async function startDevServer(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): Promise<RunningServer> {
  const port = await freePort();
  return launch({
    args: [nextBin, "dev", "--hostname", "localhost", "--port", String(port)],
    port,
    env: { NODE_ENV: "development", PORT: String(port), ...env },
    cwd,
    readiness: { withinMs: 300_000, requestMs: 240_000 },
  });
}

interface Launch {
  /** Node's arguments. */
  args: string[];
  port: number;
  env: Record<string, string | undefined>;
  cwd: string;
  readiness: Readiness;
}

async function launch({ args, port, env, cwd, readiness }: Launch): Promise<RunningServer> {
  let output = "";
  const server = spawn(process.execPath, args, {
    cwd,
    detached: true,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      SITE_URL: `http://localhost:${port}`,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  server.stdout?.on("data", collect);
  server.stderr?.on("data", collect);
  const { pid } = server;
  if (pid === undefined) throw new Error("the server did not start");
  const signalGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-pid, signal);
    } catch {
      // Already gone.
    }
  };
  // Whatever way this process ends (an uncaught error, process.exit in a signal handler), the
  // server's group must not outlive it; "exit" handlers run synchronously, so only a kill fits.
  const killOnExit = () => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<void>((resolve) => {
    server.once("exit", () => {
      process.removeListener("exit", killOnExit);
      resolve();
    });
  });
  const stop = async () => {
    signalGroup("SIGTERM");
    const grace = setTimeout(() => signalGroup("SIGKILL"), STOP_GRACE_MS);
    await exited;
    clearTimeout(grace);
  };
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitUntilHealthy(baseUrl, server, () => output, readiness);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, pid, output: () => output, stop };
}
