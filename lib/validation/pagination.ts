import { z } from "zod";
import { uuidSchema } from "./common";

// Keyset pagination's cursor and page size, shared by every list (messages, visitors, the inbox,
// knowledge). No "server-only": the dashboard's pages parse cursors too.

// The keyset position is microseconds since the Unix epoch, as PostgreSQL stores timestamptz: a
// JS Date (milliseconds) would round it, and rows sharing a millisecond (one transaction's now())
// would fall between two pages. At most 2^53 - 1 (year 2255) so it stays an exact JS number.
const MICROS_PATTERN = /^(0|[1-9][0-9]{0,15})$/;

/** Microseconds since the epoch -> an ISO 8601 instant with all six fraction digits. */
function microsToIso(micros: number): string {
  const fraction = String(micros % 1_000_000).padStart(6, "0");
  return new Date(Math.floor(micros / 1_000_000) * 1_000).toISOString().replace(/\.000Z$/, `.${fraction}Z`);
}

/**
 * Opaque keyset cursor: where the previous page ended (the row's timestamp in microseconds, its
 * id). Parsed strictly, so a forged one is a 400 and never reaches PostgreSQL as a bad timestamp.
 */
export const cursorSchema = z
  .string()
  .max(200)
  .transform((value, context) => {
    const parts = Buffer.from(value, "base64url").toString("utf8").split("|");
    const [micros, id] = parts;
    const at = parts.length === 2 && MICROS_PATTERN.test(micros) ? Number(micros) : Number.NaN;
    if (!Number.isSafeInteger(at) || !uuidSchema.safeParse(id).success) {
      context.addIssue({ code: "custom", message: "Not a cursor this API returned." });
      return z.NEVER;
    }
    return { at: microsToIso(at), id };
  });
export type Cursor = z.output<typeof cursorSchema>;

/** micros: the row's timestamp as `(extract(epoch from ts) * 1000000)::bigint::text` gives it. */
export function encodeCursor(micros: string, id: string): string {
  return Buffer.from(`${micros}|${id}`, "utf8").toString("base64url");
}

export const limitSchema = z.coerce
  .number()
  .int()
  .min(1, "Must be between 1 and 100.")
  .max(100, "Must be between 1 and 100.");
