import "server-only";
import { createHash } from "node:crypto";
import { asService } from "@/lib/db";
import { countAttempt } from "@/lib/db/queries/auth-attempts";
import { ApiError } from "@/lib/errors";
import { AUTH_ATTEMPT_LIMIT, AUTH_WINDOW_SECONDS } from "@/lib/limits";

function bucket(kind: string, subject: string): string {
  return `${kind}:${createHash("sha256").update(subject).digest("hex")}`;
}

/**
 * Counts an attempt against the IP's and the email's budgets and refuses it with 429 once
 * either is spent. Every attempt counts, successful or not: the budget is generous for a person
 * and an integration needs a new token only once an hour. An unknown IP (no forwarding header,
 * e.g. a direct call in tests) only has the email budget, and so has a loopback address: that is
 * local development, or a proxy on the same host that did not forward the client's address,
 * where one shared budget would let any one visitor lock everybody out.
 */
export async function limitAuthAttempt(action: "sign_in" | "sign_up", ip: string | null, email: string): Promise<void> {
  const buckets = [
    ...(ip && !isLoopback(ip) ? [bucket(`${action}:ip`, ip)] : []),
    ...(action === "sign_in" ? [bucket("sign_in:email", email)] : []),
  ];
  const counts = await asService(async (tx) => {
    const results = [];
    for (const name of buckets)
      results.push(await countAttempt(tx, { bucket: name, windowSeconds: AUTH_WINDOW_SECONDS }));
    return results;
  });
  const spent = counts.filter((count) => count.attempts > AUTH_ATTEMPT_LIMIT);
  if (spent.length === 0) return;
  const resetAt = Math.max(...spent.map((count) => count.resetAt.getTime()));
  const retryAfter = Math.max(1, Math.ceil((resetAt - Date.now()) / 1000));
  throw new ApiError("rate_limited", "Too many attempts. Try again later.", {
    headers: { "Retry-After": String(retryAfter) },
  });
}

function isLoopback(ip: string): boolean {
  return ip === "::1" || ip.startsWith("127.");
}
