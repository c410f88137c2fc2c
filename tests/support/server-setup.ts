import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { openPostgres } from "@/lib/db/postgres";
import { buildApp, startServer } from "@/scripts/next-server";
import { BUILD_SECRETS } from "./build-secrets";
import { adminUrl, databaseUrl } from "./postgres-urls";

declare module "vitest" {
  export interface ProvidedContext {
    /** The production server on a fresh embedded database (memory://). */
    embeddedBaseUrl: string;
    /** The production server on DATABASE_URL, when TEST_DATABASE_URL is set. */
    postgresBaseUrl: string | null;
  }
}

/**
 * Builds the app once and serves it with `next start`, exactly as `npm run build && npm start`
 * would: on a fresh embedded database, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  // Server-side secrets present at build time, as on a real build machine: none may reach the
  // browser's bundles (tests/e2e/build-secrets.test.ts looks for them in .next/static).
  buildApp(process.cwd(), BUILD_SECRETS);

  const stops: Array<() => void | Promise<void>> = [];
  const embedded = await startServer({ DATABASE_URL: "", PGLITE_DATA_DIR: "memory://" });
  stops.push(embedded.stop);
  project.provide("embeddedBaseUrl", embedded.baseUrl);

  let postgresBaseUrl: string | null = null;
  const serverUrl = process.env.TEST_DATABASE_URL;
  const template = project.getProvidedContext().postgresTemplate;
  if (serverUrl && template) {
    const name = `chatfolio_e2e_${randomBytes(6).toString("hex")}`;
    const admin = openPostgres(adminUrl(serverUrl), { max: 1 });
    await admin.exec(`create database ${name} template ${template}`);
    stops.push(async () => {
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    });
    const onPostgres = await startServer({
      DATABASE_URL: databaseUrl(serverUrl, name),
      AUTH_SECRET: randomBytes(32).toString("hex"),
    });
    stops.push(onPostgres.stop);
    postgresBaseUrl = onPostgres.baseUrl;
  }
  project.provide("postgresBaseUrl", postgresBaseUrl);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
