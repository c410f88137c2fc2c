"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { asOwner } from "@/lib/db";
import { createChatbot, deleteChatbot, findChatbot, isSlugAvailable, updateChatbot } from "@/lib/db/queries/chatbots";
import { ApiError } from "@/lib/errors";
import { action } from "@/lib/http/action";
import { slugSchema } from "@/lib/validation/chatbot";
import { createChatbotBodySchema, updateChatbotBodySchema } from "@/lib/validation/chatbot-server";
import { uuidSchema } from "@/lib/validation/common";

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

export type SlugAvailability = "available" | "taken" | "invalid";

/** The editor's live check: whether this slug may be the chatbot's (chatbot_id when editing one). */
export const checkSlugAction = action(
  {
    name: "chatbots.checkSlug",
    auth: "required",
    schema: z.object({ slug: z.string(), chatbot_id: uuidSchema.nullish() }),
  },
  async ({ input, caller }): Promise<{ availability: SlugAvailability; message: string }> => {
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
