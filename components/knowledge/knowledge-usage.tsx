import type { KnowledgeUsage } from "@/lib/knowledge/types";

const MEGABYTE = 1024 * 1024;
const megabytes = (bytes: number) => (bytes / MEGABYTE).toLocaleString("en", { maximumFractionDigits: 1 });

/** How much of the owner's knowledge quota is used, and a warning once it is nearly full. */
export function KnowledgeUsageLine({ usage }: { usage: KnowledgeUsage & { maxItems: number; maxBytes: number } }) {
  const share = Math.max(usage.items / usage.maxItems, usage.bytes / usage.maxBytes);
  return (
    <p data-testid="knowledge-usage" className="text-sm text-zinc-600 dark:text-zinc-400">
      {usage.items.toLocaleString("en")} of {usage.maxItems.toLocaleString("en")} items, {megabytes(usage.bytes)} of{" "}
      {megabytes(usage.maxBytes)} MB used.
      {share >= 0.9 ? (
        <span className="font-medium text-amber-700 dark:text-amber-400">
          {" "}
          Nearly full: delete what your bots no longer need.
        </span>
      ) : null}
    </p>
  );
}
