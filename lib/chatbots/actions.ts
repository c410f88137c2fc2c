"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { asOwner } from "@/lib/db";
import { setChatbotKnowledge } from "@/lib/db/queries/chatbot-knowledge";
import { createChatbot, deleteChatbot, findChatbot, isSlugAvailable, updateChatbot } from "@/lib/db/queries/chatbots";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { RESERVED_SLUGS, slugSchema } from "@/lib/validation/chatbot";
import { createChatbotBodySchema, updateChatbotBodySchema } from "@/lib/validation/chatbot-server";
import { uuidSchema } from "@/lib/validation/common";
import { chatbotKnowledgeInputSchema } from "@/lib/validation/knowledge";

// The dashboard's chatbot editor, with the API's schemas and queries. Another owner's chatbot is
// hidden by RLS, so acting on one reads exactly like acting on one that doesn't exist.

const notFound = () => new ApiError("not_found", "Chatbot not found.");

export const createChatbotAction = action(
  { name: "chatbots.create", auth: "required", schema: createChatbotBodySchema },
  async ({ input, caller }) => {
    const chatbot = await asOwner(caller.claims, (tx) => createChatbot(tx, input));
    redirect(`/dashboard/chatbots/${chatbot.id}?created=1`);
  },
);

export const updateChatbotAction = action(
  {
    name: "chatbots.update",
    auth: "required",
    schema: z.object({ id: uuidSchema, patch: updateChatbotBodySchema }),
  },
  async ({ input, caller }) => {
    const chatbot = await asOwner(caller.claims, (tx) => updateChatbot(tx, { id: input.id, patch: input.patch }));
    if (!chatbot) throw notFound();
    return { slug: chatbot.public_url_slug, updatedAt: chatbot.updated_at };
  },
);

/** Deleting needs the bot's name typed again, checked here too, not only by the dialog. */
export const deleteChatbotAction = action(
  { name: "chatbots.delete", auth: "required", schema: z.object({ id: uuidSchema, confirm_name: z.string() }) },
  async ({ input, caller }) => {
    await asOwner(caller.claims, async (tx) => {
      const chatbot = await findChatbot(tx, input.id);
      if (!chatbot) throw notFound();
      if (chatbot.name !== input.confirm_name) {
        throw new ApiError("validation_failed", "Type the chatbot's name to delete it.", {
          details: [{ path: "confirm_name", message: `Type "${chatbot.name}" exactly.` }],
        });
      }
      await deleteChatbot(tx, input.id);
    });
    redirect("/dashboard?deleted=1");
  },
);

export type SlugAvailability = "available" | "taken" | "reserved" | "invalid";

/** The editor's live check: whether this slug may be the chatbot's (chatbot_id when editing one). */
export const checkSlugAction = action(
  {
    name: "chatbots.checkSlug",
    auth: "required",
    schema: z.object({ slug: z.string(), chatbot_id: uuidSchema.nullish() }),
  },
  async ({ input, caller }): Promise<{ availability: SlugAvailability; message: string }> => {
    if (RESERVED_SLUGS.has(input.slug)) {
      return { availability: "reserved", message: `/c/${input.slug} is reserved by Chatfolio: choose another.` };
    }
    const parsed = slugSchema.safeParse(input.slug);
    if (!parsed.success) return { availability: "invalid", message: parsed.error.issues[0]?.message ?? "Invalid." };
    const available = await asOwner(caller.claims, (tx) =>
      isSlugAvailable(tx, { slug: parsed.data, chatbotId: input.chatbot_id ?? null }),
    );
    return available
      ? { availability: "available", message: `/c/${parsed.data} is available.` }
      : { availability: "taken", message: `/c/${parsed.data} is taken: choose another.` };
  },
);

/** Which knowledge the bot answers from; a form's ticked items arrive as one string, several, or none. */
export const setChatbotKnowledgeAction = action(
  {
    name: "chatbots.setKnowledge",
    auth: "required",
    schema: chatbotKnowledgeInputSchema.extend({
      id: uuidSchema,
      item_ids: z.preprocess(
        (value) => (value === undefined ? [] : typeof value === "string" ? [value] : value),
        chatbotKnowledgeInputSchema.shape.item_ids,
      ),
    }),
  },
  async ({ input, caller }) => {
    const knowledge = await asOwner(caller.claims, (tx) =>
      setChatbotKnowledge(tx, { chatbotId: input.id, knowledge: { scope: input.scope, item_ids: input.item_ids } }),
    );
    if (!knowledge) throw notFound();
    return knowledge;
  },
);
