import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { expect, inject, it } from "vitest";
import { renderSchemaFile, schemaFilePath } from "@/scripts/schema-file";

it("supabase/schema.sql is the schema after every migration", async () => {
  // The run's migrated template, loaded into an instance of its own: pg_dump changes its search_path.
  const pglite = await PGlite.create({ loadDataDir: new Blob([await fs.readFile(inject("pgliteTemplate"))]) });
  try {
    const expected = await renderSchemaFile(pglite);
    const committed = await fs.readFile(schemaFilePath(), "utf8").catch(() => "(missing)");
    expect(committed, "supabase/schema.sql is stale: run `npm run db:schema` and commit the result").toBe(expected);
  } finally {
    await pglite.close();
  }
});
