import "server-only";
import { JOB_POLL_SECONDS } from "@/lib/limits";
import { runDueJobs } from "./run";

const holder = globalThis as typeof globalThis & { __chatfolioJobWorker?: NodeJS.Timeout };

/**
 * Runs due jobs every JOB_POLL_SECONDS inside this server process (started from
 * instrumentation.ts), one run at a time. Where no process stays up (serverless), an external
 * scheduler calls /api/jobs/run instead. The timer doesn't keep the process alive.
 */
export function startJobWorker(): void {
  if (holder.__chatfolioJobWorker) return;
  let running = false;
  holder.__chatfolioJobWorker = setInterval(() => {
    if (running) return;
    running = true;
    runDueJobs()
      .catch((error: unknown) => console.error("[jobs] could not run due jobs:", error))
      .finally(() => {
        running = false;
      });
  }, JOB_POLL_SECONDS * 1000);
  holder.__chatfolioJobWorker.unref();
}
