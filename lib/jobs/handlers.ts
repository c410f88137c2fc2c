import "server-only";
import { z } from "zod";
import { asServiceStatement } from "@/lib/db";
import { unansweredQuestionNotice, unansweredSince, weeklySummary } from "@/lib/db/queries/notifications";
import { sendEmail, siteLink } from "@/lib/email";

/** What a job of one kind does with its payload (parsed with the schema first). */
interface JobHandler<P> {
  payload: z.ZodType<P>;
  run(payload: P): Promise<void>;
}

const define = <P>(handler: JobHandler<P>): JobHandler<unknown> => handler as JobHandler<unknown>;

/** One line of a visitor's question in an email: whitespace folded, long ones cut. */
const quoted = (question: string) => `  - ${question.replace(/\s+/g, " ").slice(0, 300)}`;

const SETTINGS_FOOTER = ["", "Change which emails you get in your settings:", siteLink("/dashboard/settings")];

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

  // Queued at 08:00 in the owner's time zone by private.schedule_digests.
  "notify.daily_digest": define({
    payload: digestPayload,
    async run({ user_id, since }) {
      const digest = await asServiceStatement((db) => unansweredSince(db, { userId: user_id, since }));
      if (!digest || digest.unanswered === 0) return;
      await sendEmail({
        to: digest.owner_email,
        subject: `${digest.unanswered} question${digest.unanswered === 1 ? "" : "s"} your bots couldn't answer`,
        text: [
          `Since your last digest, visitors asked your bots ${digest.unanswered} time${digest.unanswered === 1 ? "" : "s"} about things your profile and knowledge don't cover. The latest:`,
          "",
          ...digest.questions.map(quoted),
          "",
          "Answer them once and your bots give those answers from now on:",
          siteLink("/dashboard/questions"),
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
          "Your inbox and analytics:",
          siteLink("/dashboard"),
          ...SETTINGS_FOOTER,
        ].join("\n"),
      });
    },
  }),
};
