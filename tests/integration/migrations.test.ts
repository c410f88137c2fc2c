import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { applyBootstrap, listMigrations, migrate, pendingMigrations } from "@/lib/db/migrate";
import { DataDirLockedError, openPglite } from "@/lib/db/pglite";
import { describeEachDatabase } from "../support/databases";

describeEachDatabase("migrations", (db) => {
  it("records every migration in the Supabase CLI's ledger", async () => {
    const files = await listMigrations();
    const rows = await db().query<{ version: string; name: string }>(
      "select version, name from supabase_migrations.schema_migrations order by version",
    );
    expect(rows).toEqual(files.map(({ version, name }) => ({ version, name })));
    expect(await pendingMigrations(db())).toEqual([]);
  });

  it("is idempotent: a second run applies nothing and the bootstrap changes nothing", async () => {
    const before = await db().query("select count(*)::int as n from pg_proc where pronamespace = 'auth'::regnamespace");
    expect(await migrate(db())).toEqual({ applied: [], fresh: false });
    await applyBootstrap(db());
    const after = await db().query("select count(*)::int as n from pg_proc where pronamespace = 'auth'::regnamespace");
    expect(after).toEqual(before);
  });

  it("defines auth.uid() as Supabase does, surviving the empty setting a finished transaction leaves", async () => {
    const claims = JSON.stringify({ sub: "8d0c3a44-2c4e-4e0b-9b7e-0a5b6f1e2d3c", role: "authenticated" });
    const [inside] = await db().transaction(async (tx) => {
      await tx.query("select set_config('request.jwt.claims', $1, true)", [claims]);
      return tx.query<{ uid: string; role: string }>("select auth.uid() as uid, auth.role() as role");
    });
    expect(inside).toEqual({ uid: "8d0c3a44-2c4e-4e0b-9b7e-0a5b6f1e2d3c", role: "authenticated" });
    const [after] = await db().query<{ uid: string | null; jwt: unknown }>(
      "select auth.uid() as uid, auth.jwt() as jwt",
    );
    expect(after).toEqual({ uid: null, jwt: null });
  });
});

describe("embedded database on disk", () => {
  const dirs: string[] = [];
  const tempDir = async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chatfolio-pglite-"));
    dirs.push(dir);
    return dir;
  };
  afterAll(async () => {
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it("refuses a data directory that another live process holds", async () => {
    const dir = await tempDir();
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      await fs.writeFile(path.join(dir, "chatfolio.pid"), String(holder.pid));
      await expect(openPglite(dir)).rejects.toThrow(DataDirLockedError);
      await expect(openPglite(dir)).rejects.toThrow(/in use by another process/);
    } finally {
      holder.kill();
    }
  });

  it("takes over a lock left by a dead process, keeps data across reopening, and releases the lock on close", {
    timeout: 90_000,
  }, async () => {
    const dir = await tempDir();
    await fs.writeFile(path.join(dir, "chatfolio.pid"), "999999999");
    const first = await openPglite(dir);
    expect(await fs.readFile(path.join(dir, "chatfolio.pid"), "utf8")).toBe(String(process.pid));
    const result = await migrate(first);
    expect(result.fresh).toBe(true);
    expect(result.applied.length).toBeGreaterThan(0);
    await first.close();
    await expect(fs.access(path.join(dir, "chatfolio.pid"))).rejects.toThrow();

    const second = await openPglite(dir);
    expect(await migrate(second)).toEqual({ applied: [], fresh: false });
    await second.close();
  });
});
