import "server-only";
import type { z } from "zod";
import { getEnv } from "@/lib/env";
import { createChatbotSchema, updateChatbotSchema } from "./schemas";

/**
 * configuration.model must be one the server offers (CHAT_MODELS). Checked here, not in
 * ./schemas.ts, because the allow-list is server configuration the browser never sees; the
 * dashboard forms validate the shape and the server has the last word.
 */
function modelOnAllowList(value: { configuration?: { model?: string | null } }, ctx: z.RefinementCtx): void {
  const model = value.configuration?.model;
  if (typeof model !== "string") return;
  const allowed = getEnv().chatModels;
  if (!allowed.includes(model)) {
    ctx.addIssue({
      code: "custom",
      path: ["configuration", "model"],
      message: `Must be one of: ${allowed.join(", ")}.`,
    });
  }
}

/** POST /api/chatbots body, as the server enforces it. */
export const createChatbotBodySchema = createChatbotSchema.superRefine(modelOnAllowList);

/** PATCH /api/chatbots/{id} body, as the server enforces it. */
export const updateChatbotBodySchema = updateChatbotSchema.superRefine(modelOnAllowList);
