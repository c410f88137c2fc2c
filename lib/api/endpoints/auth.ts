import { endpoints } from "@/lib/api/endpoint";
import {
  credentialsSchema,
  logoutQuerySchema,
  signInSchema,
  signupResponseSchema,
  tokenResponseSchema,
} from "@/lib/auth/schemas";

const auth = endpoints({ tag: "Auth", auth: "none" });

const SignupResponse = { name: "SignupResponse", schema: signupResponseSchema };

export const signUpEndpoint = auth("POST /api/auth/signup", "signUp", {
  summary: "Create an account and sign the browser in",
  description:
    "Sets the session cookie. 202 with `confirmation_required` when Supabase Auth must confirm the email first.",
  body: { name: "Credentials", schema: credentialsSchema },
  responses: {
    201: { description: "Signed up and signed in.", body: SignupResponse },
    202: { description: "Signed up; the email must be confirmed before signing in.", body: SignupResponse },
  },
  errors: ["forbidden", "conflict", "rate_limited"],
});

export const createTokenEndpoint = auth("POST /api/auth/token", "createToken", {
  summary: "Exchange email and password for an access token",
  description: "How integrations sign in: no cookie is set. Send the token as `Authorization: Bearer <access_token>`.",
  body: { name: "SignIn", schema: signInSchema },
  responses: {
    200: {
      description: "An access token.",
      body: { name: "TokenResponse", schema: tokenResponseSchema },
      headers: { "Cache-Control": { description: "private, no-store", schema: { type: "string" } } },
    },
  },
  errors: ["unauthorized", "rate_limited"],
});

export const logoutEndpoint = auth("POST /api/auth/logout", "logout", {
  auth: "optional",
  summary: "End the current session (or, with all=true, every session)",
  description:
    "Without valid credentials there is nothing to end: the session cookie is cleared all the same. `all=true` ends every session and access token of the user; with `revoke_api_keys=true` as well, every API key of the user is revoked too, which only the browser session may ask, with a password given in the last 10 minutes: any Bearer credential gets 403 `session_required`, an older session 403 `reauthentication_required`.",
  query: logoutQuerySchema,
  responses: { 204: { description: "Signed out; the session cookie is cleared." } },
  errors: ["session_required", "reauthentication_required"],
});
