import { ButtonLink } from "@/components/ui/button-link";

export default function HomePage() {
  return (
    <main className="mx-auto max-w-2xl px-4 py-20">
      <h1 className="text-4xl font-semibold tracking-tight">Chatfolio</h1>
      <p className="mt-4 text-lg text-zinc-600 dark:text-zinc-400">
        Write your profile once. Your own AI chatbot answers visitors&apos; questions about you, in your voice, on a
        page you can share or embed anywhere.
      </p>
      <div className="mt-8 flex flex-wrap items-center gap-3">
        <ButtonLink href="/signup" size="lg">
          Create your chatbot
        </ButtonLink>
        <ButtonLink href="/c/demo" variant="secondary" size="lg">
          Try the demo bot
        </ButtonLink>
        <ButtonLink href="/login" variant="ghost" size="lg">
          Sign in
        </ButtonLink>
      </div>
    </main>
  );
}
