import { z } from "zod";
import { answerSourceSchema } from "@/lib/chat/schemas";
import { ANSWER_OUTCOMES, FEEDBACK_RATINGS, MESSAGE_STATUSES, OWNER_REPLY_MAX } from "@/lib/constants";
import { timestampSchema, uuidSchema } from "@/lib/validation/common";
import { cursorSchema, limitSchema } from "@/lib/validation/pagination";

// The inbox's schemas: its page's filters, its actions' inputs, the export's query and rows, and
// the Messages API's queries and bodies (GET /api/chatbots/{id}/messages, /visitors, PATCH
// /api/messages/{id}). No "server-only": the dashboard's forms and pages parse with them too.

/** A calendar day (YYYY-MM-DD, UTC) as a date input gives it; checked to be a real day. */
const daySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Must be a date (YYYY-MM-DD).")
  .refine(
    (value) =>
      !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value),
    "Must be a real date.",
  );

/** An empty form field means "no filter", not an invalid value. */
const optional = <S extends z.ZodType>(schema: S) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

export const INBOX_STATUSES = ["answered", "failed"] as const;

/** /dashboard/inbox?bot=&unread=&status=&from=&to=&q=&cursor= */
export const inboxFiltersSchema = z.object({
  bot: optional(uuidSchema),
  unread: optional(z.enum(["true"])),
  status: optional(z.enum(INBOX_STATUSES)),
  from: optional(daySchema),
  to: optional(daySchema),
  q: optional(z.string().trim().max(200, "At most 200 characters.")),
  cursor: optional(cursorSchema),
});
export type InboxFilters = z.output<typeof inboxFiltersSchema>;

/** The inbox's actions: one or several conversations (the inbox's ids) read or unread. */
export const markConversationsSchema = z.object({
  ids: z.preprocess(
    (value) => (typeof value === "string" ? [value] : value),
    z.array(uuidSchema).min(1, "Choose at least one conversation.").max(100, "At most 100 at once."),
  ),
  is_read: z.preprocess(
    (value) => (value === "true" ? true : value === "false" ? false : value),
    z.boolean({ error: "Must be true or false." }),
  ),
});

/** The owner's reply in one of their conversations (the inbox's id). */
export const ownerReplySchema = z.object({
  conversation: uuidSchema,
  body: z
    .string()
    .trim()
    .min(1, "Write a reply first.")
    .max(OWNER_REPLY_MAX, `Must be at most ${OWNER_REPLY_MAX} characters.`),
});

/** The inbox's poll: the newest change it has shown (ISO instant), or none yet. */
export const inboxChangesSchema = z.object({ since: optional(z.iso.datetime({ offset: true })) });

const instantOrDay = z.union([z.iso.datetime({ offset: true }), daySchema], {
  error: "Must be an ISO 8601 instant or a date (YYYY-MM-DD).",
});

/** Where a `to` bound ends: an instant itself; a bare day includes that whole day. */
const endOf = (value: string) => Date.parse(value) + (/^\d{4}-\d{2}-\d{2}$/.test(value) ? 86_400_000 : 0);

/** GET /api/chatbots/{id}/messages/export query string. */
export const exportMessagesQuerySchema = z
  .object({
    format: z.enum(["csv", "json"], { error: "Must be csv or json." }).default("csv"),
    from: instantOrDay.optional(),
    to: instantOrDay.optional(),
    conversation_id: uuidSchema.optional(),
  })
  .refine((query) => !query.from || !query.to || Date.parse(query.from) < endOf(query.to), {
    message: "Must be after from.",
    path: ["to"],
  });
export type ExportMessagesQuery = z.output<typeof exportMessagesQuerySchema>;

/** One exported turn (a JSON export's element; a CSV export's columns, in this order). */
export const exportedMessageSchema = z.object({
  id: uuidSchema,
  created_at: timestampSchema,
  conversation_id: uuidSchema,
  visitor_id: z.string().nullable(),
  visitor_name: z.string().nullable(),
  message: z.string(),
  response: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  is_read: z.boolean(),
  latency_ms: z.number().int().nullable(),
  feedback: z.enum(FEEDBACK_RATINGS).nullable(),
  feedback_comment: z.string().nullable(),
  owner_replies: z.string().nullable().meta({
    description:
      "What the owner replied after this turn and before the conversation's next one, oldest first, separated by blank lines.",
  }),
});

/** Block the visitor behind a conversation, or the network they write from. */
export const blockVisitorSchema = z.object({
  conversation: uuidSchema,
  scope: z.enum(["visitor", "network"], { error: "Block the visitor or their network." }),
});

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
export type ListVisitorsQuery = z.output<typeof listVisitorsQuerySchema>;

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

