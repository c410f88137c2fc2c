import "server-only";
import { z } from "zod";
import { REPLY_LINK_PARAM } from "@/lib/constants";
import { asServiceStatement } from "@/lib/db";
import { contactNotice } from "@/lib/db/queries/contacts";
import {
  dailyDigest,
  unansweredQuestionNotice,
  visitorReplyNotice,
  weeklySummary,
} from "@/lib/db/queries/notifications";
import { sendEmail, siteLink } from "@/lib/email";
import { REPLY_LINK_DAYS } from "@/lib/limits";
import { replyLinkToken } from "@/lib/visitors/reply-link";
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

/** One line of a visitor's question in an email: whitespace folded, long ones cut. */
const quoted = (question: string) => `  - ${question.replace(/\s+/g, " ").slice(0, 300)}`;

const SETTINGS_FOOTER = ["", "Change which emails you get in your settings:", siteLink("/dashboard/settings")];

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

const digestPayload = z.object({ user_id: z.uuid(), since: z.iso.datetime({ offset: true }) });

/** Every kind of job the queue knows; a kind not listed here fails (and is kept for operators). */
export const JOB_HANDLERS: Record<string, JobHandler<unknown>> = {
  // Queued by the database when a turn is recorded as unanswered (private.enqueue_unanswered_notification).
  "notify.unanswered_question": define({
    payload: z.object({ message_id: z.uuid() }),
    async run({ message_id }) {
      const notice = await asServiceStatement((db) => unansweredQuestionNotice(db, { messageId: message_id }));
      // Gone (the visitor deleted their data, the bot was deleted), or wanted later or never.
      if (notice?.setting !== "immediately") return;
      await sendEmail({
        to: notice.owner_email,
        subject: `${notice.chatbot_name} couldn't answer a question`,
        text: [
          `A visitor asked ${notice.chatbot_name} something it couldn't answer from your profile and knowledge:`,
          "",
          quoted(notice.question),
          "",
          "Answer it once and your bot gives that answer from now on:",
          siteLink("/dashboard/questions"),
          ...SETTINGS_FOOTER,
        ].join("\n"),
      });
    },
  }),

  // Queued by private.visitor_contact when a visitor leaves their details.
  "notify.contact": define({
    payload: z.object({ contact_id: z.uuid() }),
    async run({ contact_id }) {
      const contact = await asServiceStatement((db) => contactNotice(db, { contactId: contact_id }));
      // Gone (the visitor erased their data) or unwanted.
      if (contact?.setting !== "immediately") return;
      await sendEmail({
        to: contact.owner_email,
        subject: `${contact.name} left their details with ${contact.chatbot_name}`,
        text: [
          `${contact.name} left their details with ${contact.chatbot_name}:`,
          "",
          `  Email: ${contact.email ?? "(none given)"}`,
          ...(contact.message ? ["", quoted(contact.message)] : []),
          "",
          "All your contacts, and their conversations:",
          siteLink("/dashboard/contacts"),
          ...SETTINGS_FOOTER,
        ].join("\n"),
      });
    },
  }),

  // Queued by the database when the owner replies in a conversation whose visitor left an email
  // (private.enqueue_visitor_reply_email).
  "notify.visitor_reply": define({
    payload: z.object({ reply_id: z.uuid() }),
    async run({ reply_id }) {
      const reply = await asServiceStatement((db) => visitorReplyNotice(db, { replyId: reply_id }));
      // Gone: the visitor erased their data, or the conversation aged out.
      if (!reply) return;
      const from = reply.owner_name ?? `The owner of ${reply.chatbot_name}`;
      // Details left before links were kept open the page, without the conversation on a new device.
      const link = siteLink(
        `/c/${reply.slug}`,
        reply.sealed
          ? {
              [REPLY_LINK_PARAM]: replyLinkToken({
                chatbotId: reply.chatbot_id,
                sealed: reply.sealed,
                expiresAt: new Date(Date.now() + REPLY_LINK_DAYS * 24 * 60 * 60 * 1000),
              }),
            }
          : {},
      );
      await sendEmail({
        to: reply.email,
        subject: `${from} replied to you on ${reply.chatbot_name}`,
        text: [
          `Hello ${reply.visitor_name},`,
          "",
          `${from} read your conversation with ${reply.chatbot_name} and replied:`,
          "",
          ...reply.body.split(/\r?\n/).map((line) => `  ${line}`),
          "",
          reply.sealed
            ? `Open the conversation to answer, on this or any device (the link works for ${REPLY_LINK_DAYS} days):`
            : "Open the conversation to answer:",
          link,
          "",
          "You get this because you left your email in the chat. Its menu (Your data) deletes the conversation and your details at any time.",
        ].join("\n"),
      });
    },
  }),

  // Queued at 08:00 in the owner's time zone by private.schedule_digests: what the owner chose to
  // hear of once a day (unanswered questions, new contacts, or both).
  "notify.daily_digest": define({
    payload: digestPayload,
    async run({ user_id, since }) {
      const digest = await asServiceStatement((db) => dailyDigest(db, { userId: user_id, since }));
      if (!digest) return;
      const unanswered = digest.unanswered_setting === "daily" ? digest.unanswered : 0;
      const contacts = digest.contacts_setting === "daily" ? digest.contact_count : 0;
      if (unanswered === 0 && contacts === 0) return;
      const subject = [
        contacts > 0 ? `${plural(contacts, "new contact")}` : null,
        unanswered > 0 ? `${plural(unanswered, "question")} your bots couldn't answer` : null,
      ]
        .filter(Boolean)
        .join(", ");
      await sendEmail({
        to: digest.owner_email,
        subject: subject.charAt(0).toUpperCase() + subject.slice(1),
        text: [
          ...(contacts > 0
            ? [
                `Since your last digest, ${contacts === 1 ? "1 visitor" : `${contacts} visitors`} left their details:`,
                "",
                ...digest.contacts.map(
                  (contact) =>
                    `  - ${contact.name} <${contact.email ?? "no email"}> at ${contact.chatbot_name}${contact.message ? `: ${contact.message.replace(/\s+/g, " ").slice(0, 300)}` : ""}`,
                ),
                "",
                "All your contacts, and their conversations:",
                siteLink("/dashboard/contacts"),
                "",
              ]
            : []),
          ...(unanswered > 0
            ? [
                `Since your last digest, visitors asked your bots ${plural(unanswered, "time")} about things your profile and knowledge don't cover. The latest:`,
                "",
                ...digest.questions.map(quoted),
                "",
                "Answer them once and your bots give those answers from now on:",
                siteLink("/dashboard/questions"),
              ]
            : []),
          ...SETTINGS_FOOTER,
        ].join("\n"),
      });
    },
  }),

  // Queued on Mondays at 08:00 in the owner's time zone by private.schedule_digests.
  "notify.weekly_summary": define({
    payload: digestPayload,
    async run({ user_id, since }) {
      const week = await asServiceStatement((db) => weeklySummary(db, { userId: user_id, since }));
      // A quiet week isn't worth an email.
      if (!week || week.messages === 0) return;
      await sendEmail({
        to: week.owner_email,
        subject: `Your bots' week: ${week.messages} message${week.messages === 1 ? "" : "s"}`,
        text: [
          `This week your bots answered ${week.messages} message${week.messages === 1 ? "" : "s"} from ${week.visitors} visitor${week.visitors === 1 ? "" : "s"}.`,
          ...(week.top_questions.length > 0
            ? [
                "",
                "Most asked:",
                ...week.top_questions.map(
                  ({ question, asked }) => `${quoted(question)} (asked ${asked} time${asked === 1 ? "" : "s"})`,
                ),
              ]
            : []),
          ...(week.unanswered > 0
            ? ["", `${week.unanswered} couldn't be answered. The latest:`, ...week.questions.slice(0, 5).map(quoted)]
            : []),
          "",
          `Contacts: ${plural(week.contacts, "visitor")} left their details.`,
          `Feedback on this week's answers: ${week.thumbs_up} thumbs up, ${week.thumbs_down} thumbs down.`,
          "",
          "Your inbox and analytics:",
          siteLink("/dashboard"),
          ...SETTINGS_FOOTER,
        ].join("\n"),
      });
    },
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
