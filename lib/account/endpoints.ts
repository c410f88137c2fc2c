import { z } from "zod";
import { endpoints } from "@/lib/api/endpoint";
import { changeEmailSchema, changePasswordSchema, deleteAccountSchema } from "./schemas";

const account = endpoints({ tag: "Account", auth: "required" });

/** The export's shape; its rows are the database's own, so they are described loosely. */
const accountExportSchema = z.object({
  format: z.literal("chatfolio-export-1"),
  exported_at: z.string(),
  user: z.object({ id: z.uuid(), email: z.string() }),
  profile: z.record(z.string(), z.unknown()).nullable(),
  chatbots: z.array(z.record(z.string(), z.unknown())),
  visitors: z.array(z.record(z.string(), z.unknown())),
  messages: z.array(z.record(z.string(), z.unknown())),
  owner_replies: z.array(z.record(z.string(), z.unknown())),
});

export const exportAccountEndpoint = account("GET /api/account/export", "exportAccount", {
  summary: "Download all of the caller's data as one JSON file",
  description:
    "Profile, chatbots, visitors, messages and the owner's replies, as stored. Streamed as it is read, in keyset-paged batches, so a large account never sits in memory.",
  responses: {
    200: {
      description: "The export, as an attachment.",
      body: { name: "AccountExport", schema: accountExportSchema },
      contentType: "application/json",
      headers: {
        "Content-Disposition": { description: "attachment; filename=…", schema: { type: "string" } },
      },
    },
  },
});

/** Said once for the three: what takes the account from its owner is the browser session's alone. */
const SESSION_ONLY =
  "Only with the browser session cookie, from the app's own origin: any Bearer credential (API key or access token) is refused with 403 `session_required`.";

export const changePasswordEndpoint = account("POST /api/account/password", "changePassword", {
  summary: "Change the password",
  description: `${SESSION_ONLY} The current password is checked (and counted like a sign-in). Every other session and access token ends; every API key is revoked too unless \`revoke_api_keys\` is false.`,
  body: { name: "ChangePassword", schema: changePasswordSchema },
  responses: { 204: { description: "Changed; this session stays signed in." } },
  errors: ["session_required", "rate_limited"],
});

export const changeEmailEndpoint = account("POST /api/account/email", "changeEmail", {
  summary: "Move the account to a new email address",
  description: `${SESSION_ONLY} The password is checked (and counted like a sign-in). \`pending\`: a confirmation link went to the new address and the change happens when it is followed. When the address changes, pending password-reset links and every other session end.`,
  body: { name: "ChangeEmail", schema: changeEmailSchema },
  responses: {
    200: {
      description: "Changed, or waiting for the new address to be confirmed.",
      body: { name: "EmailChange", schema: z.object({ pending: z.boolean() }) },
    },
  },
  errors: ["session_required", "conflict", "rate_limited"],
});

export const deleteAccountEndpoint = account("DELETE /api/account", "deleteAccount", {
  summary: "Delete the account and everything in it",
  description: `${SESSION_ONLY} Needs a password given in the last 10 minutes (otherwise 403 \`reauthentication_required\`) and the account's email typed out as \`email\`. The session cookie is cleared.`,
  body: { name: "DeleteAccount", schema: deleteAccountSchema },
  responses: { 204: { description: "Deleted; the session cookie is cleared." } },
  errors: ["session_required", "reauthentication_required"],
});
