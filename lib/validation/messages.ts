import { z } from "zod";
import { timestampSchema, uuidSchema } from "./common";

export const MESSAGE_STATUSES = ["pending", "answered", "failed", "aborted", "rate_limited"] as const;

/** Opaque keyset cursor: where the previous page ended (created_at, id). */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, context) => {
    const [at, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
    if (!at || !id || Number.isNaN(Date.parse(at)) || !uuidSchema.safeParse(id).success) {
      context.addIssue({ code: "custom", message: "Not a cursor this API returned." });
      return z.NEVER;
    }
    return { at, id };
  });
export type Cursor = z.output<typeof cursorSchema>;

export function encodeCursor(at: string, id: string): string {
  return Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
}

const limitSchema = z.coerce.number().int().min(1, "Must be between 1 and 100.").max(100, "Must be between 1 and 100.");

/** GET /api/chatbots/{id}/messages query string. */
export const listMessagesQuerySchema = z.object({
  limit: limitSchema.default(50),
  cursor: cursorSchema.optional(),
  unread: z.enum(["true", "false"], { error: "Must be true or false." }).optional(),
  visitor_id: z.string().min(1).max(128).optional(),
});
export type ListMessagesQuery = z.output<typeof listMessagesQuerySchema>;

export const messageSchema = z.object({
  id: uuidSchema,
  chatbot_id: uuidSchema,
  conversation_id: uuidSchema,
  visitor: z.object({ id: uuidSchema, visitor_id: z.string(), name: z.string().nullable() }).nullable(),
  message: z.string(),
  response: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  is_read: z.boolean(),
  created_at: timestampSchema,
});
export type Message = z.output<typeof messageSchema>;

export const messagePageSchema = z.object({ items: z.array(messageSchema), next_cursor: z.string().nullable() });

/** PATCH /api/messages/{id}: the one thing an owner changes about a message. */
export const updateMessageSchema = z.object({ is_read: z.boolean() });

/** GET /api/chatbots/{id}/visitors query string. */
export const listVisitorsQuerySchema = z.object({
  limit: limitSchema.default(50),
  cursor: cursorSchema.optional(),
});

export const visitorSchema = z.object({
  id: uuidSchema,
  visitor_id: z.string(),
  name: z.string().nullable(),
  first_seen: timestampSchema,
  last_seen: timestampSchema,
  message_count: z.number().int(),
});
export type Visitor = z.output<typeof visitorSchema>;

export const visitorPageSchema = z.object({ items: z.array(visitorSchema), next_cursor: z.string().nullable() });
