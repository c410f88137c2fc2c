import { z } from "zod";
import { credentialsSchema, emailSchema, signInSchema } from "@/lib/auth/schemas";

// The account settings' forms and their API equivalents. No "server-only": the forms use them too.

const password = signInSchema.shape.password;
const newPassword = credentialsSchema.shape.password;

/** Giving the password again, so the session may do what needs a recent sign-in (minting API keys). */
export const confirmPasswordSchema = z.object({ password });

export const changePasswordSchema = z.object({ current_password: password, new_password: newPassword });

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
