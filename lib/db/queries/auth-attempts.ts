import "server-only";
import type { Queryable } from "@/lib/db";

/**
 * Counts one attempt in bucket's current fixed window and answers the count so far (this one
 * included) and when the window ends. One upsert, so concurrent attempts on any number of server
 * instances are all counted.
 */
export async function countAttempt(
  tx: Queryable,
  { bucket, windowSeconds }: { bucket: string; windowSeconds: number },
): Promise<{ attempts: number; resetAt: Date }> {
  const [row] = await tx.query<{ attempts: number; window_start: Date }>(
    `insert into private.auth_attempts as a (bucket, window_start, attempts)
     values ($1, to_timestamp(floor(extract(epoch from now()) / $2) * $2), 1)
     on conflict (bucket, window_start) do update set attempts = a.attempts + 1
     returning a.attempts, a.window_start`,
    [bucket, windowSeconds],
  );
  if (row.attempts === 1) {
    // First attempt of a new window: the bucket's older windows are no longer needed.
    await tx.query("delete from private.auth_attempts where bucket = $1 and window_start < $2", [
      bucket,
      row.window_start,
    ]);
  }
  return { attempts: row.attempts, resetAt: new Date(row.window_start.getTime() + windowSeconds * 1000) };
}
