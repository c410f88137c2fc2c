import "server-only";
import type { Queryable } from "@/lib/db";

/**
 * Counts one attempt in bucket's current fixed window and answers the count so far (this one
 * included), when the window ends, and when the attempt before this one came (null for the
 * first). One statement, so concurrent attempts on any number of server instances are all counted.
 */
export async function countAttempt(
  tx: Queryable,
  { bucket, windowSeconds }: { bucket: string; windowSeconds: number },
): Promise<{ attempts: number; resetAt: Date; previousAt: Date | null }> {
  const [row] = await tx.query<{ attempts: number; window_start: Date; previous_at: Date | null }>(
    `with slot as (select to_timestamp(floor(extract(epoch from now()) / $2) * $2) as window_start),
     previous as (
       select a.last_attempt_at from private.auth_attempts a, slot
       where a.bucket = $1 and a.window_start = slot.window_start
     )
     insert into private.auth_attempts as a (bucket, window_start, attempts, last_attempt_at)
     select $1, slot.window_start, 1, now() from slot
     on conflict (bucket, window_start) do update set attempts = a.attempts + 1, last_attempt_at = now()
     returning a.attempts, a.window_start, (select last_attempt_at from previous) as previous_at`,
    [bucket, windowSeconds],
  );
  if (row.attempts === 1) {
    // First attempt of a new window: the bucket's older windows are no longer needed.
    await tx.query("delete from private.auth_attempts where bucket = $1 and window_start < $2", [
      bucket,
      row.window_start,
    ]);
  }
  return {
    attempts: row.attempts,
    resetAt: new Date(row.window_start.getTime() + windowSeconds * 1000),
    previousAt: row.previous_at,
  };
}
