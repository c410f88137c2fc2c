import type { Database } from "@/lib/db/types";

/** How much the bench does: the full run, or BENCH_QUICK's short subset for development. */
export interface Plan {
  quick: boolean;
  /** Load on a row's own path before it is measured, which also tells how fast it goes. */
  warmUpSeconds: number;
  /** How long each measured row should last, as sized from its warm-up. */
  rowSeconds: number;
  /** Concurrent clients for the health and chat rows. */
  connections: number[];
  /** Messages in the owner's current month before each round of chat rows, per database. */
  messageLevels: Record<Database["kind"], number[]>;
  /** Traffic on one owner's bot vs spread over `count` owners' bots, at `connections` clients. */
  owners: { count: number; connections: number };
  /** Server memory after this many chat turns (cumulative, on a freshly started server). */
  memoryTurns: number[];
  memoryConnections: number;
  /** The dashboard's measured bot, per database: messages over `days` days from `visitors` visitors. */
  dashboard: Record<Database["kind"], { messages: number; visitors: number; days: number }>;
}

export const FULL_PLAN: Plan = {
  quick: false,
  warmUpSeconds: 3,
  rowSeconds: 6,
  connections: [1, 10, 50],
  messageLevels: { pglite: [0, 100_000], postgres: [0, 100_000, 1_000_000] },
  owners: { count: 50, connections: 50 },
  memoryTurns: [2_000, 20_000],
  memoryConnections: 10,
  dashboard: {
    pglite: { messages: 100_000, visitors: 5_000, days: 90 },
    postgres: { messages: 1_000_000, visitors: 50_000, days: 90 },
  },
};

export const QUICK_PLAN: Plan = {
  quick: true,
  warmUpSeconds: 0.5,
  rowSeconds: 1.5,
  connections: [1, 10],
  messageLevels: { pglite: [0, 5_000], postgres: [0, 5_000] },
  owners: { count: 10, connections: 10 },
  memoryTurns: [100, 300],
  memoryConnections: 10,
  dashboard: {
    pglite: { messages: 20_000, visitors: 1_000, days: 90 },
    postgres: { messages: 20_000, visitors: 1_000, days: 90 },
  },
};

/** The inbox is read at the largest month the chat rows reached. */
export const inboxLevel = (plan: Plan, kind: Database["kind"]) => Math.max(...plan.messageLevels[kind]);
