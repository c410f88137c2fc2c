import "server-only";
import { REPLY_LINK_PARAM } from "@/lib/constants";
import { asServiceStatement } from "@/lib/db";
import {
  dailyDigest,
  unansweredQuestionNotice,
  visitorReplyNotice,
  weeklySummary,
} from "@/lib/db/queries/notifications";
import { sendEmail, siteLink } from "@/lib/email";
import { REPLY_LINK_DAYS } from "@/lib/limits";
import { contactLine, oneLine, plural, quoted, SETTINGS_FOOTER } from "@/lib/notifications/email-text";
import { replyLinkToken } from "@/lib/visitors/reply-link";

// The emails the job queue sends (lib/jobs/handlers.ts), one use case each: read what it is about
// as the server's own role (a job belongs to no signed-in owner), honour the owner's settings,
// write and send it. Something gone since it was queued sends nothing.

/** A bot couldn't answer a question, for an owner who wants to hear at once. */
export async function emailUnansweredQuestion({ message_id }: { message_id: string }): Promise<void> {
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
}

/** The owner replied in a conversation whose visitor left an email: the visitor hears of it. */
export async function emailVisitorReply({ reply_id }: { reply_id: string }): Promise<void> {
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
      `Hello ${oneLine(reply.visitor_name, 100)},`,
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
}

/** The daily digest: what the owner chose to hear of once a day (unanswered questions, new contacts, or both). */
export async function emailDailyDigest({ user_id, since }: { user_id: string; since: string }): Promise<void> {
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
            ...digest.contacts.map(contactLine),
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
}

/** The weekly summary; a quiet week isn't worth an email. */
export async function emailWeeklySummary({ user_id, since }: { user_id: string; since: string }): Promise<void> {
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
}
