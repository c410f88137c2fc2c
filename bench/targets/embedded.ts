import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import type { Database } from "@/lib/db/types";
import { onCleanup } from "../cleanup";
import { ServerProcess } from "./server-process";
import { SERVER_ENV, type Target } from "./target";

/**
 * The embedded database in a data directory of its own, as `npm start` runs it by default (on
 * disk, not memory://, so the bench can stop the server, seed the directory and start it again).
 */
export async function openEmbeddedTarget(): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "chatfolio-bench-"));
  const server = new ServerProcess({ ...SERVER_ENV, DATABASE_URL: "", PGLITE_DATA_DIR: dataDir });

  async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const wasRunning = server.running;
    await server.stop();
    const db = await openPglite(dataDir);
    try {
      await migrate(db);
      return await fn(db);
    } finally {
      await db.close();
      if (wasRunning) await server.start();
    }
  }

  const close = async () => {
    forgetCleanup();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const forgetCleanup = onCleanup(close);

  try {
    const [{ server_version }] = await withDatabase((db) =>
      db.query<{ server_version: string }>("show server_version"),
    );
    const pglite = JSON.parse(fs.readFileSync("node_modules/@electric-sql/pglite/package.json", "utf8")).version;
    await server.start();
    return {
      kind: "pglite",
      name: "embedded (PGlite)",
      version: `PGlite ${pglite} (PostgreSQL ${server_version}), in the server process`,
      get server() {
        return server.current;
      },
      withDatabase,
      restartServer: () => server.restart(),
      // PGlite runs inside the server process: its CPU is already the server's.
      databasePids: async () => [],
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
