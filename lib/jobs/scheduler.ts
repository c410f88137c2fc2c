import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { bearerToken } from "@/lib/http/request-facts";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Only the operator's scheduler may run the queue on demand: 404 while CRON_SECRET is unset (the
 * route is off), 401 unless the Bearer token is it (compared in constant time).
 */
export function assertSchedulerCall(headers: Headers): void {
  const secret = getEnv().CRON_SECRET;
  if (!secret) throw new ApiError("not_found");
  const token = bearerToken(headers);
  if (!token || !timingSafeEqual(digest(token), digest(secret))) throw new ApiError("unauthorized");
}
