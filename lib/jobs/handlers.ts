import "server-only";
import { z } from "zod";
import { asServiceStatement } from "@/lib/db";
import { unansweredQuestionNotice } from "@/lib/db/queries/notifications";
import { sendEmail, siteLink } from "@/lib/email";

/** What a job of one kind does with its payload (parsed with the schema first). */
interface JobHandler<P> {
  payload: z.ZodType<P>;
  run(payload: P): Promise<void>;
}

const define = <P>(handler: JobHandler<P>): JobHandler<P> => handler;

/** Every kind of job the queue knows; a kind not listed here fails (and is kept for operators). */
export const JOB_HANDLERS: Record<string, JobHandler<unknown>> = {
  // Queued by the database when a turn is recorded as unanswered (private.enqueue_unanswered_notification).
  "notify.unanswered_question": define({
    payload: z.object({ message_id: z.uuid() }),
    async run({ message_id }) {
      const notice = await asServiceStatement((db) => unansweredQuestionNotice(db, { messageId: message_id }));
      // Gone (the visitor deleted their data, the bot was deleted) or unwanted: nothing to send.
      if (!notice || notice.setting === "off") return;
      await sendEmail({
        to: notice.owner_email,
        subject: `${notice.chatbot_name} couldn't answer a question`,
        text: [
          `A visitor asked ${notice.chatbot_name} something it couldn't answer from your profile and knowledge:`,
          "",
          `  ${notice.question.replace(/\s+/g, " ").slice(0, 500)}`,
          "",
          "Answer it once and your bot gives that answer from now on:",
          siteLink("/dashboard/questions"),
          "",
          "You can turn these emails off in your settings:",
          siteLink("/dashboard/settings"),
        ].join("\n"),
      });
    },
  }) as JobHandler<unknown>,
};
