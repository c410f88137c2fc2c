import "server-only";
import { getEnv } from "@/lib/env";
import { applySeed, migrate, pendingMigrations } from "./migrate";
import { openPglite } from "./pglite";
import { openPostgres } from "./postgres";
import type { Database, JwtClaims, Queryable } from "./types";

export type { Database, JwtClaims, Queryable } from "./types";

const holder = globalThis as typeof globalThis & { __chatfolioDb?: Promise<Database> };

/**
 * The embedded database migrates itself at startup and gets the demo content on its first start;
 * a DATABASE_URL server is migrated by `npm run db:migrate`, never implicitly.
 */
async function openConfiguredDatabase(): Promise<Database> {
  const env = getEnv();
  if (env.DATABASE_URL) {
    const db = openPostgres(env.DATABASE_URL);
    const pending = await pendingMigrations(db);
    if (pending.length > 0) {
      console.warn(
        `[db] ${pending.length} migration(s) not applied: run \`npm run db:migrate\` (${pending.join(", ")})`,
      );
    }
    return db;
  }
  const db = await openPglite(env.PGLITE_DATA_DIR);
  const { fresh } = await migrate(db);
  if (fresh) await applySeed(db);
  return db;
}

/**
 * This process's database, opened on first use and cached on globalThis so dev reloads reuse it.
 * Never call at module load: `next build` imports modules in several workers.
 */
export function getDb(): Promise<Database> {
  holder.__chatfolioDb ??= openConfiguredDatabase().catch((error) => {
    holder.__chatfolioDb = undefined;
    throw error;
  });
  return holder.__chatfolioDb;
}

/** Binds this process to an already-open database (each test file's own). */
export function setDatabaseForTests(db: Database): void {
  holder.__chatfolioDb = Promise.resolve(db);
}

/**
 * Runs fn as the owner named by claims: role `authenticated` with request.jwt.claims set, in one
 * transaction, exactly as Supabase's API does, so RLS decides what fn can see and change.
 */
export async function asOwner<T>(claims: JwtClaims, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn, { role: "authenticated", claims });
}

/** Runs fn as an anonymous visitor: role `anon`, which reaches data only through private.* functions. */
export async function asVisitor<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn, { role: "anon", claims: { role: "anon" } });
}

/**
 * Runs fn with the server's own privileges, past RLS. Only for what no user's role may do
 * itself: auth internals, migrations, seeding, imports.
 */
export async function asService<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
  const db = await getDb();
  return db.transaction(fn);
}

/**
 * Runs fn with the server's own privileges, outside any explicit transaction: each statement fn
 * sends is its own transaction and costs one round trip (no begin, no commit). For work that is
 * one statement, such as a server-only function that takes the verified caller as a parameter
 * (private.start_turn), so a chat turn's database work stays within its round-trip budget.
 */
export async function asServiceStatement<T>(fn: (db: Queryable) => Promise<T>): Promise<T> {
  return fn(await getDb());
}

/** Answers whether the database responds within timeoutMs. */
export async function pingDatabase(timeoutMs = 2_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const ping = getDb()
      .then((db) => db.query("select 1"))
      .then(
        () => true,
        () => false,
      );
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
