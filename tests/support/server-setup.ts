import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import type { TestProject } from "vitest/node";
import { openPostgres } from "@/lib/db/postgres";
import { adminUrl, databaseUrl } from "./postgres-urls";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production server on a fresh embedded database (memory://). */
    embeddedBaseUrl: string;
    /** The production server on DATABASE_URL, when TEST_DATABASE_URL is set. */
    postgresBaseUrl: string | null;
  }
}

const root = process.cwd();

async function freePort(): Promise<number> {
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
    if (server.exitCode !== null) throw new Error(`next start exited with ${server.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`next start did not become healthy within 60 s:\n${log()}`);
}

/** `next start` in its own process group, so teardown can stop it and every child it forked. */
async function startServer(env: Record<string, string>): Promise<{ baseUrl: string; stop: () => void }> {
  const port = await freePort();
  let output = "";
  const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
    cwd: root,
    detached: true,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  server.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  };
  try {
    await waitUntilHealthy(baseUrl, server, () => output);
  } catch (error) {
    stop();
    throw error;
  }
  return { baseUrl, stop };
}

/**
 * Builds the app once and serves it with `next start`, exactly as `npm run build && npm start`
 * would: on a fresh embedded database, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  execFileSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    timeout: 600_000,
  });

  const stops: Array<() => void | Promise<void>> = [];
  const embedded = await startServer({ PGLITE_DATA_DIR: "memory://" });
  stops.push(embedded.stop);
  project.provide("embeddedBaseUrl", embedded.baseUrl);

  let postgresBaseUrl: string | null = null;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = project.getProvidedContext().postgresTemplate;
  if (serverUrl && template) {
    const name = `chatfolio_e2e_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres(adminUrl(serverUrl), { max: 1 });
    await admin.exec(`create database ${name} template ${template}`);
    stops.push(async () => {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    });
    const onPostgres = await startServer({
      DATABASE_URL: databaseUrl(serverUrl, name),
      AUTH_SECRET: randomBytes(32).toString("hex"),
    });
    stops.push(onPostgres.stop);
    postgresBaseUrl = onPostgres.baseUrl;
  }
  project.provide("postgresBaseUrl", postgresBaseUrl);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
