// Whatever ends the bench (the end, an error, Ctrl-C), its servers stop and its databases go.
// Servers also die with the process on their own (scripts/next-server.ts kills their process
// groups on exit); what is registered here is the work that needs time, like dropping a database.

type Task = () => Promise<void>;
const tasks: Task[] = [];
let running: Promise<void> | null = null;

/** Registers a task for every exit path; the returned function unregisters it once done normally. */
export function onCleanup(task: Task): () => void {
  tasks.push(task);
  return () => {
    const index = tasks.indexOf(task);
    if (index >= 0) tasks.splice(index, 1);
  };
}

async function runTasks(): Promise<void> {
  for (let task = tasks.pop(); task; task = tasks.pop()) {
    try {
      await task();
    } catch (error) {
      console.error("cleanup failed:", error);
    }
  }
  running = null;
}

/**
 * Runs the registered tasks, newest first (one failing doesn't stop the others). A call while
 * they run waits for the same run, so an exit path never cuts a signal's cleanup short.
 */
export function cleanUp(): Promise<void> {
  running ??= runTasks();
  return running;
}

/** Ctrl-C delivers SIGINT to tsx and to this process, and tsx relays it: count one per moment. */
const REPEATED_SIGNAL_MS = 2_000;

/** The first Ctrl-C cleans up, then exits; another one a moment later exits at once (servers are still killed). */
export function cleanUpOnSignals(): void {
  let firstAt: number | null = null;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      if (firstAt !== null) {
        if (Date.now() - firstAt > REPEATED_SIGNAL_MS) process.exit(130);
        return;
      }
      firstAt = Date.now();
      console.error(`\n${signal}: stopping the servers and dropping the bench databases…`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
}
