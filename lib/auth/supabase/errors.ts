import "server-only";
import { type AuthError, isAuthError } from "@supabase/supabase-js";
import { ApiError } from "@/lib/errors";
import { emailTaken, WRONG_CREDENTIALS } from "..";

/** Supabase Auth's refusals as our API errors; the network failing is 503, never a 500. */
export function apiErrorFrom(error: AuthError): ApiError {
  const code = error.code ?? "";
  if (code === "invalid_credentials" || (error.status === 400 && code === "")) {
    return new ApiError("unauthorized", WRONG_CREDENTIALS, { cause: error });
  }
  if (code === "email_not_confirmed") {
    return new ApiError("unauthorized", "Confirm your email address first, then sign in.", { cause: error });
  }
  if (code === "user_already_exists" || code === "email_exists") {
    return emailTaken(error);
  }
  if (code === "weak_password") {
    return new ApiError("validation_failed", `password: ${error.message}`, {
      details: [{ path: "password", message: error.message }],
      cause: error,
    });
  }
  if (error.status === 429 || code === "over_request_rate_limit") {
    return new ApiError("rate_limited", "Too many attempts. Try again later.", {
      headers: { "Retry-After": "60" },
      cause: error,
    });
  }
  if (error.status === 400 || error.status === 422) {
    return new ApiError("validation_failed", error.message, { cause: error });
  }
  console.error("[auth] Supabase Auth failed:", error.status, code, error.message);
  return new ApiError("unavailable", "The sign-in service is unavailable right now.", { cause: error });
}

export function rethrow(error: unknown): never {
  if (isAuthError(error)) throw apiErrorFrom(error);
  throw error;
}
