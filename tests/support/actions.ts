import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import type { ActionInput } from "@/lib/http/action";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { TEST_ORIGIN } from "./auth";

/**
 * Calls a server action directly, as a browser on our own origin would, with the given Cookie
 * header (an owner's, another owner's, or none) and any other headers (a script posting to the
 * action with `Authorization: Bearer`): what it answered, where it redirected, and the cookies it
 * set (as a Cookie header for the next call).
 */
export async function callAction<Data>(
  action: (previous: FormState<Data>, input: ActionInput) => Promise<FormState<Data>>,
  input: Record<string, unknown>,
  cookie?: string,
  /** More request headers: an X-Forwarded-For, a Bearer token. */
  headers: Record<string, string> = {},
): Promise<{ state?: FormState<Data>; redirectedTo: string | null; setCookie: string }> {
  const request = new Request(`${TEST_ORIGIN}/dashboard/settings`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, ...headers, ...(cookie ? { cookie } : {}) },
  });
  const { result, thrown, cookies } = await runWithRequestForTests(request, () => action(idleFormState, input));
  if (thrown !== undefined && !isRedirectError(thrown)) throw thrown;
  return {
    state: result,
    redirectedTo: isRedirectError(thrown) ? getURLFromRedirectError(thrown) : null,
    setCookie: cookies
      .filter((entry) => entry.value !== "")
      .map((entry) => `${entry.name}=${entry.value}`)
      .join("; "),
  };
}
