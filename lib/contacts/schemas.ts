import { z } from "zod";
import { uuidSchema } from "@/lib/validation/common";

// Shared by the chat's contact form, the contacts API and the OpenAPI document: no "server-only" here.

export const CONTACT_NAME_MAX = 200;
export const CONTACT_MESSAGE_MAX = 2000;

/** POST /api/chat/contact: the details a visitor leaves for the owner. */
/** Contacts one client network may leave at one bot within ten minutes (AUTH_WINDOW_SECONDS). */
export const CONTACTS_PER_NETWORK = 5;

export const contactRequestSchema = z.object({
  chatbot_id: uuidSchema,
  conversation_id: uuidSchema.nullish(),
  name: z
    .string({ error: "Tell them your name." })
    .trim()
    .min(1, "Tell them your name.")
    .max(CONTACT_NAME_MAX, `Must be at most ${CONTACT_NAME_MAX} characters.`),
  email: z
    .union([z.literal(""), z.email("That doesn't look like an email address.").max(320)])
    .nullish()
    .transform((value) => value || null)
    .meta({ description: "Where the owner can answer; required unless the bot says otherwise." }),
  message: z
    .string()
    .trim()
    .max(CONTACT_MESSAGE_MAX, `Must be at most ${CONTACT_MESSAGE_MAX} characters.`)
    .nullish()
    .transform((value) => value || null),
});

export const contactSchema = z.object({
  id: z.uuid(),
  chatbot_id: z.uuid(),
  chatbot_name: z.string(),
  conversation_id: z.uuid().nullable(),
  /** The conversation's page in the inbox (/dashboard/inbox/{inbox_id}), while it exists. */
  inbox_id: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  message: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type Contact = z.infer<typeof contactSchema>;
export type ContactRequest = z.output<typeof contactRequestSchema>;

export const contactCreatedSchema = z.object({ id: z.uuid() });

export const listContactsQuerySchema = z.object({
  chatbot_id: uuidSchema.optional(),
  format: z.enum(["json", "csv"]).default("json"),
});

export const contactListSchema = z.object({ items: z.array(contactSchema) });
