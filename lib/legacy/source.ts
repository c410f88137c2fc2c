import "server-only";
import type { Queryable } from "@/lib/db";

/**
 * What `npm run db:import-legacy` accepts: the single-user version's two tables, in one schema.
 *
 *   profile  (name text, location text, bio text, skills text, experience text, interests text
 *             [, id any])                                  -- one row (none is fine)
 *   messages (message text, response text, visitor_id text, visitor_name text,
 *             created_at timestamp[tz] [, id any] [, is_read boolean])
 *
 * Column types only need to cast to text (timestamps to timestamptz); nulls are allowed
 * everywhere. Other columns are ignored.
 */
export const REQUIRED_COLUMNS = {
  profile: ["name", "location", "bio", "skills", "experience", "interests"],
  messages: ["message", "response", "visitor_id", "visitor_name", "created_at"],
} as const;

export interface LegacyProfile {
  id: string | null;
  name: string | null;
  location: string | null;
  bio: string | null;
  skills: string | null;
  experience: string | null;
  interests: string | null;
}

export interface LegacyMessage {
  id: string | null;
  message: string | null;
  response: string | null;
  visitor_id: string | null;
  visitor_name: string | null;
  created_at: Date | null;
  is_read: boolean | null;
}

export interface LegacyData {
  profile: LegacyProfile | null;
  messages: LegacyMessage[];
}

export class LegacyImportError extends Error {
  override name = "LegacyImportError";
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Reads and checks the legacy tables; every shape problem is reported at once, before anything is written. */
export async function readLegacyData(source: Queryable, schema: string): Promise<LegacyData> {
  if (!IDENTIFIER.test(schema)) throw new LegacyImportError(`Not a schema name: ${schema}`);
  const rows = await source.query<{ table_name: string; column_name: string }>(
    `select table_name::text, column_name::text from information_schema.columns
     where table_schema = $1 and table_name in ('profile', 'messages')`,
    [schema],
  );
  const columns = (table: string) =>
    new Set(rows.filter((row) => row.table_name === table).map((row) => row.column_name));
  const profileColumns = columns("profile");
  const messageColumns = columns("messages");
  const problems: string[] = [];
  for (const [table, have] of [
    ["profile", profileColumns],
    ["messages", messageColumns],
  ] as const) {
    if (have.size === 0) {
      problems.push(`table ${schema}.${table} not found`);
      continue;
    }
    const missing = REQUIRED_COLUMNS[table].filter((column) => !have.has(column));
    if (missing.length > 0) problems.push(`${schema}.${table} lacks column(s) ${missing.join(", ")}`);
  }
  if (problems.length > 0)
    throw new LegacyImportError(`The legacy tables don't have the expected shape: ${problems.join("; ")}.`);

  const optional = (have: Set<string>, column: string, cast: string) =>
    have.has(column) ? `"${column}"::${cast}` : `null::${cast}`;
  const profiles = await source.query<LegacyProfile>(
    `select ${optional(profileColumns, "id", "text")} as id, name::text, location::text, bio::text, skills::text,
            experience::text, interests::text
     from "${schema}".profile`,
  );
  if (profiles.length > 1) {
    throw new LegacyImportError(`${schema}.profile has ${profiles.length} rows; a single-user deployment has one.`);
  }
  const messages = await source.query<LegacyMessage>(
    `select ${optional(messageColumns, "id", "text")} as id, message::text, response::text, visitor_id::text,
            visitor_name::text, created_at::timestamptz as created_at,
            ${optional(messageColumns, "is_read", "boolean")} as is_read
     from "${schema}".messages
     order by created_at nulls first`,
  );
  return { profile: profiles[0] ?? null, messages };
}
