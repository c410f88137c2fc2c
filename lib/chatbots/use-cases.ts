import "server-only";
import type { Caller } from "@/lib/auth";
import type { Queryable } from "@/lib/db";
import { asOwner } from "@/lib/db";
import {
  getChatbotKnowledge as getKnowledgeRows,
  setChatbotKnowledge as setKnowledgeRows,
} from "@/lib/db/queries/chatbot-knowledge";
import {
  deleteChatbot as deleteChatbotRow,
  findChatbot,
  createChatbot as insertChatbot,
  isSlugAvailable,
  listChatbots as listChatbotRows,
  updateChatbot as updateChatbotRow,
} from "@/lib/db/queries/chatbots";
import { listKnowledgeChoices } from "@/lib/db/queries/knowledge";
import { ApiError } from "@/lib/errors";
import type { KnowledgeChoice } from "@/lib/knowledge/types";
import {
  CHATBOT_KNOWLEDGE_ITEMS_MAX,
  type Chatbot,
  type ChatbotKnowledge,
  type CreateChatbotInput,
  RESERVED_SLUGS,
  slugSchema,
  type UpdateChatbotInput,
} from "./schemas";
import type { SlugAvailability } from "./types";

// An owner's chatbots: what the API, the editor page and its actions do, each written once.
// Another owner's chatbot is hidden by RLS, so acting on one reads exactly like acting on one that
// doesn't exist: requireChatbot below is where that miss is said.

const notFound = () => new ApiError("not_found", "Chatbot not found.");

function requireChatbot<T>(found: T | null): T {
  if (!found) throw notFound();
  return found;
}

/** The caller's chatbots, oldest first. */
export async function listChatbots(caller: Caller): Promise<Chatbot[]> {
  return asOwner(caller.claims, listChatbotRows);
}

/** Creates a chatbot for the caller (a slug made from the name when none is given). */
export async function createChatbot(caller: Caller, input: CreateChatbotInput): Promise<Chatbot> {
  return asOwner(caller.claims, (tx) => insertChatbot(tx, input));
}

/** One of the caller's chatbots. */
export async function getChatbot(caller: Caller, { id }: { id: string }): Promise<Chatbot> {
  return requireChatbot(await asOwner(caller.claims, (tx) => findChatbot(tx, id)));
}

/** Changes some fields; configuration merges at its top level. */
export async function updateChatbot(
  caller: Caller,
  { id, patch }: { id: string; patch: UpdateChatbotInput },
): Promise<Chatbot> {
  return requireChatbot(await asOwner(caller.claims, (tx) => updateChatbotRow(tx, { id, patch })));
}

/**
 * Deletes a chatbot with its visitors and messages. The dashboard asks for the bot's name typed
 * again (confirmName), checked here too, not only by the dialog; the API does not.
 */
export async function deleteChatbot(
  caller: Caller,
  { id, confirmName }: { id: string; confirmName?: string },
): Promise<void> {
  const deleted = await asOwner(caller.claims, async (tx) => {
    if (confirmName !== undefined) await checkConfirmation(tx, id, confirmName);
    return deleteChatbotRow(tx, id);
  });
  if (!deleted) throw notFound();
}

async function checkConfirmation(tx: Queryable, id: string, confirmName: string): Promise<void> {
  const chatbot = requireChatbot(await findChatbot(tx, id));
  if (chatbot.name !== confirmName) {
    throw new ApiError("validation_failed", "Type the chatbot's name to delete it.", {
      details: [{ path: "confirm_name", message: `Type "${chatbot.name}" exactly.` }],
    });
  }
}

/** Whether this slug may be the chatbot's (chatbotId when editing one), with the sentence the editor shows. */
export async function checkSlug(
  caller: Caller,
  { slug, chatbotId }: { slug: string; chatbotId: string | null },
): Promise<{ availability: SlugAvailability; message: string }> {
  if (RESERVED_SLUGS.has(slug)) {
    return { availability: "reserved", message: `/c/${slug} is reserved by Chatfolio: choose another.` };
  }
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return { availability: "invalid", message: parsed.error.issues[0]?.message ?? "Invalid." };
  const available = await asOwner(caller.claims, (tx) => isSlugAvailable(tx, { slug: parsed.data, chatbotId }));
  return available
    ? { availability: "available", message: `/c/${parsed.data} is available.` }
    : { availability: "taken", message: `/c/${parsed.data} is taken: choose another.` };
}

/** Which knowledge items a chatbot answers from. */
export async function getChatbotKnowledge(caller: Caller, { id }: { id: string }): Promise<ChatbotKnowledge> {
  return requireChatbot(await asOwner(caller.claims, (tx) => getKnowledgeRows(tx, { chatbotId: id })));
}

/** All of the owner's items, or a chosen subset (an id not among the owner's items is 400). */
export async function setChatbotKnowledge(
  caller: Caller,
  { id, knowledge }: { id: string; knowledge: ChatbotKnowledge },
): Promise<ChatbotKnowledge> {
  return requireChatbot(await asOwner(caller.claims, (tx) => setKnowledgeRows(tx, { chatbotId: id, knowledge })));
}

/**
 * What the chatbot's editor page shows: the bot, its knowledge scope and every item it could
 * choose; null when the bot isn't the caller's (the page answers 404).
 */
export async function chatbotEditor(
  caller: Caller,
  { id }: { id: string },
): Promise<{ chatbot: Chatbot; knowledge: ChatbotKnowledge; items: KnowledgeChoice[] } | null> {
  const loaded = await asOwner(caller.claims, async (tx) => {
    const chatbot = await findChatbot(tx, id);
    if (!chatbot) return null;
    return {
      chatbot,
      knowledge: await getKnowledgeRows(tx, { chatbotId: id }),
      items: await listKnowledgeChoices(tx, { limit: CHATBOT_KNOWLEDGE_ITEMS_MAX }),
    };
  });
  if (!loaded?.knowledge) return null;
  return { ...loaded, knowledge: loaded.knowledge };
}
