import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { listChatbots } from "@/lib/db/queries/chatbots";

export const metadata: Metadata = { title: "Dashboard" };

// Greets the owner and lists their chatbots (read under RLS).
export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const chatbots = await asOwner(user.claims, listChatbots);
  return (
    <main className="py-8">
      <h1 className="text-2xl font-semibold">Welcome, {user.email}</h1>
      <h2 className="mt-8 text-lg font-medium">Your chatbots</h2>
      {chatbots.length === 0 ? (
        <p className="mt-2 text-zinc-600 dark:text-zinc-400">You have no chatbots yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-zinc-200 dark:divide-zinc-800">
          {chatbots.map((chatbot) => (
            <li key={chatbot.id} className="flex items-center justify-between py-3">
              <span>
                {chatbot.name}
                {chatbot.is_public ? null : <span className="ml-2 text-xs text-zinc-500">(private)</span>}
              </span>
              <Link
                href={`/c/${chatbot.public_url_slug}`}
                className="text-sm text-indigo-600 underline dark:text-indigo-400"
              >
                /c/{chatbot.public_url_slug}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-10 border-t border-zinc-200 pt-4 dark:border-zinc-800">
        <SignOutButton everywhere />
      </div>
    </main>
  );
}
