import "server-only";
import type { JobRow } from "@/lib/job-queue/types";
import { claimJobs, keepHouse, recordJobDone, recordJobFailure } from "@/lib/job-queue/use-cases";
import { JOB_ATTEMPT_TIMEOUT_MS } from "@/lib/limits";
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
    await recordJobDone(job.id);
    return true;
  } catch (error) {
    console.error(
      `[jobs] ${job.kind} ${job.id} failed (attempt ${job.attempts} of ${job.max_attempts}):`,
      describe(error),
    );
    await recordJobFailure({ id: job.id, attempts: job.attempts, error: describe(error) });
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
  await keepHouse();
  const jobs = await claimJobs();
  let done = 0;
  for (const job of jobs) if (await runOne(job)) done += 1;
  return { claimed: jobs.length, done, failed: jobs.length - done };
}
