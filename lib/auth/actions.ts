"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { credentialsSchema, signInSchema } from "@/lib/auth/schemas";
import { action } from "@/lib/http/action";
import { safeNextPath } from "./next-path";
import { authContextFrom, signIn, signOut, signUp } from "./sign-in";

// Server actions, so the forms work without JavaScript.

/** Where to go afterwards; anything unsafe is replaced by safeNextPath, so no error for it here. */
const next = { next: z.unknown().optional() };

/** What the sign-in and sign-up forms may be told instead of being redirected. */
export type AuthFormResult = { notice: string } | undefined;

export const signInAction = action(
  { name: "auth.signIn", auth: "none", schema: signInSchema.extend(next), redact: ["password"] },
  async ({ input, headers, jar }): Promise<AuthFormResult> => {
    await signIn(input, authContextFrom(headers, jar));
    redirect(safeNextPath(input.next));
  },
);

/** Signs up and in; with Supabase Auth confirming emails first, answers a notice instead. */
export const signUpAction = action(
  { name: "auth.signUp", auth: "none", schema: credentialsSchema.extend(next), redact: ["password"] },
  async ({ input, headers, jar }): Promise<AuthFormResult> => {
    const result = await signUp(input, authContextFrom(headers, jar));
    if (result.body.confirmation_required)
      return { notice: "Check your inbox: confirm your email address, then sign in." };
    redirect(safeNextPath(input.next));
  },
);

export const signOutAction = action(
  { name: "auth.signOut", auth: "none", schema: z.object({ all: z.enum(["true", "false"]).optional() }) },
  async ({ input, caller, headers, jar }) => {
    await signOut(caller, authContextFrom(headers, jar), input.all === "true");
    redirect("/login");
  },
);
