"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { action } from "@/lib/http/action";
import { uuidSchema } from "@/lib/validation/common";
import { chatbotKnowledgeInputSchema } from "./schemas";
import { createChatbotBodySchema, updateChatbotBodySchema } from "./server-schemas";
import { checkSlug, createChatbot, deleteChatbot, setChatbotKnowledge, updateChatbot } from "./use-cases";

// The dashboard's chatbot editor: the API's schemas and use cases, answering what the editor needs.

export const createChatbotAction = action(
  { name: "chatbots.create", auth: "required", schema: createChatbotBodySchema },
  async ({ input, caller }) => {
    const chatbot = await createChatbot(caller, input);
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
    const chatbot = await updateChatbot(caller, input);
    return { slug: chatbot.public_url_slug, updatedAt: chatbot.updated_at };
  },
);

/** Deleting needs the bot's name typed again. */
export const deleteChatbotAction = action(
  { name: "chatbots.delete", auth: "required", schema: z.object({ id: uuidSchema, confirm_name: z.string() }) },
  async ({ input, caller }) => {
    await deleteChatbot(caller, { id: input.id, confirmName: input.confirm_name });
    redirect("/dashboard?deleted=1");
  },
);

/** The editor's live check: whether this slug may be the chatbot's (chatbot_id when editing one). */
export const checkSlugAction = action(
  {
    name: "chatbots.checkSlug",
    auth: "required",
    schema: z.object({ slug: z.string(), chatbot_id: uuidSchema.nullish() }),
  },
  ({ input, caller }) => checkSlug(caller, { slug: input.slug, chatbotId: input.chatbot_id ?? null }),
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
  ({ input, caller }) =>
    setChatbotKnowledge(caller, { id: input.id, knowledge: { scope: input.scope, item_ids: input.item_ids } }),
);
