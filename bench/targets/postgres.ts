import { randomBytes } from "node:crypto";
import { migrate } from "@/lib/db/migrate";
import { openPostgres } from "@/lib/db/postgres";
import type { Database } from "@/lib/db/types";
import { adminUrl, databaseUrl } from "@/tests/support/postgres-urls";
import { onCleanup } from "../cleanup";
import { ServerProcess } from "./server-process";
import { SERVER_ENV, type Target } from "./target";

/** A batch of 50,000 seeded messages takes seconds, but minutes on a machine others are loading. */
const SEED_STATEMENT_TIMEOUT_MS = 600_000;

/** A database of the bench's own on the PostgreSQL server `serverUrl` names, dropped by close(). */
export async function openPostgresTarget(serverUrl: string): Promise<Target> {
  const name = `chatfolio_bench_${randomBytes(6).toString("hex")}`;
  const admin = openPostgres(adminUrl(serverUrl), { max: 1 });
  const url = databaseUrl(serverUrl, name);
  const server = new ServerProcess({ ...SERVER_ENV, DATABASE_URL: url, AUTH_SECRET: randomBytes(32).toString("hex") });

  async function withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    const db = openPostgres(url, { max: 1, queryTimeoutMs: SEED_STATEMENT_TIMEOUT_MS });
    try {
      return await fn(db);
    } finally {
      await db.close();
    }
  }

  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    forgetCleanup();
    await server.stop();
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
  };
  const forgetCleanup = onCleanup(close);

  try {
    await admin.exec(`create database ${name}`);
    await withDatabase(migrate);
    const [{ server_version }] = await admin.query<{ server_version: string }>("show server_version");
    await server.start();
    return {
      kind: "postgres",
      name: "PostgreSQL",
      version: `PostgreSQL ${server_version}, same machine, over TCP`,
      get server() {
        return server.current;
      },
      withDatabase,
      restartServer: () => server.restart(),
      async databasePids() {
        const rows = await admin.query<{ pid: number }>(
          "select pid from pg_stat_activity where datname = $1 and backend_type = 'client backend'",
          [name],
        );
        return rows.map((row) => row.pid);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
