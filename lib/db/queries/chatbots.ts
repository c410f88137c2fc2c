import "server-only";
import { type ConfigurationInput, type ConfigurationPatch, resolveConfiguration } from "@/lib/chatbots/configuration";
import { type Chatbot, type CreateChatbotInput, slugify, type UpdateChatbotInput } from "@/lib/chatbots/schemas";
import type { ChatbotPage } from "@/lib/chatbots/types";
import type { Queryable } from "@/lib/db";
import { ApiError, sqlState } from "@/lib/errors";
import { withIsoTimestamps } from "./timestamps";

/** A stored chatbot: the API's shape, with the configuration as stored and Date timestamps. */
interface ChatbotRow extends Omit<Chatbot, "configuration" | "created_at" | "updated_at"> {
  configuration: unknown;
  created_at: Date;
  updated_at: Date;
}

const CHATBOT_COLUMNS =
  "id, user_id, name, description, is_public, configuration, public_url_slug, created_at, updated_at";

/** A stored row as the API shows it: configuration complete with defaults, ISO timestamps. */
function toChatbot(row: ChatbotRow): Chatbot {
  return {
    ...withIsoTimestamps(row, "created_at", "updated_at"),
    configuration: resolveConfiguration(row.configuration),
  };
}

const slugTaken = (cause?: unknown) =>
  new ApiError("conflict", "This public_url_slug is already taken.", {
    details: [{ path: "public_url_slug", message: "Already taken." }],
    cause,
  });

/** Only the keys the owner set are stored; null (and absent) means "use the default". */
function storedConfiguration(configuration: ConfigurationInput | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(configuration ?? {}).filter(([, value]) => value !== undefined && value !== null),
  );
}

/** Run as the owner: their chatbots, oldest first. */
export async function listChatbots(tx: Queryable): Promise<Chatbot[]> {
  const rows = await tx.query<ChatbotRow>(`select ${CHATBOT_COLUMNS} from public.chatbots order by created_at, id`);
  return rows.map(toChatbot);
}

/** Run as the owner: one of their chatbots; null when it doesn't exist or RLS hides it (another owner's). */
export async function findChatbot(tx: Queryable, id: string): Promise<Chatbot | null> {
  const [row] = await tx.query<ChatbotRow>(`select ${CHATBOT_COLUMNS} from public.chatbots where id = $1`, [id]);
  return row ? toChatbot(row) : null;
}

/** One insert; no row back means the slug was taken (by a committed or a concurrent insert). */
async function insertChatbot(tx: Queryable, input: CreateChatbotInput, slugSql: string, slugParam: string) {
  const [row] = await tx.query<ChatbotRow>(
    `insert into public.chatbots (name, description, is_public, configuration, public_url_slug)
     values ($1, $2, $3, $4::jsonb, ${slugSql})
     on conflict (public_url_slug) do nothing
     returning ${CHATBOT_COLUMNS}`,
    [
      input.name,
      input.description ?? null,
      input.is_public,
      JSON.stringify(storedConfiguration(input.configuration)),
      slugParam,
    ],
  );
  return row;
}

// A generated slug can still collide with one a concurrent request chose explicitly (the advisory
// lock only serializes generated ones); the next attempt then picks the next free suffix.
const GENERATED_SLUG_ATTEMPTS = 5;

/**
 * Run as the owner: creates a chatbot they own (user_id is the column's default, auth.uid()). A
 * given slug that is taken is a 409; without one, generate_unique_slug picks a free one inside
 * this transaction, holding its advisory lock until commit, so concurrent creates with the same
 * name all succeed with distinct slugs.
 */
export async function createChatbot(tx: Queryable, input: CreateChatbotInput): Promise<Chatbot> {
  const slug = input.public_url_slug;
  if (slug) {
    const row = await insertChatbot(tx, input, "$5", slug);
    if (!row) throw slugTaken();
    return toChatbot(row);
  }
  const base = slugify(input.name);
  for (let attempt = 1; attempt <= GENERATED_SLUG_ATTEMPTS; attempt++) {
    const row = await insertChatbot(tx, input, "public.generate_unique_slug($5)", base);
    if (row) return toChatbot(row);
  }
  // Only a burst of explicit slugs racing this name gets here: a conflict, not our fault.
  throw new ApiError("conflict", "Could not pick a free public_url_slug; try again or choose one.", {
    details: [{ path: "public_url_slug", message: "No free slug found for this name." }],
  });
}

