import "server-only";
import type { Queryable } from "@/lib/db";
import type { JobRow } from "@/lib/job-queue/types";

/**
 * As the server's own role, in one statement: claims up to `limit` due jobs for `lockSeconds`
 * and counts the attempt. SKIP LOCKED lets workers on other servers claim other jobs at the same
 * moment instead of waiting; an expired claim (its worker died) is claimed again.
 */
export async function claimDueJobs(
  tx: Queryable,
  { limit, lockSeconds }: { limit: number; lockSeconds: number },
): Promise<JobRow[]> {
  return tx.query<JobRow>(
    `update private.jobs j
        set locked_until = now() + make_interval(secs => $2), attempts = j.attempts + 1
      where j.id in (
        select id from private.jobs
         where failed_at is null and run_at <= now() and (locked_until is null or locked_until < now())
         order by run_at
         limit $1
         for update skip locked)
      returning j.id, j.kind, j.payload, j.attempts, j.max_attempts`,
    [limit, lockSeconds],
  );
}

/** A job done: it leaves the queue. */
export async function completeJob(tx: Queryable, { id }: { id: string }): Promise<void> {
  await tx.query("delete from private.jobs where id = $1", [id]);
}

/** A failed attempt: the job runs again after `retryInSeconds`, or, out of attempts, is kept as failed. */
export async function failJob(
  tx: Queryable,
  { id, error, retryInSeconds }: { id: string; error: string; retryInSeconds: number },
): Promise<void> {
  await tx.query(
    `update private.jobs
        set last_error = left($2, 2000), locked_until = null,
            run_at = now() + make_interval(secs => $3),
            failed_at = case when attempts >= max_attempts then now() end
      where id = $1`,
    [id, error, retryInSeconds],
  );
}

/**
 * As the server's own role, the queue's housekeeping in one statement (one round trip each poll):
 * deletes up to `retentionLimit` conversations that aged out of their bot's retention
 * (private.expire_conversations), and queues up to `digestLimit` digests and summaries that are
 * due (private.schedule_digests). Answers how many of each.
 */
export async function runHousekeeping(
  tx: Queryable,
  { retentionLimit, digestLimit }: { retentionLimit: number; digestLimit: number },
): Promise<{ expired: number; queued: number }> {
  const [row] = await tx.query<{ expired: number; queued: number }>(
    "select private.expire_conversations($1) as expired, private.schedule_digests($2) as queued",
    [retentionLimit, digestLimit],
  );
  return row;
}
