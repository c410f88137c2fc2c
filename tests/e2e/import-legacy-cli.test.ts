import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { migrate } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import { seedLegacy } from "../support/legacy";
import { insertOwner } from "../support/owners";

/** One CLI run (npm, tsx, opening the embedded database): seconds when idle, near a minute on a loaded machine. */
const CLI_TIMEOUT_MS = 90_000;

// The import as an operator runs it, a separate process on the embedded database; the import
// itself is tested in process in tests/integration/import-legacy.test.ts.
describe("npm run db:import-legacy", () => {
  it(
    "imports into the embedded database from the command line",
    async () => {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), "chatfolio-import-"));
      try {
        const setup = await openPglite(dir);
        await migrate(setup);
        await seedLegacy(setup);
        await insertOwner(setup, "cli@example.test");
        await setup.close();

        const env = { ...process.env, PGLITE_DATA_DIR: dir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" };
        const run = promisify(execFile);
        const importFor = (email: string) =>
          run("npm", ["run", "--silent", "db:import-legacy", "--", "--owner-email", email], {
            env,
            cwd: process.cwd(),
            timeout: CLI_TIMEOUT_MS,
          });
        const { stdout } = await importFor("cli@example.test");
        expect(stdout).toMatch(/messages: 4 imported, 0 already imported/);
        expect(stdout).toMatch(/chatbot: \/c\/zoe-legacy \(created/);

        const failure = await importFor("ghost@example.test").catch((error: { code: number; stderr: string }) => error);
        expect(failure).toMatchObject({ code: 1, stderr: expect.stringMatching(/sign up first/) });

        const check = await openPglite(dir);
        const [row] = await check.query<{ n: number }>("select count(*) as n from messages");
        await check.close();
        expect(row.n).toBe(4);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    },
    3 * CLI_TIMEOUT_MS,
  );
});
