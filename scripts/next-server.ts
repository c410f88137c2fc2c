import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import net from "node:net";

// Starting the production server, shared by the e2e tests and the benchmark.

const nextBin = "node_modules/next/dist/bin/next";

export function buildApp(cwd = process.cwd()): void {
  execFileSync(process.execPath, [nextBin, "build"], {
    cwd,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
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

async function waitUntilHealthy(baseUrl: string, server: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within 60 s:\n${log()}`);
}

export interface RunningServer {
  baseUrl: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): void;
}

/** `npm start` (scripts/serve.mjs) in its own process group, so stop() ends it and every child it forked. */
export async function startServer(env: Record<string, string>, cwd = process.cwd()): Promise<RunningServer> {
  const port = await freePort();
  let output = "";
  const server = spawn(process.execPath, ["scripts/serve.mjs"], {
    cwd,
    detached: true,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
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
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitUntilHealthy(baseUrl, server, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, output: () => output, stop };
}
