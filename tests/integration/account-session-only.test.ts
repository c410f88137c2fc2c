import { beforeAll, describe, expect, it } from "vitest";
import { POST as changeEmailRoute } from "@/app/api/account/email/route";
import { POST as changePasswordRoute } from "@/app/api/account/password/route";
import { DELETE as deleteAccountRoute } from "@/app/api/account/route";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import {
  changeEmailAction,
  changePasswordAction,
  confirmPasswordAction,
  deleteAccountAction,
  signOutEverywhereAction,
} from "@/lib/account/actions";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { createdApiKeySchema } from "@/lib/api-keys/schemas";
import { callAction } from "../support/actions";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Issue 21, finding 4: an API key (or an hour-long access token) could delete the account, since
// the delete asked only for the email, which the same key reads from GET /api/account/export. What
// takes the account from its owner is the browser session's alone, with a recent password.

async function keysStatus(headers: Record<string, string>): Promise<number> {
  return (await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }))).status;
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

describeEachDatabase("account changes need the browser session", (db) => {
  let owner: SignedUpOwner;
  let apiKey: string;
  beforeAll(async () => {
    owner = await signUpOwner();
    const created = await createKey(jsonRequest("/api/keys", { name: "integration" }, { headers: owner.bearer }));
    apiKey = createdApiKeySchema.parse(await created.json()).key;
  });

  describe.each(["an API key", "an access token"])("with %s", (name) => {
    // The access token is fresh: only "not a browser session" can refuse it.
    const headers = () => (name === "an API key" ? { Authorization: `Bearer ${apiKey}` } : owner.bearer);

    it("is refused 403 session_required by every route", async () => {
      const refused = [
        await deleteAccountRoute(
          jsonRequest("/api/account", { email: owner.email }, { method: "DELETE", headers: headers() }),
        ),
        await changePasswordRoute(
          jsonRequest(
            "/api/account/password",
            { current_password: owner.password, new_password: "taken over 1" },
            { headers: headers() },
          ),
        ),
        await changeEmailRoute(
          jsonRequest(
            "/api/account/email",
            { email: "attacker@example.test", password: owner.password },
            { headers: headers() },
          ),
        ),
        await logout(
          new Request(`${TEST_ORIGIN}/api/auth/logout?all=true&revoke_api_keys=true`, {
            method: "POST",
            headers: headers(),
          }),
        ),
      ];
      for (const response of refused) {
        expect(response.status).toBe(403);
        expect(await errorCode(response)).toBe("session_required");
      }
    });

    it("is refused session_required by every server action", async () => {
      const states = [
        (await callAction(deleteAccountAction, { email: owner.email }, undefined, headers())).state,
        (
          await callAction(
            changePasswordAction,
            { current_password: owner.password, new_password: "taken over 2" },
            undefined,
            headers(),
          )
        ).state,
        (
          await callAction(
            changeEmailAction,
            { email: "attacker@example.test", password: owner.password },
            undefined,
            headers(),
          )
        ).state,
        (await callAction(signOutEverywhereAction, { revoke_api_keys: "on" }, undefined, headers())).state,
      ];
      for (const state of states) expect(state).toMatchObject({ status: "error", code: "session_required" });
    });
  });

  it("left the account, its password, its address and its key as they were", async () => {
    const [user] = await db().query<{ email: string }>("select email from auth.users where id = $1", [owner.userId]);
    expect(user.email).toBe(owner.email);
    const token = await (await import("@/app/api/auth/token/route")).POST(
      jsonRequest("/api/auth/token", { email: owner.email, password: owner.password }),
    );
    expect(token.status).toBe(200);
    expect(await keysStatus({ Authorization: `Bearer ${apiKey}` })).toBe(200);
  });

  it("never lets an API key create another, by the route or the action", async () => {
    const byRoute = await createKey(
      jsonRequest("/api/keys", { name: "child" }, { headers: { Authorization: `Bearer ${apiKey}` } }),
    );
    expect(byRoute.status).toBe(403);
    const byAction = await callAction(createApiKeyAction, { name: "child", scope: "write" }, undefined, {
      Authorization: `Bearer ${apiKey}`,
    });
    expect(byAction.state).toMatchObject({ status: "error", code: "reauthentication_required" });
    const [row] = await db().query<{ count: number }>(
      "select count(*)::int as count from public.api_keys where user_id = $1",
      [owner.userId],
    );
    expect(row.count).toBe(1);
  });

  it("lets the browser session do it, the deletion only with a password from the last minutes", async () => {
    const someone = await signUpOwner();
    const browser = { cookie: someone.cookie, origin: TEST_ORIGIN };
    const changed = await changePasswordRoute(
      jsonRequest(
        "/api/account/password",
        { current_password: someone.password, new_password: "a new password" },
        { headers: browser },
      ),
    );
    expect(changed.status).toBe(204);
    await db().query(
      "update private.sessions set authenticated_at = now() - interval '11 minutes' where user_id = $1",
      [someone.userId],
    );
    const stale = await deleteAccountRoute(
      jsonRequest("/api/account", { email: someone.email }, { method: "DELETE", headers: browser }),
    );
    expect(stale.status).toBe(403);
    expect(await errorCode(stale)).toBe("reauthentication_required");
    const staleAction = await callAction(deleteAccountAction, { email: someone.email }, someone.cookie);
    expect(staleAction.state).toMatchObject({ status: "error", code: "reauthentication_required" });
    const staleRevoke = await callAction(signOutEverywhereAction, { revoke_api_keys: "on" }, someone.cookie);
    expect(staleRevoke.state).toMatchObject({ status: "error", code: "reauthentication_required" });

    const confirmed = await callAction(confirmPasswordAction, { password: "a new password" }, someone.cookie);
    expect(confirmed.state).toMatchObject({ status: "success" });
    const deleted = await deleteAccountRoute(
      jsonRequest("/api/account", { email: someone.email }, { method: "DELETE", headers: browser }),
    );
    expect(deleted.status).toBe(204);
    expect(await db().query("select 1 from auth.users where id = $1", [someone.userId])).toHaveLength(0);
  });
});
