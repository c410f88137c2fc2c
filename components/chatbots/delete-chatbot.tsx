"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { InputField } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { deleteChatbotAction } from "@/lib/chatbots/actions";
import { idleFormState } from "@/lib/http/form-state";

/** Deleting a chatbot, after typing its name: it takes every conversation with it. */
export function DeleteChatbot({ id, name }: { id: string; name: string }) {
  const [typed, setTyped] = useState("");
  return (
    <Card className="border-red-200 dark:border-red-900">
      <CardHeader>
        <CardTitle>Delete this chatbot</CardTitle>
        <CardDescription>
          Its page stops working and its conversations are deleted. This can't be undone.
        </CardDescription>
      </CardHeader>
      <CardFooter>
        <ConfirmDialog
          destructive
          trigger={<Button variant="destructive">Delete chatbot…</Button>}
          title={`Delete “${name}”?`}
          description="Its public page, its embed and all its conversations are deleted for good."
          confirmLabel="Delete chatbot"
          onConfirm={async () => {
            if (typed !== name) {
              toast.error("The name doesn't match", { description: `Type “${name}” exactly.` });
              return false;
            }
            // On success the action redirects to the overview; only a refusal comes back.
            const state = await deleteChatbotAction(idleFormState, { id, confirm_name: typed });
            if (state.status === "error") toast.error("The chatbot was not deleted", { description: state.message });
            return false;
          }}
        >
          <InputField
            label={`Type “${name}” to confirm`}
            autoComplete="off"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
            data-testid="delete-confirm-name"
          />
        </ConfirmDialog>
      </CardFooter>
    </Card>
  );
}
