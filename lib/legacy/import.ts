import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { CHATBOT_NAME_MAX, slugify } from "@/lib/chatbots/schemas";
import { VISITOR_NAME_MAX } from "@/lib/constants";
import type { Queryable } from "@/lib/db";
import {
  findLegacyProfileImport,
  findOwnerIdByEmail,
  importedLegacyMessageKeys,
  insertLegacyChatbot,
  insertLegacyMessages,
  insertLegacyProfile,
  type LegacyMessageRow,
  lockLegacyImport,
  ownerHasProfile,
  recordLegacyProfileImport,
  upsertLegacyVisitor,
} from "@/lib/db/queries/legacy";
import { PROFILE_LONG_MAX, PROFILE_SHORT_MAX } from "@/lib/profiles/schemas";
import { type LegacyData, LegacyImportError, type LegacyMessage, type LegacyProfile } from "./source";

export interface LegacyImportResult {
  ownerId: string;
  chatbotId: string;
  chatbotSlug: string;
  /** imported; kept (the owner already had one); already-imported (an earlier run); none (no legacy row). */
  profile: "imported" | "kept" | "already-imported" | "none";
  chatbotCreated: boolean;
  visitors: number;
  messagesImported: number;
  messagesSkipped: number;
}

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A uuid derived from text, so re-runs put a visitor's later messages in the same conversation. */
function stableUuid(text: string): string {
  const hex = sha256(text);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((Number.parseInt(hex[16], 16) & 3) | 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

// The legacy key of the deployment's one profile row: its id when the table has one.
const profileKey = (profile: LegacyProfile | null) => (profile?.id ? `id:${profile.id}` : "profile");

function messageKey(message: LegacyMessage): string {
  if (message.id) return `id:${message.id}`;
  const content = [message.visitor_id, message.created_at?.toISOString(), message.message, message.response];
  return `sha256:${sha256(JSON.stringify(content))}`;
}

// Visitor ids in the new schema are [A-Za-z0-9_-]{1,128}; anything else maps to a stable stand-in.
function visitorKey(legacyId: string | null): string | null {
  if (legacyId === null || legacyId.trim() === "") return null;
  return /^[A-Za-z0-9_-]{1,128}$/.test(legacyId) ? legacyId : `legacy-${sha256(legacyId).slice(0, 32)}`;
}

const PROFILE_LIMITS = {
  name: PROFILE_SHORT_MAX,
  location: PROFILE_SHORT_MAX,
  bio: PROFILE_LONG_MAX,
  skills: PROFILE_LONG_MAX,
  experience: PROFILE_LONG_MAX,
  interests: PROFILE_LONG_MAX,
} as const;

// Refused rather than cut: an import must not silently lose what the owner wrote.
function checkProfile(profile: LegacyProfile): void {
  const tooLong = (Object.keys(PROFILE_LIMITS) as (keyof typeof PROFILE_LIMITS)[]).filter(
    (field) => (profile[field]?.trim().length ?? 0) > PROFILE_LIMITS[field],
  );
  if (tooLong.length > 0) {
    throw new LegacyImportError(
      `The legacy profile's ${tooLong.join(", ")} exceed(s) the new limits (name and location ${PROFILE_SHORT_MAX} characters, the others ${PROFILE_LONG_MAX}): shorten them in the source and run again.`,
    );
  }
}

async function findOwner(tx: Queryable, email: string): Promise<string> {
  const ownerId = await findOwnerIdByEmail(tx, email);
  if (!ownerId) throw new LegacyImportError(`No account with the email ${email}: sign up first, then run the import.`);
  return ownerId;
}

async function importProfile(
  tx: Queryable,
  ownerId: string,
  profile: LegacyProfile,
): Promise<{ status: "imported" | "kept"; id: string | null }> {
  checkProfile(profile);
  if (await ownerHasProfile(tx, ownerId)) return { status: "kept", id: null };
  const text = (value: string | null) => value?.trim() ?? "";
  const optional = (value: string | null) => (value?.trim() ? value.trim() : null);
  const id = await insertLegacyProfile(tx, ownerId, {
    name: optional(profile.name),
    location: optional(profile.location),
    bio: text(profile.bio),
    skills: text(profile.skills),
    experience: text(profile.experience),
    interests: text(profile.interests),
  });
  return { status: "imported", id };
}

async function createDefaultChatbot(tx: Queryable, ownerId: string, ownerName: string | null) {
  const name = (ownerName?.trim() ? `Ask about ${ownerName.trim()}` : "My chatbot").slice(0, CHATBOT_NAME_MAX);
  return insertLegacyChatbot(tx, { ownerId, name, slugBase: slugify(ownerName?.trim() || name) });
}

interface VisitorSummary {
  first: Date;
  last: Date;
  name: string | null;
}

/** One upsert per visitor; returns visitors.id by visitor key. */
async function upsertVisitors(tx: Queryable, chatbotId: string, messages: LegacyMessage[], now: Date) {
  const summaries = new Map<string, VisitorSummary>();
  for (const message of messages) {
    const key = visitorKey(message.visitor_id);
    if (!key) continue;
    const at = message.created_at ?? now;
    const name = message.visitor_name?.trim().slice(0, VISITOR_NAME_MAX) || null;
    const summary = summaries.get(key);
    if (!summary) summaries.set(key, { first: at, last: at, name });
    else {
      if (at < summary.first) summary.first = at;
      if (at >= summary.last) summary.last = at;
      summary.name = name ?? summary.name;
    }
  }
  const ids = new Map<string, string>();
  for (const [key, summary] of summaries) {
    ids.set(key, await upsertLegacyVisitor(tx, { chatbotId, key, ...summary }));
  }
  return ids;
}

const BATCH = 500;

async function insertMessages(
  tx: Queryable,
  source: string,
  ownerId: string,
  chatbotId: string,
  messages: { key: string; message: LegacyMessage }[],
  visitorIds: Map<string, string>,
  now: Date,
): Promise<void> {
  for (let start = 0; start < messages.length; start += BATCH) {
    const rows = messages.slice(start, start + BATCH).map(({ key, message }): LegacyMessageRow => {
      const visitor = visitorKey(message.visitor_id);
      const answered = Boolean(message.response?.trim());
      return {
        id: randomUUID(),
        legacy_key: key,
        visitor_id: visitor ? (visitorIds.get(visitor) ?? null) : null,
        conversation_id: stableUuid(`${source}|conversation|${visitor ?? "anonymous"}`),
        message: message.message ?? "",
        response: message.response,
        status: answered ? "answered" : "failed",
        error: answered ? null : "Imported from the single-user version without a response.",
        // History the owner could already read in the old version; an explicit is_read wins.
        is_read: message.is_read ?? true,
        created_at: (message.created_at ?? now).toISOString(),
      };
    });
    await insertLegacyMessages(tx, { source, ownerId, chatbotId, rows });
  }
}

/**
 * Gives an existing owner the single-user deployment's profile, a default chatbot, its visitors
 * and its messages, inside tx (the caller's one transaction, with the server's own privileges).
 * The ledger makes it resumable: rows already imported from this source are skipped, and new
 * messages join the chatbot the first run created.
 */
export async function importLegacyData(
  tx: Queryable,
  options: { ownerEmail: string; source: string; data: LegacyData },
): Promise<LegacyImportResult> {
  const { source, data } = options;
  await lockLegacyImport(tx);
  const ownerId = await findOwner(tx, options.ownerEmail);
  const now = new Date();

  const ledger = await findLegacyProfileImport(tx, { source, key: profileKey(data.profile) });
  if (ledger && ledger.owner_id !== ownerId) {
    throw new LegacyImportError(`This legacy data (${source}) was already imported into another account.`);
  }

  let profile: LegacyImportResult["profile"] = "already-imported";
  let profileId: string | null = null;
  if (!ledger) {
    if (data.profile) {
      const imported = await importProfile(tx, ownerId, data.profile);
      profile = imported.status;
      profileId = imported.id;
    } else profile = "none";
  }

  let chatbot = ledger?.chatbot_id && ledger.slug ? { id: ledger.chatbot_id, public_url_slug: ledger.slug } : null;
  const chatbotCreated = chatbot === null;
  chatbot ??= await createDefaultChatbot(tx, ownerId, data.profile?.name ?? null);
  await recordLegacyProfileImport(tx, {
    source,
    key: profileKey(data.profile),
    ownerId,
    chatbotId: chatbot.id,
    profileId,
  });

  const keyed = data.messages.map((message) => ({ key: messageKey(message), message }));
  const done = await importedLegacyMessageKeys(tx, { source, keys: keyed.map((entry) => entry.key) });
  const seen = new Set(done);
  const fresh: typeof keyed = [];
  for (const entry of keyed) {
    // Identical rows without ids share a key: one is imported, as the ledger would on a re-run.
    if (seen.has(entry.key)) continue;
    seen.add(entry.key);
    fresh.push(entry);
  }

  const visitorIds = await upsertVisitors(
    tx,
    chatbot.id,
    fresh.map((entry) => entry.message),
    now,
  );
  await insertMessages(tx, source, ownerId, chatbot.id, fresh, visitorIds, now);

  return {
    ownerId,
    chatbotId: chatbot.id,
    chatbotSlug: chatbot.public_url_slug,
    profile,
    chatbotCreated,
    visitors: visitorIds.size,
    messagesImported: fresh.length,
    messagesSkipped: data.messages.length - fresh.length,
  };
}
