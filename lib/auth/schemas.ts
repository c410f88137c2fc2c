import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/constants";

// Shared by the API routes and the sign-up / sign-in forms, so both report the same field errors.
// No "server-only": the forms validate with these in the browser too. Nothing secret in here.

// Bounds the work one request can make the password hash do.
export const PASSWORD_MAX_LENGTH = 1024;

/** Trimmed and lower-cased before it is checked, so "  Ada@Example.com " is ada@example.com. */
export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "An email address has at most 254 characters.")
  .email("Enter a valid email address.");

/** POST /api/auth/signup: a new account's email and password. */
export const credentialsSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter a password." })
    .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});
export type Credentials = z.infer<typeof credentialsSchema>;

/**
 * POST /api/auth/token and the sign-in form. The password rules are not repeated here: telling a
 * signer-in "at least 8 characters" would only describe the policy, never help them in.
 */
export const signInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
});
export type SignInInput = z.infer<typeof signInSchema>;

/**
 * POST /api/auth/logout?all=true ends every session of the caller ("sign out everywhere"); a query
 * parameter rather than a body so a plain, bodiless POST stays the common case.
 */
export const logoutQuerySchema = z.object({
  all: z
    .enum(["true", "false", "1", "0"], { error: 'all must be "true" or "false".' })
    .optional()
    .transform((value) => value === "true" || value === "1"),
  /** With all=true: revoke every API key too, so nothing minted with a stolen session survives. */
  revoke_api_keys: z
    .enum(["true", "false", "1", "0"], { error: 'revoke_api_keys must be "true" or "false".' })
    .optional()
    .transform((value) => value === "true" || value === "1"),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
});
export type PublicUser = z.infer<typeof userSchema>;

/** 201 from signup (session cookie set); 202 with confirmation_required when Supabase Auth must confirm the email first. */
export const signupResponseSchema = z.object({
  user: userSchema,
  confirmation_required: z.boolean().optional(),
});
export type SignupResponse = z.infer<typeof signupResponseSchema>;

/** 200 from POST /api/auth/token. */
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.literal("bearer"),
  /** Seconds until access_token expires. */
  expires_in: z.number().int().positive(),
  /** Only with Supabase Auth, which hands out refresh tokens; the built-in backend does not. */
  refresh_token: z.string().optional(),
  user: userSchema,
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
