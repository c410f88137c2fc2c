import "server-only";
import { z } from "zod";
import { asServiceStatement } from "@/lib/db";
import { unansweredQuestionNotice } from "@/lib/db/queries/notifications";
import { sendEmail, siteLink } from "@/lib/email";
import { webhookEventSchema } from "@/lib/validation/webhooks";
import { deliverWebhook, webhookEventData } from "@/lib/webhooks/deliver";

/** The job being run: its id (the same on every attempt) and which attempt this is (1 for the first). */
export interface JobContext {
  id: string;
  attempt: number;
}

/** What a job of one kind does with its payload (parsed with the schema first); throwing retries it later. */
interface JobHandler<P> {
  payload: z.ZodType<P>;
  run(payload: P, job: JobContext): Promise<void>;
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
  // Queued by the database, one per subscribed endpoint (private.enqueue_webhook_event). The job's
  // id is the webhook-id, so every attempt of one event carries the same one.
  "webhook.deliver": define({
    payload: z.object({
      endpoint_id: z.uuid(),
      event: webhookEventSchema,
      occurred_at: z.string(),
      data: z.record(z.string(), z.unknown()),
    }),
    async run({ endpoint_id, event, occurred_at, data: ids }, job) {
      const data = await webhookEventData(event, ids);
      // What it was about is gone (deleted by the visitor or the owner): nothing to tell.
      if (!data) return;
      const result = await deliverWebhook({
        endpointId: endpoint_id,
        webhookId: `msg_${job.id}`,
        attempt: job.attempt,
        event,
        occurredAt: occurred_at,
        data,
      });
      if (result && !result.ok) throw new Error(`delivery to webhook endpoint ${endpoint_id} failed: ${result.error}`);
    },
  }) as JobHandler<unknown>,
};
