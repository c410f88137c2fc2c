import { z } from "zod";
import { credentialsSchema, emailSchema, signInSchema } from "@/lib/auth/schemas";

// The account settings' forms and their API equivalents. No "server-only": the forms use them too.

const password = signInSchema.shape.password;
const newPassword = credentialsSchema.shape.password;

/** Giving the password again, so the session may do what needs a recent sign-in (minting API keys). */
export const confirmPasswordSchema = z.object({ password });

/** revoke_api_keys: a password change revokes every API key unless told not to (a key may have leaked with it). */
export const changePasswordSchema = z.object({
  current_password: password,
  new_password: newPassword,
  revoke_api_keys: z.boolean({ error: "revoke_api_keys must be true or false." }).default(true),
});

/**
 * The same from the dashboard's form: a hidden "false" precedes the checkbox's "true", so an
 * unticked box still says false (a missing field means the default, true) and a ticked one sends
 * both, the last winning. A client component's object may say true or false outright.
 */
export const changePasswordFormSchema = changePasswordSchema.extend({
  revoke_api_keys: z
    .preprocess((value) => {
      const last: unknown = Array.isArray(value) ? value.at(-1) : value;
      return typeof last === "boolean" ? String(last) : last;
    }, z.enum(["true", "false", "on"], { error: "revoke_api_keys must be true or false." }).optional())
    .transform((value) => value !== "false"),
});

export const changeEmailSchema = z.object({ email: emailSchema, password });

export const forgotPasswordSchema = z.object({ email: emailSchema });

/** The token from the emailed link and the new password. */
export const resetPasswordSchema = z.object({
  token: z.string({ error: "This link is incomplete." }).trim().min(1, "This link is incomplete.").max(200),
  password: newPassword,
});

export const confirmEmailSchema = z.object({
  token: z.string({ error: "This link is incomplete." }).trim().min(1, "This link is incomplete.").max(200),
});

/** The account's email, typed out, as the confirmation of a deletion that cannot be undone. */
export const deleteAccountSchema = z.object({
  email: z.string({ error: "Type your email address." }).trim().toLowerCase(),
});
export type DeleteAccountInput = z.output<typeof deleteAccountSchema>;
