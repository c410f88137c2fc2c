import Link from "next/link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-20">
      <h1 className="text-4xl font-semibold tracking-tight">Chatfolio</h1>
      <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">
        Write your profile once. Your own AI chatbot answers visitors&apos; questions about you, in your voice, on a
        page you can share or embed anywhere.
      </p>
      <div className="mt-8 flex gap-4">
        <Link href="/signup" className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500">
          Create your chatbot
        </Link>
        <Link
          href="/c/demo"
          className="rounded-md border border-zinc-300 px-4 py-2 font-medium hover:bg-zinc-50 dark:border-zinc-700 dark:hover:bg-zinc-900"
        >
          Try the demo bot
        </Link>
        <Link href="/login" className="px-2 py-2 font-medium text-zinc-600 underline dark:text-zinc-400">
          Sign in
        </Link>
      </div>
    </main>
  );
}
