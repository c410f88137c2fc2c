import "server-only";
import type { Queryable } from "@/lib/db";

export interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

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
 * As the server's own role, in one statement: queues the daily digests and weekly summaries whose
 * time has come (up to `limit` of each) through private.schedule_digests; answers how many.
 */
export async function scheduleDigests(tx: Queryable, { limit }: { limit: number }): Promise<number> {
  const [{ queued }] = await tx.query<{ queued: number }>("select private.schedule_digests($1) as queued", [limit]);
  return queued;
}

/**
 * As the server's own role, in one statement: deletes up to `limit` conversations that aged out of
 * their bot's retention (private.expire_conversations); answers how many went.
 */
export async function expireConversations(tx: Queryable, { limit }: { limit: number }): Promise<number> {
  const [{ expired }] = await tx.query<{ expired: number }>("select private.expire_conversations($1) as expired", [
    limit,
  ]);
  return expired;
}
