import { z } from "zod";
import { ANSWER_OUTCOMES, FEEDBACK_RATINGS, MESSAGE_STATUSES } from "@/lib/constants";
import { answerSourceSchema } from "./chat";
import { timestampSchema, uuidSchema } from "./common";

// The keyset position is microseconds since the Unix epoch, as PostgreSQL stores timestamptz: a
// JS Date (milliseconds) would round it, and rows sharing a millisecond (one transaction's now())
// would fall between two pages. At most 2^53 - 1 (year 2255) so it stays an exact JS number.
const MICROS_PATTERN = /^(0|[1-9][0-9]{0,15})$/;

/** Microseconds since the epoch -> an ISO 8601 instant with all six fraction digits. */
function microsToIso(micros: number): string {
  const fraction = String(micros % 1_000_000).padStart(6, "0");
  return new Date(Math.floor(micros / 1_000_000) * 1_000).toISOString().replace(/\.000Z$/, `.${fraction}Z`);
}

/**
 * Opaque keyset cursor: where the previous page ended (the row's timestamp in microseconds, its
 * id). Parsed strictly, so a forged one is a 400 and never reaches PostgreSQL as a bad timestamp.
 */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, context) => {
    const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
    const [micros, id] = parts;
    const at = parts.length === 2 && MICROS_PATTERN.test(micros) ? Number(micros) : Number.NaN;
    if (!Number.isSafeInteger(at) || !uuidSchema.safeParse(id).success) {
      context.addIssue({ code: "custom", message: "Not a cursor this API returned." });
      return z.NEVER;
    }
    return { at: microsToIso(at), id };
  });
export type Cursor = z.output<typeof cursorSchema>;

/** micros: the row's timestamp as `(extract(epoch from ts) * 1000000)::bigint::text` gives it. */
export function encodeCursor(micros: string, id: string): string {
  return Buffer.from(`${micros}|${id}`, "utf8").toString("base64url");
}

export const limitSchema = z.coerce
  .number()
  .int()
  .min(1, "Must be between 1 and 100.")
  .max(100, "Must be between 1 and 100.");

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
  outcome: z.enum(ANSWER_OUTCOMES).nullable().meta({
    description:
      "What the answer was: from_content, unanswered (the bot couldn't answer), small_talk or declined; null when the model didn't say or the turn wasn't answered.",
  }),
  sources: z.array(answerSourceSchema).meta({
    description: "The profile sections and knowledge items the answer drew on (titles as they were then).",
  }),
  feedback: z.enum(FEEDBACK_RATINGS).nullable().meta({ description: "The visitor's thumbs on the answer." }),
  feedback_comment: z.string().nullable(),
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
