"use client";

import { useActionState } from "react";
import { signOutAction } from "@/lib/auth/actions";
import { idleFormState } from "@/lib/http/form-state";

/** A form posting to the sign-out action (it works before hydration too). */
export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  const [, formAction, pending] = useActionState(signOutAction, idleFormState);
  return (
    <form action={formAction}>
      {everywhere ? <input type="hidden" name="all" value="true" /> : null}
      <button
        type="submit"
        disabled={pending}
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        {everywhere ? "Sign out everywhere" : "Sign out"}
      </button>
    </form>
  );
}
