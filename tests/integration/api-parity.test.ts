import { describe, expect, it } from "vitest";
import { endpoints } from "@/lib/api/endpoints";
import { serverActions } from "@/lib/server-actions";

// Issue 22: whatever the dashboard does, an integration can do through the API. Each server
// action names the API operation that does the same (through the same use case), or says why it
// has none. A new action fails here until it has one or the other.

type Door = { operation: `${"GET" | "POST" | "PUT" | "PATCH" | "DELETE"} /api/${string}` } | { reason: string };

const SIGN_IN_FORM =
  "a form of the browser's own sign-in; an integration gets an access token from POST /api/auth/token";
const SESSION_ONLY =
  "takes the account from its owner, so only the browser session may do it (docs/security.md, issue 21 finding 4); its route, where it has one, refuses every Bearer credential";
const EMAIL_LINK =
  "follows a link mailed to the owner, opened in their browser: there is no caller to be an integration";

const DOORS: Record<string, Door> = {
  "auth.signIn": { reason: SIGN_IN_FORM },
  "auth.signUp": { operation: "POST /api/auth/signup" },
  "auth.signOut": { operation: "POST /api/auth/logout" },
  "auth.forgotPassword": { reason: EMAIL_LINK },
  "auth.resetPassword": { reason: EMAIL_LINK },
  "account.confirmEmail": { reason: EMAIL_LINK },
  "account.confirmPassword": { reason: `${SESSION_ONLY}: it makes the browser session recent again` },
  "account.changePassword": { reason: SESSION_ONLY },
  "account.changeEmail": { reason: SESSION_ONLY },
  "account.delete": { reason: SESSION_ONLY },
  "account.signOutEverywhere": { operation: "POST /api/auth/logout" },
  "profile.save": { operation: "PUT /api/profile" },
  "notifications.save": { operation: "PUT /api/notifications/settings" },
  "chatbots.create": { operation: "POST /api/chatbots" },
  "chatbots.update": { operation: "PATCH /api/chatbots/{id}" },
  "chatbots.delete": { operation: "DELETE /api/chatbots/{id}" },
  "chatbots.checkSlug": {
    reason: "the editor's check as the owner types; POST and PATCH /api/chatbots answer 409 for a slug that is taken",
  },
  "chatbots.setKnowledge": { operation: "PUT /api/chatbots/{id}/knowledge" },
  "knowledge.addQuestionAndAnswer": { operation: "POST /api/knowledge" },
  "knowledge.addNote": { operation: "POST /api/knowledge" },
  "knowledge.uploadDocument": { operation: "POST /api/knowledge/documents" },
  "knowledge.importWebPage": { operation: "POST /api/knowledge/web" },
  "knowledge.delete": { operation: "DELETE /api/knowledge/{id}" },
  "inbox.markConversations": { operation: "PATCH /api/conversations/{id}" },
  "inbox.changes": {
    reason:
      "the open inbox's poll for whether to refresh itself; an integration is told of new turns by webhooks, or reads GET /api/conversations, newest first",
  },
  "inbox.reply": { operation: "POST /api/conversations/{id}/replies" },
  "inbox.block": { operation: "POST /api/conversations/{id}/blocks" },
  "inbox.unblock": { operation: "DELETE /api/blocks/{id}" },
  "questions.answer": { operation: "POST /api/questions/answer" },
  "questions.dismiss": { operation: "POST /api/questions/dismiss" },
  "questions.improveAnswer": { operation: "POST /api/messages/{id}/improve" },
  "keys.create": { operation: "POST /api/keys" },
  "keys.revoke": { operation: "DELETE /api/keys/{id}" },
  "webhooks.create": { operation: "POST /api/webhooks" },
  "webhooks.test": { operation: "POST /api/webhooks/{id}/test" },
  "webhooks.delete": { operation: "DELETE /api/webhooks/{id}" },
};

describe("API parity with the dashboard", () => {
  it("gives every server action an API operation or a stated reason, and names no action that doesn't exist", () => {
    const actions = serverActions.map((action) => action.options.name).sort();
    expect(
      actions.filter((name) => !(name in DOORS)),
      "actions with neither an operation nor a reason",
    ).toEqual([]);
    expect(
      Object.keys(DOORS).filter((name) => !actions.includes(name)),
      "doors of actions that don't exist",
    ).toEqual([]);
  });

  it("names only operations the API declares", () => {
    const declared = new Set(endpoints.map((endpoint) => `${endpoint.method.toUpperCase()} ${endpoint.path}`));
    const missing = Object.entries(DOORS).flatMap(([name, door]) =>
      "operation" in door && !declared.has(door.operation) ? [`${name}: ${door.operation}`] : [],
    );
    expect(missing).toEqual([]);
  });
});
