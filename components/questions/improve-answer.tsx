"use client";

import { PencilLine } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogHeader, DialogTrigger } from "@/components/ui/dialog";
import { TextareaField } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { idleFormState } from "@/lib/http/form-state";
import { improveAnswerAction } from "@/lib/questions/actions";

/**
 * Beside an answer in the inbox: the owner writes what the bot should have said, and it becomes
 * the Q&A for that question (or replaces the answer of the one they wrote before).
 */
export function ImproveAnswer({ messageId, question }: { messageId: string; question: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [answer, setAnswer] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [pending, startTransition] = useTransition();
  const save = () =>
    startTransition(async () => {
      const state = await improveAnswerAction(idleFormState, { message_id: messageId, answer });
      if (state.status === "error") {
        setError(state.fieldErrors.answer ?? state.message);
        return;
      }
      setError(undefined);
      setAnswer("");
      setOpen(false);
      toast.success("Answer saved", { description: "The next visitor who asks this gets your answer." });
      router.refresh();
    });
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger render={<Button variant="link" className="text-xs" />}>
        <PencilLine aria-hidden />
        Improve this answer
      </DialogTrigger>
      <DialogContent>
        <DialogHeader
          title="Improve this answer"
          description={
            <>
              What should the bot have said to “{question}”? It becomes a Q&A in your knowledge, given as written to
              visitors who ask this in any words.
            </>
          }
          descriptionClassName="wrap-anywhere"
        />
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            save();
          }}
        >
          <TextareaField
            label="Better answer"
            error={error}
            name="answer"
            rows={4}
            value={answer}
            onChange={(event) => setAnswer(event.target.value)}
          />
          <DialogFooter>
            <Button type="submit" loading={pending}>
              Save answer
            </Button>
            <DialogClose render={<Button variant="secondary" />}>Cancel</DialogClose>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
