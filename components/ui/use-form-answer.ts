"use client";

import { useEffect, useRef } from "react";
import { type FormState, idleFormState } from "@/lib/http/form-state";

/**
 * Tells each answer a server action gives exactly once (a toast, a reset, a refresh): React renders
 * the same state many times, and StrictMode runs effects twice. The latest render's `tell` is
 * called, so it sees the values the form holds now.
 */
export function useFormAnswer<Data>(state: FormState<Data>, tell: (answer: FormState<Data>) => void): void {
  const told = useRef<FormState<Data>>(idleFormState);
  const latestTell = useRef(tell);
  latestTell.current = tell;
  useEffect(() => {
    if (state === told.current) return;
    told.current = state;
    latestTell.current(state);
  }, [state]);
}
