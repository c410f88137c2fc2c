import type { ReplyLinkNotice } from "@/lib/chatbots/public-page";

const TEXT: Record<ReplyLinkNotice, string> = {
  expired:
    "The link from your email has expired (links work for 30 days). On the device you chatted from, the conversation is still here; or start a new one below.",
  invalid: "The link from your email isn't one we can open. You can start a new conversation below.",
  gone: "That conversation has been deleted, so there is nothing to show. You can start a new one below.",
};

/** Shown when a visitor arrives from a reply email's link that can't open their conversation. */
export function ReplyLinkBanner({ notice }: { notice: ReplyLinkNotice }) {
  return (
    <p
      role="status"
      data-testid="reply-link-notice"
      className="mt-3 rounded-xl border border-zinc-300 bg-zinc-50 px-3 py-2 text-sm text-zinc-800 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
    >
      {TEXT[notice]}
    </p>
  );
}
