import Link from "next/link";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="text-3xl font-semibold">Page not found</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400">There is nothing at this address, or it is private.</p>
      <Link href="/" className="mt-6 inline-block text-indigo-600 underline dark:text-indigo-400">
        Go to the home page
      </Link>
    </main>
  );
}
