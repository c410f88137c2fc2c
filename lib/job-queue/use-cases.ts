import "server-only";
import { asServiceStatement } from "@/lib/db";
import { claimDueJobs, completeJob, failJob, runHousekeeping } from "@/lib/db/queries/jobs";
import {
  JOB_BATCH,
  JOB_CLAIM_SECONDS,
  JOB_RETRY_BASE_SECONDS,
  JOB_RETRY_MAX_SECONDS,
  RETENTION_BATCH,
} from "@/lib/limits";

// The job queue's own work, as the server's role (jobs belong to no owner): housekeeping,
// claiming due jobs, and recording how an attempt went. lib/jobs/run.ts runs the jobs between.

/** 30 s after the first failure, doubling after each, at most 6 hours. */
function retryDelaySeconds(attempts: number): number {
  return Math.min(JOB_RETRY_MAX_SECONDS, JOB_RETRY_BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}

/** Deletes a batch of conversations past their bot's retention and queues the digests that are due. */
export function keepHouse() {
  return asServiceStatement((db) => runHousekeeping(db, { retentionLimit: RETENTION_BATCH, digestLimit: JOB_BATCH }));
}

/** Claims up to one batch of due jobs; a job goes to one server however many ask at once. */
export function claimJobs() {
  return asServiceStatement((db) => claimDueJobs(db, { limit: JOB_BATCH, lockSeconds: JOB_CLAIM_SECONDS }));
}

/** A job that ran: it leaves the queue. */
export function recordJobDone(id: string) {
  return asServiceStatement((db) => completeJob(db, { id }));
}

/** A failed attempt: retried later with backoff, or, out of attempts, kept as failed. */
export function recordJobFailure({ id, attempts, error }: { id: string; attempts: number; error: string }) {
  return asServiceStatement((db) => failJob(db, { id, error, retryInSeconds: retryDelaySeconds(attempts) }));
}
