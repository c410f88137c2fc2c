// Runs once when a server process starts: bad configuration fails the start with a message that
// names the variable, and the embedded database is opened (and migrated) before the first request.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { assertServerConfiguration, getEnv } = await import("@/lib/env");
  assertServerConfiguration(getEnv());
  const { getDb } = await import("@/lib/db");
  await getDb();
}
