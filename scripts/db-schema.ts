// npm run db:schema – migrates a throwaway embedded database and writes supabase/schema.sql, the
// schema as it stands after every migration. Run it after adding a migration; a test fails while
// the committed file is stale.
import fs from "node:fs/promises";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { migrate } from "@/lib/db/migrate";
import { wrapPglite } from "@/lib/db/pglite";
import { renderSchemaFile, schemaFilePath } from "./schema-file";

async function main(): Promise<void> {
  // The raw instance, not openPglite's wrapper: pg_dump needs PGlite itself.
  const pglite = await PGlite.create();
  try {
    await migrate(wrapPglite(pglite));
    const file = schemaFilePath();
    await fs.writeFile(file, await renderSchemaFile(pglite));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  } finally {
    await pglite.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
