import type { Database } from "@/lib/db/types";
import type { RunningServer } from "@/scripts/next-server";

/** A database the bench runs the production server on, and that server. */
export interface Target {
  /** As the report names it: "embedded (PGlite)", "PostgreSQL". */
  readonly name: string;
  readonly kind: Database["kind"];
  /** The database's version, for the report. */
  readonly version: string;
  /** The running server; it changes when the server restarts, so read it at each use. */
  readonly server: RunningServer;
  /**
   * Runs fn with the database as its owner (a superuser, past RLS): fixtures and seeding. The
   * embedded database lives inside the server process, so on that target the server is stopped
   * around fn and started again after it.
   */
  withDatabase<T>(fn: (db: Database) => Promise<T>): Promise<T>;
  /** A fresh server process on the same database (for memory figures that start from idle). */
  restartServer(): Promise<void>;
  /** Database server processes whose CPU is this server's work: the bench database's backends. */
  databasePids(): Promise<number[]>;
  /** Stops the server and removes the database. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * What both targets give the server: the offline model and the built-in auth whatever the shell
 * has set (left out, not emptied: the AI SDK reads OPENAI_BASE_URL itself and refuses ""), and a
 * monthly quota no row reaches.
 */
export const SERVER_ENV: Record<string, string | undefined> = {
  OPENAI_API_KEY: undefined,
  OPENAI_BASE_URL: undefined,
  NEXT_PUBLIC_SUPABASE_URL: undefined,
  // start_turn takes the quota as an int4.
  OWNER_MONTHLY_MESSAGES: "1000000000",
};
