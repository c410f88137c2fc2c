/** Shown to an owner previewing their private bot: visitors get the 404 page instead. */
export function PrivateBanner() {
  return (
    <p
      data-testid="private-banner"
      className="mt-3 rounded-xl border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <strong className="font-semibold">Private:</strong> only you can see this. Visitors get “page not found” until you
      make the bot public.
    </p>
  );
}
