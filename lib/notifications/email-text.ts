import "server-only";
import { siteLink } from "@/lib/email";

// What every notification email is written with.

/**
 * What a visitor wrote, made one line for an email: every run of white space, line or paragraph
 * separator and control character becomes one space, so a name with newlines can't write lines of
 * its own into the owner's mail (a fake "your account is suspended" under our greeting).
 */
export const oneLine = (text: string, max = 300) =>
  text
    .replace(/[\s\p{Cc}\p{Zl}\p{Zp}]+/gu, " ")
    .trim()
    .slice(0, max);

/** One line of a visitor's question or message in an email, set apart as theirs. */
export const quoted = (question: string) => `  - ${oneLine(question)}`;

export const SETTINGS_FOOTER = ["", "Change which emails you get in your settings:", siteLink("/dashboard/settings")];

export const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/** One contact on one line of a list, with what the visitor wrote kept to one line. */
export const contactLine = (contact: {
  name: string;
  email: string | null;
  message: string | null;
  chatbot_name: string;
}) =>
  `  - ${oneLine(contact.name, 100)} <${contact.email ?? "no email"}> at ${contact.chatbot_name}${contact.message ? `: ${oneLine(contact.message)}` : ""}`;
