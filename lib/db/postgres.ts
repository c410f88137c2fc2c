import "server-only";
import pg from "pg";
import type { Database, Queryable } from "./types";

// Same value shapes as PGlite: int8 as number (counts), timestamps as Date.
const typeParsers = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

const POOL_WAIT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 3_000;

/** A client whose own connection attempt gives up sooner than the pool's queue does. */
class QuickConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === "string" ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    });
  }
}

function queryable(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await client.query(sql, params as unknown[] | undefined);
      return result.rows as Row[];
    },
    async exec(sql: string) {
      await client.query(sql);
    },
  };
}

/**
 * A pool on a PostgreSQL server. node-postgres sends unnamed statements, so this also works
 * through Supabase's transaction pooler (which cannot keep prepared statements).
 */
export function openPostgres(
  connectionString: string,
  options: {
    max?: number;
    /** How long a client waits for one statement (default 20 s); bulk work such as seeding needs longer. */
    queryTimeoutMs?: number;
  } = {},
): Database {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: typeParsers,
    // Waiting for a free client while the pool is busy is load, not an outage: queue for up to
    // 30 s. Opening a connection is different: a database that is away fails within 3 s (503).
    connectionTimeoutMillis: POOL_WAIT_MS,
    Client: QuickConnectClient,
    idleTimeoutMillis: 30_000,
    // Client-side, so it also works through poolers that refuse a statement_timeout start-up
    // parameter (PgBouncer); transactions set the server-side limit themselves below.
    query_timeout: options.queryTimeoutMs ?? 20_000,
  });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle PostgreSQL client failed:", error.message));

  return {
    kind: "postgres",
    ...queryable(pool),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        // One round trip: a runaway statement is stopped by the server, not only abandoned by us.
        await client.query("begin; set local statement_timeout = 15000");
        const result = await fn(queryable(client));
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
