// npm run db:migrate – applies the bootstrap and pending migrations to DATABASE_URL (or, without
// it, to the embedded database, which also migrates itself whenever the app starts).

import { migrate } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import { openPostgres } from "@/lib/db/postgres";
import { getEnv } from "@/lib/env";

async function main(): Promise<void> {
  const env = getEnv();
  const db = env.DATABASE_URL ? openPostgres(env.DATABASE_URL, { max: 1 }) : await openPglite(env.PGLITE_DATA_DIR);
  const target = env.DATABASE_URL ? "DATABASE_URL" : `embedded database (${env.PGLITE_DATA_DIR})`;
  try {
    const { applied } = await migrate(db);
    console.log(
      applied.length === 0
        ? `${target}: up to date`
        : `${target}: applied ${applied.length} migration(s):\n  ${applied.join("\n  ")}`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