/**
 * GET /api/conversations query string: the dashboard inbox's filters under the API's names
 * (`chatbot_id` is the inbox's `bot`), plus the page size.
 */
export const listConversationsQuerySchema = z.object({
  chatbot_id: uuidSchema.optional(),
  unread: z
    .enum(["true", "false"], { error: "Must be true or false." })
    .optional()
    .meta({ description: "true: only conversations with unread turns; false: only those without." }),
  status: z
    .enum(INBOX_STATUSES, { error: "Must be answered or failed." })
    .optional()
    .meta({ description: "failed: only conversations with a failed answer; answered: only those without." }),
  from: daySchema.optional().meta({ description: "Last activity on or after this UTC day (YYYY-MM-DD)." }),
  to: daySchema.optional().meta({ description: "Last activity on or before this UTC day (YYYY-MM-DD)." }),
  q: z
    .string()
    .trim()
    .max(200, "At most 200 characters.")
    .optional()
    .meta({ description: "Full-text search of the visitors' messages and the answers: every word, as a prefix." }),
  cursor: cursorSchema.optional(),
  limit: limitSchema.default(25),
});
export type ListConversationsQuery = z.output<typeof listConversationsQuerySchema>;

const conversationVisitorSchema = z
  .object({ id: uuidSchema, visitor_id: z.string(), name: z.string().nullable() })
  .nullable()
  .meta({ description: "Who wrote; null for turns the owner sent through the API." });

export const conversationSummarySchema = z.object({
  id: uuidSchema.meta({ description: "The conversation's id in the inbox (what /api/conversations/{id} takes)." }),
  chatbot_id: uuidSchema,
  chatbot_name: z.string(),
  conversation_id: uuidSchema.meta({ description: "Its turns' conversation_id (what the export narrows to)." }),
  visitor: conversationVisitorSchema,
  started_at: timestampSchema,
  last_message_at: timestampSchema,
  last_message: z.string(),
  message_count: z.number().int(),
  unread_count: z.number().int(),
  failed_count: z.number().int(),
});

export const conversationPageSchema = z.object({
  items: z.array(conversationSummarySchema),
  next_cursor: z.string().nullable(),
});

export const conversationTurnSchema = z.object({
  id: uuidSchema,
  message: z.string(),
  response: z.string().nullable(),
  status: z.enum(MESSAGE_STATUSES),
  is_read: z.boolean(),
  created_at: timestampSchema,
  sources: z.array(answerSourceSchema),
  feedback: z.enum(FEEDBACK_RATINGS).nullable(),
  feedback_comment: z.string().nullable(),
});

export const ownerReplyOutputSchema = z.object({ id: uuidSchema, body: z.string(), created_at: timestampSchema });

const conversationBlockSchema = z.object({ id: uuidSchema, scope: z.enum(["visitor", "network"]) });

/** GET /api/conversations/{id}: one page of its turns, with the replies and blocks of that stretch. */
export const conversationDetailSchema = z.object({
  conversation: conversationSummarySchema,
  turns: z.object({ items: z.array(conversationTurnSchema), next_cursor: z.string().nullable() }),
  replies: z.array(ownerReplyOutputSchema).meta({
    description: "The owner's replies written within this page's stretch of turns, oldest first.",
  }),
  blocks: z.array(conversationBlockSchema).meta({ description: "The blocks made from this conversation." }),
});

export const conversationTurnsQuerySchema = z.object({ cursor: cursorSchema.optional() });

/** PATCH /api/conversations/{id}. */
export const updateConversationSchema = z.object({ is_read: z.boolean({ error: "Must be true or false." }) });
export const conversationReadStateSchema = z.object({ id: uuidSchema, is_read: z.boolean() });

/** POST /api/conversations/{id}/replies: the inbox's reply form without the id, which the path gives. */
export const ownerReplyBodySchema = ownerReplySchema.omit({ conversation: true });

/** POST /api/conversations/{id}/blocks. */
export const blockBodySchema = blockVisitorSchema.omit({ conversation: true });
export const conversationBlocksSchema = z.object({ blocks: z.array(conversationBlockSchema) });

/** GET /api/blocks query string. */
export const listBlocksQuerySchema = z.object({ chatbot_id: uuidSchema.optional() });

export const blockSchema = z.object({
  id: uuidSchema,
  chatbot_id: uuidSchema,
  scope: z.enum(["visitor", "network"]),
  visitor_id: z.string().nullable().meta({
    description: "The blocked visitor's id; null for a network block (the address itself is never shown).",
  }),
  conversation: uuidSchema.nullable().meta({ description: "The inbox conversation it was made from." }),
  created_at: timestampSchema,
});
export const blockListSchema = z.object({ blocks: z.array(blockSchema) });
