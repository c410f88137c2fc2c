import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, inject } from "vitest";
import { type Database, setDatabaseForTests } from "@/lib/db";
import { openPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import { adminUrl, databaseUrl } from "./postgres-urls";

export type Target = "pglite" | "postgres";

/** PGlite always; a real PostgreSQL server too when TEST_DATABASE_URL is set (as in CI). */
export function testTargets(): Target[] {
  return inject("postgresTemplate") ? ["pglite", "postgres"] : ["pglite"];
}

export interface TestDatabase {
  db: Database;
  /** Its connection string, for the postgres target (to start a server on it). */
  url?: string;
  dispose(): Promise<void>;
}

/** A fresh, migrated database of its own, copied from the run's template. */
export async function openTestDatabase(target: Target): Promise<TestDatabase> {
  if (target === "pglite") {
    const dump = await fs.readFile(inject("pgliteTemplate"));
    const db = await openPglite("memory://", { loadDataDir: new Blob([dump]) });
    return { db, dispose: () => db.close() };
  }
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = inject("postgresTemplate");
  if (!serverUrl || !template) throw new Error("TEST_DATABASE_URL is not set");
  const name = `chatfolio_test_${randomUUID().replaceAll("-", "")}`;
  const admin = openPostgres(adminUrl(serverUrl), { max: 1 });
  await admin.exec(`create database ${name} template ${template}`);
  const url = databaseUrl(serverUrl, name);
  const db = openPostgres(url, { max: 5 });
  return {
    db,
    url,
    async dispose() {
      await db.close();
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/**
 * Declares the suite once per target, each on a fresh database that the app's own code is bound
 * to (setDatabaseForTests), so route handlers and queries under test really hit it.
 */
export function describeEachDatabase(name: string, body: (db: () => Database, target: Target) => void): void {
  for (const target of testTargets()) {
    describe(`${name} [${target}]`, () => {
      let handle: TestDatabase | undefined;
      beforeAll(async () => {
        handle = await openTestDatabase(target);
        setDatabaseForTests(handle.db);
      });
      afterAll(async () => {
        await handle?.dispose();
      });
      body(() => {
        if (!handle) throw new Error("database not open yet");
        return handle.db;
      }, target);
    });
  }
}
