// Runs once when a server process starts: bad configuration fails the start with a message that
// names the variable, the embedded database is opened (and migrated) and the language resources
// loaded before the first request, and the job queue's worker starts unless JOB_WORKER is off.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertServerConfiguration, getEnv } = await import("@/lib/env");
  const env = getEnv();
  assertServerConfiguration(env);
  if (process.env.NODE_ENV === "production" && !env.SITE_URL) {
    console.warn(`[config] SITE_URL is not set: links the app hands out will point at ${env.siteUrl.origin}`);
  }
  const { getDb } = await import("@/lib/db");
  const { english } = await import("@/lib/language/english");
  await Promise.all([getDb(), english.load()]);
  if (env.JOB_WORKER === "off") return;
  const { startJobWorker } = await import("@/lib/jobs/worker");
  startJobWorker();
}
