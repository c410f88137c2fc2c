import { z } from "zod";
import { configurationInputSchema } from "@/lib/chatbots/configuration";
import { SLUG_MAX } from "@/lib/chatbots/schemas";
import {
  type AnswerSource,
  FEEDBACK_COMMENT_MAX,
  FEEDBACK_RATINGS,
  KNOWLEDGE_KINDS,
  MESSAGE_MAX,
  MESSAGE_STATUSES,
  PROFILE_SECTION_NAMES,
  VISITOR_NAME_MAX,
} from "@/lib/constants";
import { timestampSchema, uuidSchema } from "@/lib/validation/common";

/** The seed's ChatRequest, extended: which bot (by id or slug), which conversation, streamed or not. */
export const chatRequestSchema = z
  .object({
    message: z
      .string()
      .trim()
      .min(1, "Must not be empty.")
      .max(MESSAGE_MAX, `Must be at most ${MESSAGE_MAX} characters.`),
    visitor_id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "Must be 1-128 characters of letters, digits, '_' or '-'."),
    visitor_name: z.string().trim().max(VISITOR_NAME_MAX, `Must be at most ${VISITOR_NAME_MAX} characters.`).nullish(),
    chatbot_id: uuidSchema.optional(),
    chatbot_slug: z.string().trim().toLowerCase().min(1).max(SLUG_MAX).optional(),
    conversation_id: uuidSchema.nullish(),
    stream: z.boolean().default(false),
    preview: configurationInputSchema.optional().meta({
      description:
        "The bot's owner trying it with unsaved settings (they replace the stored ones for this turn). Needs the owner's credentials; the turn counts toward the monthly quota and stays out of the inbox.",
    }),
  })
  .refine((body) => (body.chatbot_id === undefined) !== (body.chatbot_slug === undefined), {
    message: "Give exactly one of chatbot_id or chatbot_slug.",
    path: ["chatbot_id"],
  });

/** One thing an answer drew on: a profile section or a knowledge item (messages.sources). */
export const answerSourceSchema: z.ZodType<AnswerSource> = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("profile"), section: z.enum(PROFILE_SECTION_NAMES) }),
  z.object({ kind: z.literal("knowledge"), id: uuidSchema, item_kind: z.enum(KNOWLEDGE_KINDS), title: z.string() }),
]);

/** The seed's ChatResponse plus the ids a client needs for the next turn. */
export const chatResponseSchema = z.object({
  response: z.string(),
  query_time_ms: z.number().int(),
  message_id: uuidSchema,
  conversation_id: uuidSchema,
  sources: z.array(answerSourceSchema).optional().meta({
    description:
      "The profile sections and knowledge items the answer drew on; present only when the bot's show_sources is on.",
  }),
  contact_offered: z.boolean().meta({
    description:
      "Whether to offer the visitor the form to leave their details for the owner (POST /api/chat/contact) under this answer: the bot could not answer, or the visitor asked to reach the owner, and the bot's contact_form is not off.",
  }),
});

/** POST /api/chat/feedback: a visitor's thumbs on one of their answers; `rating: null` takes it back. */
export const feedbackRequestSchema = z.object({
  message_id: uuidSchema,
  chatbot_id: uuidSchema.optional().meta({
    description:
      "The answer's bot. A browser that opened a reply email's link is that visitor at that bot only: naming the bot lets it rate the answers there.",
  }),
  rating: z.enum(FEEDBACK_RATINGS, { error: "Must be up, down or null." }).nullable(),
  comment: z
    .string()
    .trim()
    .max(FEEDBACK_COMMENT_MAX, `Must be at most ${FEEDBACK_COMMENT_MAX} characters.`)
    .regex(/^[^\r\n]*$/, "Must be one line.")
    .nullish()
    .meta({ description: "A one-line reason, kept with a thumbs down only." }),
});

export const feedbackResponseSchema = z.object({
  message_id: uuidSchema,
  rating: z.enum(FEEDBACK_RATINGS).nullable(),
  comment: z.string().nullable(),
});

/** GET and DELETE /api/chat/data: which bot's record of the calling visitor. */
export const visitorDataQuerySchema = z.object({ chatbot_id: uuidSchema });

/** Everything a bot holds about one visitor (their download). */
export const visitorDataSchema = z.object({
  visitor: z.object({ name: z.string().nullable(), first_seen: timestampSchema, last_seen: timestampSchema }),
  messages: z.array(
    z.object({
      id: uuidSchema,
      conversation_id: uuidSchema,
      created_at: timestampSchema,
      message: z.string(),
      response: z.string().nullable(),
      status: z.enum(MESSAGE_STATUSES),
      feedback: z.enum(FEEDBACK_RATINGS).nullable(),
      feedback_comment: z.string().nullable(),
    }),
  ),
  owner_replies: z.array(
    z.object({ id: uuidSchema, conversation_id: uuidSchema, created_at: timestampSchema, body: z.string() }),
  ),
});
export type VisitorData = z.output<typeof visitorDataSchema>;
export type FeedbackRequest = z.output<typeof feedbackRequestSchema>;
