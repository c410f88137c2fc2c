"use client";

import { Ban } from "lucide-react";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { idleFormState } from "@/lib/http/form-state";
import { blockVisitorAction, unblockVisitorAction } from "@/lib/inbox/actions";
import type { BlockScope } from "@/lib/inbox/types";

const SCOPE_LABELS: Record<BlockScope, string> = { visitor: "this visitor", network: "their network" };

/**
 * Blocks the visitor behind a conversation, or the network they write from (its address stays on
 * the server), and lifts blocks made here. A blocked visitor's chats get a polite refusal.
 */
export function BlockControls({
  conversation,
  blocks,
}: {
  conversation: string;
  blocks: Array<{ id: string; scope: BlockScope }>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const block = async (scope: BlockScope) => {
    const state = await blockVisitorAction(idleFormState, { conversation, scope });
    if (state.status === "error") {
      toast.error(`Couldn't block ${SCOPE_LABELS[scope]}`, { description: state.message });
      return false;
    }
    toast.success(`Blocked ${SCOPE_LABELS[scope]}`);
    router.refresh();
    return true;
  };
  const blocked = new Set(blocks.map((entry) => entry.scope));
  return (
    <div className="mt-6 flex flex-wrap items-center gap-2 text-sm" data-testid="block-controls">
      {blocks.map((entry) => (
        <Button
          key={entry.id}
          variant="secondary"
          loading={pending}
          onClick={() =>
            startTransition(async () => {
              const state = await unblockVisitorAction(idleFormState, { id: entry.id });
              if (state.status === "error") toast.error("Couldn't lift the block", { description: state.message });
              else router.refresh();
            })
          }
        >
          Unblock {SCOPE_LABELS[entry.scope]}
        </Button>
      ))}
      {(["visitor", "network"] as const)
        .filter((scope) => !blocked.has(scope))
        .map((scope) => (
          <ConfirmDialog
            key={scope}
            trigger={
              <Button variant="ghost">
                <Ban aria-hidden />
                Block {SCOPE_LABELS[scope]}
              </Button>
            }
            title={`Block ${SCOPE_LABELS[scope]}?`}
            description={
              scope === "visitor"
                ? "Their messages to this bot will get a polite refusal. You can lift the block here."
                : "Every visitor writing from the same network (their IPv4 address, or IPv6 /64) gets a polite refusal from this bot. You never see the address; you can lift the block here."
            }
            confirmLabel="Block"
            destructive
            onConfirm={() => block(scope)}
          />
        ))}
    </div>
  );
}
