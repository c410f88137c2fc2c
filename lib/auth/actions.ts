"use server";

import { redirect } from "next/navigation";
import type { z } from "zod";
import { ApiError } from "@/lib/errors";
import { credentialsSchema, signInSchema } from "@/lib/validation/auth";
import { signIn, signOut, signUp } from "./accounts";
import type { AuthFormState } from "./form-state";
import { safeNextPath } from "./next-path";
import { actionAuthContext, getCurrentUser } from "./server";

// Server actions, so the forms work without JavaScript and Next checks their Origin itself.

function readForm(formData: FormData) {
  const text = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  return { email: text("email"), password: text("password"), next: formData.get("next") };
}

function invalid(email: string, error: z.ZodError): AuthFormState {
  const fieldErrors: AuthFormState["fieldErrors"] = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { email, fieldErrors };
}

/** Known refusals become messages on the form; anything else is a real failure and propagates. */
function refused(email: string, error: unknown): AuthFormState {
  if (!(error instanceof ApiError)) throw error;
  if (error.code === "conflict") return { email, fieldErrors: { email: error.message } };
  if (error.code === "unauthorized" || error.code === "rate_limited" || error.code === "forbidden") {
    return { email, fieldErrors: {}, formError: error.message };
  }
  throw error;
}

export async function signInAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const form = readForm(formData);
  const parsed = signInSchema.safeParse(form);
  if (!parsed.success) return invalid(form.email, parsed.error);
  try {
    await signIn(parsed.data, await actionAuthContext());
  } catch (error) {
    return refused(parsed.data.email, error);
  }
  redirect(safeNextPath(form.next));
}

export async function signUpAction(_previous: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const form = readForm(formData);
  const parsed = credentialsSchema.safeParse(form);
  if (!parsed.success) return invalid(form.email, parsed.error);
  let confirmationRequired = false;
  try {
    const result = await signUp(parsed.data, await actionAuthContext());
    confirmationRequired = result.body.confirmation_required === true;
  } catch (error) {
    return refused(parsed.data.email, error);
  }
  if (confirmationRequired) {
    return {
      email: parsed.data.email,
      fieldErrors: {},
      notice: "Check your inbox: confirm your email address, then sign in.",
    };
  }
  redirect(safeNextPath(form.next));
}

export async function signOutAction(formData: FormData): Promise<void> {
  const all = formData.get("all") === "true";
  await signOut(await getCurrentUser(), await actionAuthContext(), all);
  redirect("/login");
}
