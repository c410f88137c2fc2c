import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

// Vitest 5 declares Node >= 22 and its reporter calls Map.groupBy (Node 21+); on Node 20 a
// failing test would crash the reporter instead of being reported.
if (typeof Map.groupBy !== "function") {
  Object.defineProperty(Map, "groupBy", {
    value<K, T>(items: Iterable<T>, keyOf: (item: T, index: number) => K): Map<K, T[]> {
      const groups = new Map<K, T[]>();
      let index = 0;
      for (const item of items) {
        const key = keyOf(item, index++);
        const group = groups.get(key);
        if (group) group.push(item);
        else groups.set(key, [item]);
      }
      return groups;
    },
  });
}

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside Next's react-server build; tests are server code already.
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/database-setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/database-setup.ts", "tests/support/server-setup.ts"],
          fileParallelism: false,
        },
      },
    ],
  },
});
