import "server-only";
import fs from "node:fs";
import path from "node:path";
import { PGlite, types } from "@electric-sql/pglite";
import type { Database, Queryable, TransactionIdentity } from "./types";

const parsers = { [types.INT8]: (value: string) => Number(value) };

type PgliteSession = Pick<PGlite, "query" | "exec">;

function queryable(session: PgliteSession): Queryable {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await session.query<Row>(sql, params);
      return result.rows;
    },
    async exec(sql: string) {
      await session.exec(sql);
    },
  };
}

// In-process, so no round trip to save: the identity is one more statement at the start.
const IDENTITY_SQL = "select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)";
const identityParams = ({ role, claims }: TransactionIdentity) => [role, JSON.stringify(claims)];

export function wrapPglite(pglite: PGlite, onClose?: () => void): Database {
  return {
    kind: "pglite",
    ...queryable(pglite),
    transaction: (fn, identity) =>
      pglite.transaction(async (tx) => {
        if (identity) await tx.query(IDENTITY_SQL, identityParams(identity));
        return fn(queryable(tx));
      }),
    async close() {
      await pglite.close();
      onClose?.();
    },
  };
}

export class DataDirLockedError extends Error {
  override name = "DataDirLockedError";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * PGlite has no lock of its own: two processes on one data directory silently lose writes. A pid
 * file makes the second one fail loudly instead; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "chatfolio.pid");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      const release = () => {
        try {
          if (fs.readFileSync(lockFile, "utf8") === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once("exit", release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder === process.pid) return () => {};
      if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
        throw new DataDirLockedError(
          `The embedded database in ${dataDir} is in use by another process (pid ${holder}). ` +
            "Stop it, or point PGLITE_DATA_DIR at another directory (memory:// for a throwaway one).",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new DataDirLockedError(`Could not lock the embedded database in ${dataDir}.`);
}

/**
 * PostgreSQL's default 128 MB of shared buffers is touched as soon as the embedded database starts
 * and never given back (WebAssembly memory doesn't shrink): measured on a migrated database, the
 * process held about 640 MB with it and 400 MB with 32 MB, 120 MB of which is Node's own. The
 * embedded database serves one process and its working set; the OS file cache holds the rest.
 */
const EMBEDDED_SETTINGS = ["shared_buffers = 32MB"];

/** Opens the embedded database: `memory://` for a throwaway one, else a directory on disk. */
export async function openPglite(dataDir: string, options: { loadDataDir?: Blob } = {}): Promise<Database> {
  const inMemory = dataDir.startsWith("memory://");
  const release = inMemory ? undefined : lockDataDir(path.resolve(dataDir));
  try {
    const pglite = await PGlite.create(inMemory ? undefined : path.resolve(dataDir), {
      parsers,
      loadDataDir: options.loadDataDir,
      postgresqlconf: EMBEDDED_SETTINGS,
    });
    return wrapPglite(pglite, release);
  } catch (error) {
    release?.();
    throw error;
  }
}
