import "server-only";
import { after } from "next/server";

type Runner = (task: () => Promise<void>) => void;
let testRunner: Runner | undefined;

/**
 * Runs task after the response has gone (Next's after()), so what it does (a lookup, an email)
 * neither delays the answer nor shows in its timing. A failure is logged: nobody is waiting.
 */
export function afterResponse(task: () => Promise<void>): void {
  const logged = async () => {
    try {
      await task();
    } catch (error) {
      console.error("[after-response] task failed:", error);
    }
  };
  if (testRunner) testRunner(logged);
  else after(logged);
}

/** Outside a Next request after() has nowhere to run: tests collect the tasks and await them. */
export function setAfterResponseForTests(runner: Runner | undefined): void {
  testRunner = runner;
}
