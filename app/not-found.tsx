import { ButtonLink } from "@/components/ui/button-link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">There is nothing at this address, or it is private.</p>
      <ButtonLink href="/" variant="secondary" className="mt-6">
        Go to the home page
      </ButtonLink>
    </main>
  );
}
