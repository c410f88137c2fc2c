import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { listChatbots } from "@/lib/db/queries/chatbots";
import { countUnread } from "@/lib/db/queries/inbox";
import { findOnboardingProgress, listChatbotActivity } from "@/lib/db/queries/overview";
import { countWaitingQuestions } from "@/lib/db/queries/questions";
import { quotaUsage } from "@/lib/db/queries/usage";

// What every dashboard page's frame and the overview show. Each is one transaction under RLS.

/**
 * The frame around every dashboard page: the unread count (navigation; a sum over the per-day
 * rollup, a few rows per bot) and the month's quota (the banner at 80%).
 */
export async function showDashboardShell(caller: Caller) {
  return asOwner(caller.claims, async (tx) => ({
    unread: await countUnread(tx),
    usage: await quotaUsage(tx, { ownerId: caller.userId }),
  }));
}

/**
 * The overview: the owner's chatbots with this week's activity, how many questions wait, and the
 * onboarding steps (`onboarding` until a new owner has a shared, working bot).
 */
export async function showOverview(caller: Caller) {
  const overview = await asOwner(caller.claims, async (tx) => ({
    chatbots: await listChatbots(tx),
    activity: await listChatbotActivity(tx),
    progress: await findOnboardingProgress(tx),
    waiting: await countWaitingQuestions(tx),
  }));
  const { progress } = overview;
  return { ...overview, onboarding: !(progress.profile && progress.chatbot && progress.tried && progress.shared) };
}
