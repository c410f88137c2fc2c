import "server-only";
import type { Queryable } from "@/lib/db";

// The import from the single-user version (lib/legacy): run with the server's own privileges,
// inside the import's one transaction. private.legacy_imports is its ledger: what each legacy row
// became, so a re-run skips what it already brought over.

/** Two imports at once would both see an empty ledger: the second waits for the first. */
export async function lockLegacyImport(tx: Queryable): Promise<void> {
  await tx.query("select pg_advisory_xact_lock(hashtext('chatfolio-legacy-import'))");
}

export async function findOwnerIdByEmail(tx: Queryable, email: string): Promise<string | null> {
  const [owner] = await tx.query<{ id: string }>("select id from auth.users where lower(email) = lower($1)", [email]);
  return owner?.id ?? null;
}

export async function ownerHasProfile(tx: Queryable, ownerId: string): Promise<boolean> {
  const [existing] = await tx.query("select 1 from public.profiles where user_id = $1", [ownerId]);
  return Boolean(existing);
}

export interface LegacyProfileRow {
  name: string | null;
  location: string | null;
  bio: string;
  skills: string;
  experience: string;
  interests: string;
}

/** The id of the new profile. */
export async function insertLegacyProfile(tx: Queryable, ownerId: string, profile: LegacyProfileRow): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into public.profiles (user_id, name, location, bio, skills, experience, interests)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [ownerId, profile.name, profile.location, profile.bio, profile.skills, profile.experience, profile.interests],
  );
  return row.id;
}

/** A public chatbot with the configuration's defaults and a free slug made from slugBase. */
export async function insertLegacyChatbot(
  tx: Queryable,
  { ownerId, name, slugBase }: { ownerId: string; name: string; slugBase: string },
): Promise<{ id: string; public_url_slug: string }> {
  const [row] = await tx.query<{ id: string; public_url_slug: string }>(
    `insert into public.chatbots (user_id, name, is_public, public_url_slug)
     values ($1, $2, true, public.generate_unique_slug($3)) returning id, public_url_slug`,
    [ownerId, name, slugBase],
  );
  return row;
}

/** One visitor, merged with an earlier run's: the earliest first sighting, the latest last. Its visitors.id. */
export async function upsertLegacyVisitor(
  tx: Queryable,
  visitor: { chatbotId: string; key: string; name: string | null; first: Date; last: Date },
): Promise<string> {
  const [row] = await tx.query<{ id: string }>(
    `insert into public.visitors (chatbot_id, visitor_id, name, first_seen, last_seen)
     values ($1, $2, $3, $4, $5)
     on conflict (chatbot_id, visitor_id) do update set
       name = coalesce(excluded.name, public.visitors.name),
       first_seen = least(public.visitors.first_seen, excluded.first_seen),
       last_seen = greatest(public.visitors.last_seen, excluded.last_seen)
     returning id`,
    [visitor.chatbotId, visitor.key, visitor.name, visitor.first, visitor.last],
  );
  return row.id;
}

export interface LegacyMessageRow {
  id: string;
  legacy_key: string;
  visitor_id: string | null;
  conversation_id: string;
  message: string;
  response: string | null;
  status: "answered" | "failed";
  error: string | null;
  is_read: boolean;
  /** ISO 8601. */
  created_at: string;
}

/** One batch of messages, each written in the ledger beside the legacy row it came from. */
export async function insertLegacyMessages(
  tx: Queryable,
  {
    source,
    ownerId,
    chatbotId,
    rows,
  }: { source: string; ownerId: string; chatbotId: string; rows: LegacyMessageRow[] },
): Promise<void> {
  const json = JSON.stringify(rows);
  await tx.query(
    `insert into public.messages
       (id, chatbot_id, visitor_id, conversation_id, message, response, status, error, model, is_read, created_at, completed_at)
     select r.id, $2, r.visitor_id, r.conversation_id, r.message, r.response, r.status, r.error, 'legacy', r.is_read,
            r.created_at, r.created_at
     from jsonb_to_recordset($1::jsonb) as r(id uuid, visitor_id uuid, conversation_id uuid, message text,
          response text, status text, error text, is_read boolean, created_at timestamptz)`,
    [json, chatbotId],
  );
  await tx.query(
    `insert into private.legacy_imports (source, legacy_table, legacy_key, owner_id, chatbot_id, target_id)
     select $2, 'messages', r.legacy_key, $3, $4, r.id
     from jsonb_to_recordset($1::jsonb) as r(id uuid, legacy_key text)`,
    [json, source, ownerId, chatbotId],
  );
}

/** What an earlier run of this source made of the profile row: its owner and the chatbot it created. */
export async function findLegacyProfileImport(
  tx: Queryable,
  { source, key }: { source: string; key: string },
): Promise<{ owner_id: string; chatbot_id: string | null; slug: string | null } | null> {
  const [ledger] = await tx.query<{ owner_id: string; chatbot_id: string | null; slug: string | null }>(
    `select l.owner_id, c.id as chatbot_id, c.public_url_slug as slug
     from private.legacy_imports l left join public.chatbots c on c.id = l.chatbot_id
     where l.source = $1 and l.legacy_table = 'profile' and l.legacy_key = $2`,
    [source, key],
  );
  return ledger ?? null;
}

export async function recordLegacyProfileImport(
  tx: Queryable,
  entry: { source: string; key: string; ownerId: string; chatbotId: string; profileId: string | null },
): Promise<void> {
  await tx.query(
    `insert into private.legacy_imports (source, legacy_table, legacy_key, owner_id, chatbot_id, target_id)
     values ($1, 'profile', $2, $3, $4, $5)
     on conflict (source, legacy_table, legacy_key) do update set chatbot_id = excluded.chatbot_id`,
    [entry.source, entry.key, entry.ownerId, entry.chatbotId, entry.profileId],
  );
}

/** Which of these messages' legacy keys an earlier run of this source already imported. */
export async function importedLegacyMessageKeys(
  tx: Queryable,
  { source, keys }: { source: string; keys: string[] },
): Promise<string[]> {
  const done = await tx.query<{ legacy_key: string }>(
    "select legacy_key from private.legacy_imports where source = $1 and legacy_table = 'messages' and legacy_key = any($2::text[])",
    [source, keys],
  );
  return done.map((row) => row.legacy_key);
}
