import "server-only";
import fs from "node:fs/promises";
import path from "node:path";
import type { Database } from "./types";

/** supabase/ holds the schema's source of truth; the server and scripts run from the project root. */
export const supabaseDir = () => path.join(process.cwd(), "supabase");

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

export async function listMigrations(dir = supabaseDir()): Promise<MigrationFile[]> {
  const entries = await fs.readdir(path.join(dir, "migrations"));
  return entries
    .filter((entry) => /^\d+_.+\.sql$/.test(entry))
    .sort()
    .map((entry) => {
      const [, version, name] = entry.match(/^(\d+)_(.+)\.sql$/) ?? [];
      return { version, name, file: path.join(dir, "migrations", entry) };
    });
}

/** Creates what Supabase has and plain PostgreSQL lacks; a no-op where it exists. */
export async function applyBootstrap(db: Database, dir = supabaseDir()): Promise<void> {
  await db.exec(await fs.readFile(path.join(dir, "bootstrap.sql"), "utf8"));
}

export interface MigrationResult {
  applied: string[];
  /** No migration had ever run here: a brand-new database. */
  fresh: boolean;
}

// Any constant works; it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 7_202_611;

/**
 * Applies the bootstrap, then each migration not yet in the Supabase CLI's ledger, each in its
 * own transaction together with its ledger row. An advisory lock makes concurrent runs wait
 * rather than apply a migration twice.
 */
export async function migrate(db: Database, dir = supabaseDir()): Promise<MigrationResult> {
  await applyBootstrap(db, dir);
  const migrations = await listMigrations(dir);
  const applied: string[] = [];
  let fresh = false;
  for (const [index, migration] of migrations.entries()) {
    const sql = await fs.readFile(migration.file, "utf8");
    const ran = await db.transaction(async (tx) => {
      await tx.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      const [ledger] = await tx.query<{ applied: boolean; any: boolean }>(
        `select exists (select 1 from supabase_migrations.schema_migrations where version = $1) as applied,
                exists (select 1 from supabase_migrations.schema_migrations) as any`,
        [migration.version],
      );
      if (index === 0) fresh = !ledger.any;
      if (ledger.applied) return false;
      await tx.exec(sql);
      await tx.query("insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)", [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(`${migration.version}_${migration.name}`);
  }
  return { applied, fresh };
}

/** Migrations present on disk but not in the database's ledger. */
export async function pendingMigrations(db: Database, dir = supabaseDir()): Promise<string[]> {
  const migrations = await listMigrations(dir);
  const rows = await db
    .query<{ version: string }>("select version from supabase_migrations.schema_migrations")
    .catch(() => []);
  const done = new Set(rows.map((row) => row.version));
  return migrations.filter((m) => !done.has(m.version)).map((m) => `${m.version}_${m.name}`);
}

export async function applySeed(db: Database, dir = supabaseDir()): Promise<void> {
  await db.exec(await fs.readFile(path.join(dir, "seed.sql"), "utf8"));
}
