import "server-only";
import { type ConfigurationInput, type ConfigurationPatch, resolveConfiguration } from "@/lib/chatbots/configuration";
import { asOwner, type JwtClaims, type Queryable } from "@/lib/db";
import { ApiError, sqlState } from "@/lib/errors";
import { type Chatbot, type CreateChatbotInput, slugify, type UpdateChatbotInput } from "@/lib/validation/chatbot";
import { isoTimestamp } from "@/lib/validation/common";

export interface ChatbotRow {
  id: string;
  user_id: string;
  name: string;
  description: string | null;
  is_public: boolean;
  configuration: unknown;
  public_url_slug: string;
  created_at: Date | string;
  updated_at: Date | string;
}

export const CHATBOT_COLUMNS =
  "id, user_id, name, description, is_public, configuration, public_url_slug, created_at, updated_at";

/** A stored row as the API shows it: configuration complete with defaults, ISO timestamps. */
export function toChatbot(row: ChatbotRow): Chatbot {
  return {
    id: row.id,
    user_id: row.user_id,
    name: row.name,
    description: row.description,
    is_public: row.is_public,
    configuration: resolveConfiguration(row.configuration),
    public_url_slug: row.public_url_slug,
    created_at: isoTimestamp(row.created_at),
    updated_at: isoTimestamp(row.updated_at),
  };
}

const UNIQUE_VIOLATION = "23505";

function slugTaken(error: unknown): ApiError | unknown {
  return sqlState(error) === UNIQUE_VIOLATION
    ? new ApiError("conflict", "This public_url_slug is already taken.", {
        details: [{ path: "public_url_slug", message: "Already taken." }],
        cause: error,
      })
    : error;
}

/** Only the keys the owner set are stored; null (and absent) means "use the default". */
function storedConfiguration(configuration: ConfigurationInput | undefined): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(configuration ?? {}).filter(([, value]) => value !== undefined && value !== null),
  );
}

/** The caller's chatbots, oldest first. */
export async function listChatbots(claims: JwtClaims): Promise<Chatbot[]> {
  const rows = await asOwner(claims, (tx) =>
    tx.query<ChatbotRow>(`select ${CHATBOT_COLUMNS} from public.chatbots order by created_at, id`),
  );
  return rows.map(toChatbot);
}

/** One of the caller's chatbots; null when it doesn't exist or RLS hides it (another owner's). */
export async function findChatbot(claims: JwtClaims, id: string): Promise<Chatbot | null> {
  const [row] = await asOwner(claims, (tx) =>
    tx.query<ChatbotRow>(`select ${CHATBOT_COLUMNS} from public.chatbots where id = $1`, [id]),
  );
  return row ? toChatbot(row) : null;
}

function insertChatbot(tx: Queryable, input: CreateChatbotInput, slugSql: string, slugParam: string) {
  return tx.query<ChatbotRow>(
    `insert into public.chatbots (name, description, is_public, configuration, public_url_slug)
     values ($1, $2, $3, $4::jsonb, ${slugSql})
     returning ${CHATBOT_COLUMNS}`,
    [
      input.name,
      input.description ?? null,
      input.is_public,
      JSON.stringify(storedConfiguration(input.configuration)),
      slugParam,
    ],
  );
}

// A generated slug can still collide with one a concurrent request chose explicitly (the advisory
// lock only serializes generated ones); a fresh transaction then picks the next free suffix.
const GENERATED_SLUG_ATTEMPTS = 5;

/**
 * Creates a chatbot owned by the caller (user_id is the column's default, auth.uid()). A given
 * slug that is taken is a 409; without one, generate_unique_slug picks a free one inside the
 * inserting transaction, holding its advisory lock until commit, so concurrent creates with the
 * same name all succeed with distinct slugs.
 */
export async function createChatbot(claims: JwtClaims, input: CreateChatbotInput): Promise<Chatbot> {
  const slug = input.public_url_slug;
  if (slug) {
    try {
      const [row] = await asOwner(claims, (tx) => insertChatbot(tx, input, "$5", slug));
      return toChatbot(row);
    } catch (error) {
      throw slugTaken(error);
    }
  }
  const base = slugify(input.name);
  for (let attempt = 1; ; attempt++) {
    try {
      const [row] = await asOwner(claims, (tx) => insertChatbot(tx, input, "public.generate_unique_slug($5)", base));
      return toChatbot(row);
    } catch (error) {
      if (sqlState(error) !== UNIQUE_VIOLATION) throw error;
      if (attempt >= GENERATED_SLUG_ATTEMPTS) {
        // Only a burst of explicit slugs racing this name gets here: a conflict, not our fault.
        throw new ApiError("conflict", "Could not pick a free public_url_slug; try again or choose one.", {
          details: [{ path: "public_url_slug", message: "No free slug found for this name." }],
          cause: error,
        });
      }
    }
  }
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

/**
 * Applies a PATCH to one of the caller's chatbots; null when it isn't theirs or doesn't exist.
 * The configuration merge happens in SQL, so concurrent PATCHes of different keys both land.
 */
export async function updateChatbot(claims: JwtClaims, id: string, input: UpdateChatbotInput): Promise<Chatbot | null> {
  const { sql, params } = updateAssignments(input);
  if (sql.length === 0) return findChatbot(claims, id);
  try {
    const [row] = await asOwner(claims, (tx) =>
      tx.query<ChatbotRow>(`update public.chatbots set ${sql.join(", ")} where id = $1 returning ${CHATBOT_COLUMNS}`, [
        id,
        ...params,
      ]),
    );
    return row ? toChatbot(row) : null;
  } catch (error) {
    throw slugTaken(error);
  }
}

/** Deletes one of the caller's chatbots with its visitors and messages (FK cascade); false when not theirs. */
export async function deleteChatbot(claims: JwtClaims, id: string): Promise<boolean> {
  const rows = await asOwner(claims, (tx) => tx.query("delete from public.chatbots where id = $1 returning id", [id]));
  return rows.length > 0;
}
