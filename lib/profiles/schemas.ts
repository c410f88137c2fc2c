import { z } from "zod";
import { timestampSchema, uuidSchema } from "@/lib/validation/common";

// Shared by PUT /api/profile and the dashboard's profile form: no "server-only" here.

/** A profile's name and location. */
export const PROFILE_SHORT_MAX = 100;
/** A profile's bio, skills, experience and interests. */
export const PROFILE_LONG_MAX = 10_000;

const shortField = (label: string) =>
  z
    .string({ error: `${label} must be a string.` })
    .trim()
    .max(PROFILE_SHORT_MAX, `${label} must be at most ${PROFILE_SHORT_MAX} characters.`)
    .nullish()
    .transform((value) => value ?? null);

const longField = (label: string) =>
  z
    .string({ error: `${label} is required and must be a string.` })
    .trim()
    .max(PROFILE_LONG_MAX, `${label} must be at most ${PROFILE_LONG_MAX.toLocaleString("en")} characters.`);

/**
 * PUT /api/profile: the whole profile, which replaces what is stored. Unknown keys (user_id, id,
 * timestamps) are stripped, not refused: a client echoing a profile back must not fail, and a
 * profile always belongs to the caller anyway.
 */
export const profileInputSchema = z.object({
  name: shortField("name"),
  location: shortField("location"),
  bio: longField("bio"),
  skills: longField("skills"),
  experience: longField("experience"),
  interests: longField("interests"),
});
export type ProfileInput = z.output<typeof profileInputSchema>;

/** GET /api/profile?user_id=: another owner's public profile; without it, the caller's own. */
export const profileQuerySchema = z.object({
  user_id: uuidSchema.optional(),
});

/** The profile as the API returns it. */
export const profileSchema = z.object({
  id: uuidSchema,
  user_id: uuidSchema,
  name: z.string().nullable(),
  location: z.string().nullable(),
  bio: z.string(),
  skills: z.string(),
  experience: z.string(),
  interests: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type Profile = z.output<typeof profileSchema>;
