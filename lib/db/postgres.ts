import "server-only";
import pg from "pg";
import type { Database, Queryable, TransactionIdentity } from "./types";

// Same value shapes as PGlite: int8 as number (counts), timestamps as Date.
const typeParsers = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser,
};

const POOL_WAIT_MS = 30_000;
const CONNECT_TIMEOUT_MS = 3_000;

/**
 * A client whose own connection attempt gives up sooner than the pool's queue does, in pipeline
 * mode: a statement is written as soon as it is issued, not after the previous one's answer, so a
 * transaction's opening and its first statement cost one round trip between them. Only statements
 * of one transaction are ever pipelined (outside one, each statement has a pooled client to
 * itself), so a transaction pooler, which keeps a backend until the commit, sees nothing new.
 */
class QuickConnectClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super({
      ...(typeof config === "string" ? { connectionString: config } : config),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      pipeline: true,
    });
  }
}

/**
 * A transaction's first message: begin, a server-side time limit (a runaway statement is stopped
 * by the server, not only abandoned by us) and who the statements run as. One simple-query
 * message, so it takes no parameters; the identity goes in as escaped literals. Because BEGIN
 * comes first in the message, any failure after it leaves the transaction aborted, and the
 * statements pipelined behind it fail rather than run with the server's own privileges.
 */
function openingSql(identity: TransactionIdentity | undefined): string {
  const begin = "begin; set local statement_timeout = 15000";
  if (!identity) return begin;
  return (
    `${begin}; select set_config('role', ${pg.escapeLiteral(identity.role)}, true), ` +
    `set_config('request.jwt.claims', ${pg.escapeLiteral(JSON.stringify(identity.claims))}, true)`
  );
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
    async transaction(fn, identity) {
      const client = await pool.connect();
      // Not awaited before fn runs: fn's first statement is written right behind it (pipeline
      // mode), so opening a transaction costs no round trip of its own.
      const opening = client.query(openingSql(identity));
      const openingFailure = opening.then(
        () => null,
        (error: unknown) => error,
      );
      try {
        const result = await fn(queryable(client));
        await opening;
        await client.query("commit");
        return result;
      } catch (error) {
        await client.query("rollback").catch(() => {});
        // fn's statements fail with "transaction aborted" when the opening failed: report the cause.
        throw (await openingFailure) ?? error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
