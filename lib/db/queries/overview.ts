import "server-only";
import type { ChatbotActivity, OnboardingProgress } from "@/lib/dashboard/types";
import type { Queryable } from "@/lib/db";

// What the dashboard's overview and navigation count, run as the owner (RLS scopes every table).
// Preview turns (the owner trying a bot) and refused turns are not visitors' conversations.

/** Run as the owner: per chatbot id, messages of the last 7 days and unread ones. */
export async function listChatbotActivity(tx: Queryable): Promise<Map<string, ChatbotActivity>> {
  const rows = await tx.query<{ id: string; recent: number; unread: number }>(
    `select c.id,
       (select count(*)::int from public.messages m
        where m.chatbot_id = c.id and not m.is_preview and m.status <> 'rate_limited'
          and m.created_at > now() - interval '7 days') as recent,
       (select count(*)::int from public.messages m
        where m.chatbot_id = c.id and not m.is_read and not m.is_preview and m.status <> 'rate_limited') as unread
     from public.chatbots c`,
  );
  return new Map(rows.map((row) => [row.id, { messagesLast7Days: row.recent, unread: row.unread }]));
}

/** Run as the owner: the new owner's steps to a shared, working bot (OnboardingProgress). */
export async function findOnboardingProgress(tx: Queryable): Promise<OnboardingProgress> {
  const [row] = await tx.query<OnboardingProgress>(
    `select exists (select 1 from public.profiles) as profile,
            exists (select 1 from public.chatbots) as chatbot,
            exists (select 1 from public.messages) as tried,
            exists (select 1 from public.messages where not is_preview) as shared`,
  );
  return row;
}
