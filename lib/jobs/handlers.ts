import "server-only";
import { z } from "zod";
import { emailContactGroup, emailNewContact } from "@/lib/notifications/use-cases/contact-emails";
import {
  emailDailyDigest,
  emailUnansweredQuestion,
  emailVisitorReply,
  emailWeeklySummary,
} from "@/lib/notifications/use-cases/emails";
import { deliverWebhook, webhookEventData } from "@/lib/webhooks/deliver";
import { webhookEventSchema } from "@/lib/webhooks/schemas";

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

const define = <P>(handler: JobHandler<P>): JobHandler<unknown> => handler as JobHandler<unknown>;

const digestPayload = z.object({ user_id: z.uuid(), since: z.iso.datetime({ offset: true }) });

/** Every kind of job the queue knows; a kind not listed here fails (and is kept for operators). */
export const JOB_HANDLERS: Record<string, JobHandler<unknown>> = {
  // Queued by the database when a turn is recorded as unanswered (private.enqueue_unanswered_notification).
  "notify.unanswered_question": define({
    payload: z.object({ message_id: z.uuid() }),
    run: emailUnansweredQuestion,
  }),

  // Queued by private.visitor_contact when a visitor leaves their details.
  "notify.contact": define({
    payload: z.object({ contact_id: z.uuid() }),
    run: emailNewContact,
  }),

  // Queued by emailNewContact for when the pause after an email is over: the contacts that came
  // meanwhile, in one email.
  "notify.contact_group": define({
    payload: z.object({ user_id: z.uuid() }),
    run: emailContactGroup,
  }),

  // Queued by the database when the owner replies in a conversation whose visitor left an email
  // (private.enqueue_visitor_reply_email).
  "notify.visitor_reply": define({
    payload: z.object({ reply_id: z.uuid() }),
    run: emailVisitorReply,
  }),

  // Queued at 08:00 in the owner's time zone by private.schedule_digests: what the owner chose to
  // hear of once a day (unanswered questions, new contacts, or both).
  "notify.daily_digest": define({
    payload: digestPayload,
    run: emailDailyDigest,
  }),

  // Queued on Mondays at 08:00 in the owner's time zone by private.schedule_digests.
  "notify.weekly_summary": define({
    payload: digestPayload,
    run: emailWeeklySummary,
  }),

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
  }),
};
