import "server-only";
import { asServiceStatement } from "@/lib/db";
import { claimDueJobs, completeJob, failJob, type JobRow, runHousekeeping } from "@/lib/db/queries/jobs";
import {
  JOB_ATTEMPT_TIMEOUT_MS,
  JOB_BATCH,
  JOB_CLAIM_SECONDS,
  JOB_RETRY_BASE_SECONDS,
  JOB_RETRY_MAX_SECONDS,
  RETENTION_BATCH,
} from "@/lib/limits";
import { JOB_HANDLERS } from "./handlers";

export interface JobRunSummary {
  /** Jobs claimed in this run. */
  claimed: number;
  done: number;
  failed: number;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** 30 s after the first failure, doubling after each, at most 6 hours. */
export function retryDelaySeconds(attempts: number): number {
  return Math.min(JOB_RETRY_MAX_SECONDS, JOB_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

async function runOne(job: JobRow): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const handler = JOB_HANDLERS[job.kind];
    if (!handler) throw new Error(`no handler for jobs of kind ${job.kind}`);
    const payload = handler.payload.parse(job.payload);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`gave up after ${JOB_ATTEMPT_TIMEOUT_MS} ms`)), JOB_ATTEMPT_TIMEOUT_MS);
    });
    await Promise.race([handler.run(payload, { id: job.id, attempt: job.attempts }), timeout]);
    await asServiceStatement((db) => completeJob(db, { id: job.id }));
    return true;
  } catch (error) {
    console.error(
      `[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts} of ${job.max_attempts}):`,
      describe(error),
    );
    await asServiceStatement((db) =>
      failJob(db, { id: job.id, error: describe(error), retryInSeconds: retryDelaySeconds(job.attempts) }),
    );
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Deletes conversations past their bot's retention (a batch), queues the digests that are due,
 * then claims the due jobs (up to one batch) and runs them one
 * after another. Any number of servers
 * may call this at once: each job goes to one of them. A job that throws is retried later with
 * backoff; nothing it does can fail the request or turn that queued it.
 */
export async function runDueJobs(): Promise<JobRunSummary> {
  await asServiceStatement((db) => runHousekeeping(db, { retentionLimit: RETENTION_BATCH, digestLimit: JOB_BATCH }));
  const jobs = await asServiceStatement((db) => claimDueJobs(db, { limit: JOB_BATCH, lockSeconds: JOB_CLAIM_SECONDS }));
  let done = 0;
  for (const job of jobs) if (await runOne(job)) done += 1;
  return { claimed: jobs.length, done, failed: jobs.length - done };
}
