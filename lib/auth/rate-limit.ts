import "server-only";
import { createHash } from "node:crypto";
import { asService } from "@/lib/db";
import { countAttempt } from "@/lib/db/queries/auth-attempts";
import { ApiError } from "@/lib/errors";
import { clientNetwork } from "@/lib/http/request-facts";
import {
  AUTH_ATTEMPT_LIMIT,
  AUTH_EMAIL_ATTEMPT_CEILING,
  AUTH_WINDOW_SECONDS,
  PASSWORD_RESET_LIMIT,
} from "@/lib/limits";

/** A budget's key: what it counts, and a hash of whom (never a raw address, email or id). */
export function bucket(kind: string, subject: string): string {
  return `${kind}:${createHash("sha256").update(subject).digest("hex")}`;
}

export interface Budget {
  bucket: string;
  limit: number;
}

/** Counts one attempt against each budget in the current AUTH_WINDOW_SECONDS window, in one transaction. */
function countAttempts(budgets: Budget[]) {
  return asService(async (tx) => {
    const results = [];
    for (const budget of budgets)
      results.push({
        ...budget,
        ...(await countAttempt(tx, { bucket: budget.bucket, windowSeconds: AUTH_WINDOW_SECONDS })),
      });
    return results;
  });
}

/** Seconds an attempt this far over its limit waits after the one before: 1, 2, 4... */
function backoffSeconds(excess: number): number {
  return 2 ** Math.min(excess - 1, 16);
}

/**
 * Counts an attempt against its budgets: per IP (sign-in and sign-up alike), per email from that
 * IP, and per email from everywhere with a higher ceiling, so failures from other addresses never
 * lock an owner out of their own (OWASP's authentication guidance). Past a budget an attempt is
 * not walled off for the rest of the window: it is refused with a Retry-After that doubles with
 * each attempt over the limit, counted from the attempt before; nothing sleeps on the server.
 * Every attempt counts, successful or not. An address counts as its network (clientNetwork: an
 * IPv6 client's /64, which one host can hold whole), as every per-address limit does. An unknown
 * IP (no forwarding header, e.g. a direct call
 * in tests) has only the email budgets, and so has a loopback address: local development, or a
 * proxy on the same host that did not forward the client's address, where one shared budget
 * would let any one visitor lock everybody out.
 */
export async function limitAuthAttempt(action: "sign_in" | "sign_up", ip: string | null, email: string): Promise<void> {
  const network = ip && !isLoopback(ip) ? clientNetwork(ip) : null;
  const budgets: Budget[] = [
    ...(network ? [{ bucket: bucket(`${action}:ip`, network), limit: AUTH_ATTEMPT_LIMIT }] : []),
    ...(action === "sign_in"
      ? [
          ...(network
            ? [{ bucket: bucket("sign_in:email_ip", `${email}\n${network}`), limit: AUTH_ATTEMPT_LIMIT }]
            : []),
          { bucket: bucket("sign_in:email", email), limit: network ? AUTH_EMAIL_ATTEMPT_CEILING : AUTH_ATTEMPT_LIMIT },
        ]
      : []),
  ];
  const counts = await countAttempts(budgets);
  const now = Date.now();
  let waitUntil = 0;
  for (const count of counts) {
    if (count.attempts <= count.limit) continue;
    const allowedAt = (count.previousAt?.getTime() ?? now) + backoffSeconds(count.attempts - count.limit) * 1000;
    if (allowedAt > now) waitUntil = Math.max(waitUntil, Math.min(allowedAt, count.resetAt.getTime()));
  }
  if (waitUntil === 0) return;
  const retryAfter = Math.max(1, Math.ceil((waitUntil - now) / 1000));
  throw new ApiError("rate_limited", "Too many attempts. Try again later.", {
    headers: { "Retry-After": String(retryAfter) },
  });
}

/**
 * Counts a reset request against the email's and the IP's (its network's) budgets (whether or not
 * the email has an account, so the answer says nothing about that) and refuses it with 429 once
 * either is spent.
 */
export async function limitPasswordResetRequest(email: string, ip: string | null): Promise<void> {
  const network = clientNetwork(ip);
  await spendBudgets(
    [
      { bucket: bucket("password_reset:email", email), limit: PASSWORD_RESET_LIMIT },
      ...(network ? [{ bucket: bucket("password_reset:ip", network), limit: PASSWORD_RESET_LIMIT }] : []),
    ],
    "Too many reset requests. Try again later.",
  );
}

/**
 * Counts one attempt against each budget within AUTH_WINDOW_SECONDS, and refuses it with 429 and
 * a Retry-After to the window's end once any is spent: for what may happen a few times in ten
 * minutes and costs something each time (a reset email, a webhook test's outbound request).
 */
export async function spendBudgets(budgets: Budget[], message: string): Promise<void> {
  const counts = await countAttempts(budgets);
  const spent = counts.filter((count) => count.attempts > count.limit);
  if (spent.length === 0) return;
  const retryAfter = Math.max(1, Math.ceil((Math.max(...spent.map((c) => c.resetAt.getTime())) - Date.now()) / 1000));
  throw new ApiError("rate_limited", message, { headers: { "Retry-After": String(retryAfter) } });
}

function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.");
}
