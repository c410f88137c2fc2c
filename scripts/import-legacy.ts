// npm run db:import-legacy -- --owner-email <email> [--source-url <postgres-url>] [--source-schema <schema>]
//
// Moves a single-user deployment (one profile and its messages, no owners) into this app: the
// owner signs up first, then this gives them the profile (unless they already wrote one), a
// default public chatbot, its visitors and its messages, in one transaction. Running it again
// imports only what is new (a ledger in private.legacy_imports remembers every imported row).
//
// Source tables (see lib/legacy/source.ts for the exact shape):
//   profile  (name, location, bio, skills, experience, interests [, id])
//   messages (message, response, visitor_id, visitor_name, created_at [, id] [, is_read])
// read from --source-url (schema "public" by default) or, without it, from the app's own
// database (schema "legacy" by default: move the old tables there, since public.messages is the
// new table). The app's database is DATABASE_URL, or the embedded one in PGLITE_DATA_DIR (stop
// the dev server first: the embedded database allows one process at a time).
import { parseArgs } from "node:util";
import { getDb } from "@/lib/db";
import { LegacyImportError } from "@/lib/legacy/source";
import { runLegacyImport } from "@/lib/legacy/use-cases";

const USAGE =
  "Usage: npm run db:import-legacy -- --owner-email <email> [--source-url <postgres-url>] [--source-schema <schema>]";

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      "owner-email": { type: "string" },
      "source-url": { type: "string" },
      "source-schema": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const ownerEmail = values["owner-email"];
  if (!ownerEmail) {
    console.error(USAGE);
    return 2;
  }
  let result: Awaited<ReturnType<typeof runLegacyImport>>;
  try {
    result = await runLegacyImport({
      ownerEmail,
      sourceUrl: values["source-url"],
      sourceSchema: values["source-schema"],
    });
  } finally {
    await (await getDb()).close().catch(() => {});
  }
  console.log(
    [
      `Imported into ${ownerEmail} (${result.ownerId}):`,
      `  profile: ${result.profile}`,
      `  chatbot: /c/${result.chatbotSlug} (${result.chatbotCreated ? "created" : "existing"}, ${result.chatbotId})`,
      `  visitors: ${result.visitors}`,
      `  messages: ${result.messagesImported} imported, ${result.messagesSkipped} already imported`,
    ].join("\n"),
  );
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof LegacyImportError ? error.message : error);
    process.exit(1);
  },
);
