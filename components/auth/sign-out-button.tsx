import { signOutAction } from "@/lib/auth/actions";

/** A plain form posting to the sign-out action: works without JavaScript. */
export function SignOutButton({ everywhere = false }: { everywhere?: boolean }) {
  return (
    <form action={signOutAction}>
      {everywhere ? <input type="hidden" name="all" value="true" /> : null}
      <button
        type="submit"
        className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-900"
      >
        {everywhere ? "Sign out everywhere" : "Sign out"}
      </button>
    </form>
  );
}
