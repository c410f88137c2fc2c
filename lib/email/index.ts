import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "@/lib/env";

// The one way the app sends email: SMTP (SMTP_URL) through nodemailer, or, without SMTP_URL, the
// server log, so a local setup still gets its reset and confirmation links.

export interface EmailMessage {
  to: string;
  subject: string;
  /** Plain text only: links and a few lines, nothing a mail client could render as active content. */
  text: string;
}

/** Connecting, the server's greeting and an idle socket each give up after this long, not nodemailer's minutes. */
const SMTP_TIMEOUT_MS = 5_000;

const holder = globalThis as typeof globalThis & { __chatfolioMailer?: { url: string; transport: Transporter } };

function transport(url: string): Transporter {
  if (holder.__chatfolioMailer?.url !== url) {
    holder.__chatfolioMailer = {
      url,
      transport: nodemailer.createTransport({
        url,
        connectionTimeout: SMTP_TIMEOUT_MS,
        greetingTimeout: SMTP_TIMEOUT_MS,
        socketTimeout: SMTP_TIMEOUT_MS,
      }),
    };
  }
  return holder.__chatfolioMailer.transport;
}

/** Whether mail really leaves the server (SMTP_URL is set), e.g. to ask for a confirmation link. */
export function emailConfigured(): boolean {
  return Boolean(getEnv().SMTP_URL);
}

/** Sends the message; throws when the SMTP server refuses it or does not answer in time. */
export async function sendEmail(message: EmailMessage): Promise<void> {
  const env = getEnv();
  if (!env.SMTP_URL) {
    console.info(
      `[email] SMTP_URL is not set; the message is logged instead.\nTo: ${message.to}\nSubject: ${message.subject}\n\n${message.text}`,
    );
    return;
  }
  await transport(env.SMTP_URL).sendMail({
    from: env.EMAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
  });
}

/** A link into the app, from the configured site URL (never the request's Host header). */
export function siteLink(path: string, query: Record<string, string> = {}): string {
  const url = new URL(getEnv().siteUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, "")}${path}`;
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  return url.toString();
}
