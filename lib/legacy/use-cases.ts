import "server-only";
import { asService, getDb } from "@/lib/db";
import { openPostgres } from "@/lib/db/postgres";
import { importLegacyData, type LegacyImportResult } from "./import";
import { type LegacyData, readLegacyData } from "./source";

// The import from the single-user version: an operator's command (npm run db:import-legacy), not
// an owner's request, so it runs with the server's own privileges (asService), in one transaction.

export interface LegacyImportOptions {
  ownerEmail: string;
  /** The single-user deployment's database; the app's own when absent. */
  sourceUrl?: string;
  /** Where its profile and messages tables are: "public" in a separate database, "legacy" in the app's own (whose public.messages is the new table). */
  sourceSchema?: string;
}

/** Names the source in the ledger without its credentials, so a changed password is the same source. */
export function sourceLabel(sourceUrl: string | undefined, schema: string): string {
  if (!sourceUrl) return `app/${schema}`;
  const url = new URL(sourceUrl);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}/${schema}`;
}

/** Reads the legacy tables, then writes everything in one transaction on the app's database. */
export async function runLegacyImport(options: LegacyImportOptions): Promise<LegacyImportResult> {
  const schema = options.sourceSchema ?? (options.sourceUrl ? "public" : "legacy");
  let data: LegacyData;
  if (options.sourceUrl) {
    const source = openPostgres(options.sourceUrl, { max: 1 });
    try {
      data = await readLegacyData(source, schema);
    } finally {
      await source.close();
    }
  } else {
    data = await readLegacyData(await getDb(), schema);
  }
  const source = sourceLabel(options.sourceUrl, schema);
  return asService((tx) => importLegacyData(tx, { ownerEmail: options.ownerEmail, source, data }));
}
