import { beforeAll, expect, it } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import { confirmPasswordAction, signOutEverywhereAction } from "@/lib/account/actions";
import { createApiKeyAction, revokeApiKeyAction } from "@/lib/api-keys/actions";
import { createdApiKeySchema } from "@/lib/api-keys/schemas";
import { callAction } from "../support/actions";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Issue 12, fix 6: a credential that outlives its session. Minting an API key needs a password
// given in the last 10 minutes; "sign out everywhere" can revoke the keys too.

async function keyNames(headers: Record<string, string>): Promise<string[]> {
  const response = await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }));
  expect(response.status).toBe(200);
  return ((await response.json()) as { keys: { name: string }[] }).keys.map((key) => key.name);
}

describeEachDatabase("API keys need a recent password", (db) => {
  let alice: SignedUpOwner;
  let bob: SignedUpOwner;
  beforeAll(async () => {
    alice = await signUpOwner();
    bob = await signUpOwner();
  });

  /** Makes every session of the owner look as if the password was given 11 minutes ago. */
  async function age(owner: SignedUpOwner): Promise<void> {
    await db().query(
      "update private.sessions set authenticated_at = now() - interval '11 minutes' where user_id = $1",
      [owner.userId],
    );
  }

  it("mints a key with a fresh token, and refuses an older one with 403 reauthentication_required", async () => {
    const fresh = await createKey(jsonRequest("/api/keys", { name: "fresh" }, { headers: alice.bearer }));
    expect(fresh.status).toBe(201);
    await age(alice);
    const stale = await createKey(jsonRequest("/api/keys", { name: "stale" }, { headers: alice.bearer }));
    expect(stale.status).toBe(403);
    expect(await stale.json()).toMatchObject({ error: { code: "reauthentication_required" } });
    // The token still works for everything else.
    expect(await keyNames(alice.bearer)).toEqual(["fresh"]);
  });

  it("never lets an API key mint another", async () => {
    const created = createdApiKeySchema.parse(
      await (await createKey(jsonRequest("/api/keys", { name: "k" }, { headers: bob.bearer }))).json(),
    );
    const refused = await createKey(
      jsonRequest("/api/keys", { name: "child" }, { headers: { Authorization: `Bearer ${created.key}` } }),
    );
    expect(refused.status).toBe(403);
    expect(await keyNames(bob.bearer)).toEqual(["k"]);
  });

  it("asks the dashboard for the password, then mints for that session only", async () => {
    await age(alice);
    const refused = await callAction(createApiKeyAction, { name: "from the page", scope: "write" }, alice.cookie);
    expect(refused.state).toMatchObject({ status: "error", code: "reauthentication_required" });

    const wrong = await callAction(confirmPasswordAction, { password: "not it" }, alice.cookie);
    expect(wrong.state).toMatchObject({
      status: "error",
      code: "validation_failed",
      fieldErrors: { password: expect.any(String) },
    });
    // Another owner's password proves nothing for alice's session.
    const others = await callAction(confirmPasswordAction, { password: bob.password }, alice.cookie);
    expect(others.state).toMatchObject({ status: "error", code: "validation_failed" });

    const confirmed = await callAction(confirmPasswordAction, { password: alice.password }, alice.cookie);
    expect(confirmed.state).toMatchObject({ status: "success" });
    const minted = await callAction(createApiKeyAction, { name: "from the page", scope: "write" }, alice.cookie);
    expect(minted.state).toMatchObject({
      status: "success",
      data: { name: "from the page", key: expect.stringMatching(/^cfk_/) },
    });
    // The access token (another session) was not confirmed by the page.
    const token = await createKey(jsonRequest("/api/keys", { name: "token" }, { headers: alice.bearer }));
    expect(token.status).toBe(403);
  });

  it("revokes only the caller's own keys: another owner's cookie gets not_found", async () => {
    const created = createdApiKeySchema.parse(
      await (
        await createKey(jsonRequest("/api/keys", { name: "bob's own" }, { headers: (await signUpOwner()).bearer }))
      ).json(),
    );
    const byBob = await callAction(revokeApiKeyAction, { id: created.id }, bob.cookie);
    expect(byBob.state).toMatchObject({ status: "error", code: "not_found" });
    const [row] = await db().query<{ count: number }>(
      "select count(*)::int as count from public.api_keys where id = $1",
      [created.id],
    );
    expect(row.count).toBe(1);
    const minted = (await callAction(createApiKeyAction, { name: "doomed", scope: "write" }, bob.cookie)).state;
    if (minted?.status !== "success") throw new Error(JSON.stringify(minted));
    expect((await callAction(revokeApiKeyAction, { id: minted.data.id }, bob.cookie)).state).toMatchObject({
      status: "success",
    });
    expect(await keyNames(bob.bearer)).not.toContain("doomed");
  });

  it("signs out everywhere keeping the keys, or revoking them when asked (route and action)", async () => {
    const carol = await signUpOwner();
    const keep = createdApiKeySchema.parse(
      await (await createKey(jsonRequest("/api/keys", { name: "kept" }, { headers: carol.bearer }))).json(),
    );
    const keyBearer = { Authorization: `Bearer ${keep.key}` };
    const out = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout?all=true`, { method: "POST", headers: carol.bearer }),
    );
    expect(out.status).toBe(204);
    expect(await keyNames(keyBearer)).toEqual(["kept"]);

    const dave = await signUpOwner();
    const doomed = createdApiKeySchema.parse(
      await (await createKey(jsonRequest("/api/keys", { name: "gone" }, { headers: dave.bearer }))).json(),
    );
    // Revoking the keys is the browser session's alone (issue 21, finding 4).
    const revoked = await logout(
      new Request(`${TEST_ORIGIN}/api/auth/logout?all=true&revoke_api_keys=true`, {
        method: "POST",
        headers: { cookie: dave.cookie, origin: TEST_ORIGIN },
      }),
    );
    expect(revoked.status).toBe(204);
    const refused = await listKeys(
      new Request(`${TEST_ORIGIN}/api/keys`, { headers: { Authorization: `Bearer ${doomed.key}` } }),
    );
    expect(refused.status).toBe(401);

    const erin = await signUpOwner();
    const erinKey = createdApiKeySchema.parse(
      await (await createKey(jsonRequest("/api/keys", { name: "erin" }, { headers: erin.bearer }))).json(),
    );
    // Bob signing out everywhere with revocation touches none of erin's keys.
    const bobOut = await callAction(signOutEverywhereAction, { revoke_api_keys: "on" }, bob.cookie);
    expect(bobOut.redirectedTo).toBe("/login");
    expect(await keyNames({ Authorization: `Bearer ${erinKey.key}` })).toEqual(["erin"]);
    const erinOut = await callAction(signOutEverywhereAction, { revoke_api_keys: "on" }, erin.cookie);
    expect(erinOut.redirectedTo).toBe("/login");
    const erinRefused = await listKeys(
      new Request(`${TEST_ORIGIN}/api/keys`, { headers: { Authorization: `Bearer ${erinKey.key}` } }),
    );
    expect(erinRefused.status).toBe(401);
    expect((await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers: erin.bearer }))).status).toBe(401);
  });
});
