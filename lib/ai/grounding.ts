import type { SharedV4ProviderOptions } from "@ai-sdk/provider";
import { z } from "zod";
import { OUTCOME_METADATA_KEY, VOICES, type Voice } from "@/lib/constants";
import { profileSchema } from "@/lib/profiles/schemas";
import { normalizeProfile, type OwnerProfile } from "./instructions";
import { asGiven, KNOWLEDGE_KINDS, type KnowledgeEntry } from "./knowledge-block";

// What a model answers from, as data. A real model gets it written into its prompt
// (instructions.ts); the offline model is handed the same data in its provider options, rather
// than reading the prompt back, and what it is handed is parsed like any other input.

/** The parts of the profile a bot speaks from (OwnerProfile): the API's profile less ids and dates. */
const ownerProfileSchema = profileSchema.pick({
  name: true,
  location: true,
  bio: true,
  skills: true,
  experience: true,
  interests: true,
});

const knowledgeEntrySchema = z.object({
  item_id: z.string(),
  kind: z.enum(KNOWLEDGE_KINDS),
  title: z.string(),
  alternatives: z.array(z.string()),
  content: z.string(),
  asked: z.boolean(),
}) satisfies z.ZodType<KnowledgeEntry>;

const groundingSchema = z.object({
  profile: ownerProfileSchema,
  voice: z.enum(VOICES),
  knowledge: z.array(knowledgeEntrySchema),
});

export type Grounding = z.infer<typeof groundingSchema>;

/** A turn's grounding: the profile and knowledge as the prompt gives them to a real model. */
export function groundingOf(profile: OwnerProfile, voice: Voice, knowledge: readonly KnowledgeEntry[]): Grounding {
  return { profile: normalizeProfile(profile), voice, knowledge: knowledge.map(asGiven) };
}

const offlineOptionsSchema = z.object({
  grounding: groundingSchema,
  /** Whether the bot takes visitors' details: what a real model learns from its contact-form tool. */
  takes_details: z.boolean(),
});

export type OfflineModelInput = z.infer<typeof offlineOptionsSchema>;

/** The provider options that carry a turn's grounding to the offline model. */
export function offlineModelOptions(input: OfflineModelInput): SharedV4ProviderOptions {
  return { [OUTCOME_METADATA_KEY]: input };
}

/** The grounding the offline model was handed; null when it was handed none it can read. */
export function readOfflineModelOptions(options: SharedV4ProviderOptions | undefined): OfflineModelInput | null {
  const parsed = offlineOptionsSchema.safeParse(options?.[OUTCOME_METADATA_KEY]);
  return parsed.success ? parsed.data : null;
}
