/** What the sign-in and sign-up forms get back from their server actions. */
export interface AuthFormState {
  /** What the visitor typed (never the password), to refill the form. */
  email: string;
  /** One message per field, by field name, as the zod schemas word them. */
  fieldErrors: { email?: string; password?: string };
  /** A problem with the whole submission (wrong credentials, too many attempts). */
  formError?: string;
  /** Not an error: e.g. Supabase Auth wants the email confirmed before the first sign-in. */
  notice?: string;
}

export const initialAuthFormState: AuthFormState = { email: "", fieldErrors: {} };
