import "server-only";
import { randomBytes } from "node:crypto";
import { getEnv } from "@/lib/env";
import { ApiError } from "@/lib/errors";
import { checkOutboundUrl, OutboundFetchError } from "@/lib/http/outbound-fetch";

/** A Standard Webhooks signing secret: whsec_ and the base64 of 32 random bytes (the spec asks 24 to 64). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * Whether the server would deliver to this address: https (http only where the operator allows
 * private networks, for local receivers), no credentials in it, and no literal private, loopback
 * or link-local address. A name is checked again at each delivery, when it resolves.
 */
function webhookUrlProblem(url: string): string | null {
  if (!url.startsWith("https://") && !getEnv().ALLOW_PRIVATE_NETWORK_FETCH) {
    return "A webhook address must start with https://.";
  }
  try {
    checkOutboundUrl(url);
    return null;
  } catch (error) {
    if (error instanceof OutboundFetchError) return error.message;
    throw error;
  }
}

/** webhookUrlProblem as the API's 400, naming the field. */
export function assertWebhookUrl(url: string): void {
  const problem = webhookUrlProblem(url);
  if (problem) throw new ApiError("validation_failed", problem, { details: [{ path: "url", message: problem }] });
}
