import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import {
  changeEmailAction,
  changePasswordAction,
  confirmPasswordAction,
  deleteAccountAction,
  forgotPasswordAction,
  resetPasswordAction,
} from "@/lib/account/actions";
import { createdApiKeySchema } from "@/lib/api-keys/schemas";
import { setAfterResponseForTests } from "@/lib/http/after-response";
import { callAction } from "../support/actions";
import { cookieHeader, jsonRequest, setEnv, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { type StubUser, type SupabaseAuthStub, startSupabaseAuthStub } from "../support/supabase-auth-server";

// The account settings with Supabase Auth: Supabase's own flows (updateUser, resetPasswordForEmail,
// verifyOtp) against the local stand-in, and the auth.users row deleted through our connection.

const SUPABASE_VARS = [
  "NEXT_PUBLIC_SUPABASE_URL",
  "NEXT_PUBLIC_SUPABASE_ANON_KEY",
  "SUPABASE_JWT_SECRET",
  "DATABASE_URL",
];

describeEachDatabase("account settings with Supabase Auth", (db) => {
  let stub: SupabaseAuthStub;
  const saved = Object.fromEntries(SUPABASE_VARS.map((name) => [name, process.env[name]]));
  const scheduled: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    stub = await startSupabaseAuthStub({
      onSignUp: async (user: StubUser) => {
        await db().query(
          "insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)",
          [user.id, user.email],
        );
      },
    });
    setEnv({
      NEXT_PUBLIC_SUPABASE_URL: stub.url,
      NEXT_PUBLIC_SUPABASE_ANON_KEY: "test-anon-key",
      SUPABASE_JWT_SECRET: undefined,
      DATABASE_URL: "postgres://unused@127.0.0.1:1/unused",
    });
    setAfterResponseForTests((task) => scheduled.push(task));
  });
  afterAll(async () => {
    setAfterResponseForTests(undefined);
    setEnv(saved);
    await stub.close();
  });

  async function owner() {
    const email = `sb-account-${randomUUID().slice(0, 8)}@example.test`;
    const response = await signup(jsonRequest("/api/auth/signup", { email, password: "first password" }));
    expect(response.status).toBe(201);
    const user = stub.users.get(email);
    if (!user) throw new Error("no stub user");
    return { email, user, cookie: cookieHeader(response) };
  }

  it("mints keys only with a token whose amr says the password was given in the last 10 minutes", async () => {
    const { user, cookie } = await owner();
    const fresh = await stub.signAccessToken(user);
    const old = await stub.signAccessToken(user, { authenticatedAt: Math.floor(Date.now() / 1000) - 11 * 60 });
    const mint = (token: string) =>
      createKey(jsonRequest("/api/keys", { name: "sb" }, { headers: { Authorization: `Bearer ${token}` } }));
    expect((await mint(fresh)).status).toBe(201);
    const refused = await mint(old);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "reauthentication_required" } });

    const wrong = await callAction(confirmPasswordAction, { password: "not it" }, cookie);
    expect(wrong.state).toMatchObject({ status: "error", fieldErrors: { password: "Incorrect password." } });
    const confirmed = await callAction(confirmPasswordAction, { password: "first password" }, cookie);
    expect(confirmed.state).toMatchObject({ status: "success" });
    expect(confirmed.setCookie).toMatch(/sb-127-auth-token/);
  });

  it("changes the password and the email through Supabase's own flows", async () => {
    const { email, user, cookie } = await owner();
    const wrong = await callAction(
      changePasswordAction,
      { current_password: "nope", new_password: "second password" },
      cookie,
    );
    expect(wrong.state).toMatchObject({ status: "error", fieldErrors: { current_password: "Incorrect password." } });
    expect(user.password).toBe("first password");
    const changed = await callAction(
      changePasswordAction,
      { current_password: "first password", new_password: "second password" },
      cookie,
    );
    expect(changed.state).toMatchObject({ status: "success" });
    expect(user.password).toBe("second password");
    expect(stub.calls).toContain("PUT /auth/v1/user");
    expect(stub.calls).toContain("POST /auth/v1/logout?scope=others");

    const moved = `sb-moved-${randomUUID().slice(0, 8)}@example.test`;
    const signOuts = stub.calls.filter((call) => call === "POST /auth/v1/logout?scope=others").length;
    const pending = await callAction(changeEmailAction, { email: moved, password: "second password" }, cookie);
    expect(pending.state).toMatchObject({ status: "success", data: { pending: true } });
    expect(stub.pendingEmails.get(email)).toBe(moved);
    // Issue 21, finding 6: Supabase confirms out of our sight, so the other sessions end at the request.
    expect(stub.calls.filter((call) => call === "POST /auth/v1/logout?scope=others").length).toBe(signOuts + 1);
  });

  it("refuses a fresh access token what only the browser session may do (issue 21, finding 4)", async () => {
    const { email, user } = await owner();
    const bearer = { Authorization: `Bearer ${await stub.signAccessToken(user)}` };
    const states = [
      (await callAction(deleteAccountAction, { email }, undefined, bearer)).state,
      (
        await callAction(
          changePasswordAction,
          { current_password: "first password", new_password: "x password" },
          undefined,
          bearer,
        )
      ).state,
      (await callAction(changeEmailAction, { email: "x@example.test", password: "first password" }, undefined, bearer))
        .state,
    ];
    for (const state of states) expect(state).toMatchObject({ status: "error", code: "session_required" });
    expect(user.password).toBe("first password");
    expect(await db().query("select 1 from auth.users where id = $1", [user.id])).toHaveLength(1);
  });

  it("resets a forgotten password with Supabase's recovery link, once", async () => {
    const { email, user } = await owner();
    const unknown = `sb-nobody-${randomUUID().slice(0, 8)}@example.test`;
    const known = await callAction(forgotPasswordAction, { email });
    const stranger = await callAction(forgotPasswordAction, { email: unknown });
    expect(known.state).toEqual({ status: "success", data: { email } });
    expect(stranger.state).toEqual({ status: "success", data: { email: unknown } });
    expect(stub.recoveryTokens.has(email)).toBe(false);
    for (const task of scheduled.splice(0)) await task();
    const token = stub.recoveryTokens.get(email) ?? "";
    expect(token).not.toBe("");
    expect(stub.calls.some((call) => call.startsWith("POST /auth/v1/recover?redirect_to=http"))).toBe(true);

    const minted = await createKey(
      jsonRequest(
        "/api/keys",
        { name: "sb" },
        { headers: { Authorization: `Bearer ${await stub.signAccessToken(user)}` } },
      ),
    );
    const key = { Authorization: `Bearer ${createdApiKeySchema.parse(await minted.json()).key}` };
    const reset = await callAction(resetPasswordAction, { token, password: "reset password" });
    expect(reset.redirectedTo).toBe("/dashboard");
    // Issue 21, finding 5: the reset revoked every API key, with Supabase Auth too.
    expect((await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers: key }))).status).toBe(401);
    expect(reset.setCookie).toMatch(/sb-127-auth-token/);
    expect(user.password).toBe("reset password");
    const again = await callAction(resetPasswordAction, { token, password: "another password" });
    expect(again.state).toMatchObject({ status: "error", fieldErrors: { token: expect.any(String) } });
    expect(user.password).toBe("reset password");
  });

  it("deletes the account, its auth.users row included, through the server's connection", async () => {
    const { email, user, cookie } = await owner();
    const other = await owner();
    const deleted = await callAction(deleteAccountAction, { email }, cookie);
    expect(deleted.redirectedTo).toBe("/signup?deleted=1");
    expect(await db().query("select 1 from auth.users where id = $1", [user.id])).toHaveLength(0);
    expect(await db().query("select 1 from auth.users where id = $1", [other.user.id])).toHaveLength(1);
  });
});