/** Columns PATCH may set, in the order their placeholders are numbered. */
function updateAssignments(input: UpdateChatbotInput): { sql: string[]; params: unknown[] } {
  const sql: string[] = [];
  const params: unknown[] = [];
  const set = (column: string, value: unknown, cast = "") => {
    params.push(value);
    sql.push(`${column} = $${params.length + 1}${cast}`);
  };
  if (input.name !== undefined) set("name", input.name);
  if (input.description !== undefined) set("description", input.description);
  if (input.is_public !== undefined) set("is_public", input.is_public);
  if (input.public_url_slug !== undefined) set("public_url_slug", input.public_url_slug);
  if (input.configuration !== undefined) {
    const { reset, replace } = splitPatch(input.configuration);
    params.push(reset, JSON.stringify(replace));
    sql.push(`configuration = (configuration - $${params.length}::text[]) || $${params.length + 1}::jsonb`);
  }
  return { sql, params };
}

/** Keys given as null go back to their default (removed from what is stored); the rest replace. */
function splitPatch(patch: ConfigurationPatch): { reset: string[]; replace: Record<string, unknown> } {
  const reset: string[] = [];
  const replace: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) reset.push(key);
    else if (value !== undefined) replace[key] = value;
  }
  return { reset, replace };
}

const UNIQUE_VIOLATION = "23505";

/**
 * Run as the owner: applies a PATCH to one of their chatbots; null when it isn't theirs or doesn't
 * exist. The configuration merge happens in SQL, so concurrent PATCHes of different keys both land.
 */
export async function updateChatbot(
  tx: Queryable,
  { id, patch }: { id: string; patch: UpdateChatbotInput },
): Promise<Chatbot | null> {
  const { sql, params } = updateAssignments(patch);
  if (sql.length === 0) return findChatbot(tx, id);
  try {
    const [row] = await tx.query<ChatbotRow>(
      `update public.chatbots set ${sql.join(", ")} where id = $1 returning ${CHATBOT_COLUMNS}`,
      [id, ...params],
    );
    return row ? toChatbot(row) : null;
  } catch (error) {
    // The transaction is aborted either way; a taken slug is the client's conflict, not a 500.
    if (sqlState(error) === UNIQUE_VIOLATION) throw slugTaken(error);
    throw error;
  }
}

/** Run as the owner: deletes one of their chatbots with its visitors and messages (FK cascade); false when not theirs. */
export async function deleteChatbot(tx: Queryable, id: string): Promise<boolean> {
  const rows = await tx.query("delete from public.chatbots where id = $1 returning id", [id]);
  return rows.length > 0;
}

/** Run as the owner: whether the chatbot is theirs (RLS hides other owners' bots, so "not mine" and "doesn't exist" are one answer). */
export async function ownsChatbot(tx: Queryable, chatbotId: string): Promise<boolean> {
  const rows = await tx.query("select 1 from public.chatbots where id = $1", [chatbotId]);
  return rows.length > 0;
}

/** What the public page /c/<slug> shows of a chatbot and its owner. */
/**
 * Any role, through private.chatbot_page: a public chatbot for anyone, a private one only for its
 * owner; null otherwise.
 */
export async function findChatbotPage(tx: Queryable, slug: string): Promise<ChatbotPage | null> {
  const [page] = await tx.query<ChatbotPage>("select * from private.chatbot_page($1)", [slug]);
  return page ?? null;
}

/** Run as the owner: whether a chatbot (this one, when chatbotId is given) may take this slug. */
export async function isSlugAvailable(
  tx: Queryable,
  { slug, chatbotId }: { slug: string; chatbotId: string | null },
): Promise<boolean> {
  const [row] = await tx.query<{ available: boolean }>("select private.slug_available($1, $2) as available", [
    slug,
    chatbotId,
  ]);
  return row.available;
}
