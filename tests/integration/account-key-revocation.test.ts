import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as changePasswordRoute } from "@/app/api/account/password/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import { changePasswordAction, forgotPasswordAction, resetPasswordAction } from "@/lib/account/actions";
import { createdApiKeySchema } from "@/lib/api-keys/schemas";
import { setAfterResponseForTests } from "@/lib/http/after-response";
import { callAction } from "../support/actions";
import { jsonRequest, type SignedUpOwner, setEnv, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { linkIn, type SmtpStub, startSmtpStub } from "../support/smtp-server";

// Issue 21, finding 5: API keys survived a password change and a completed reset. A reset revokes
// every key; a password change does unless told not to (revoke_api_keys, true by default).

async function newKey(owner: SignedUpOwner): Promise<Record<string, string>> {
  const response = await createKey(jsonRequest("/api/keys", { name: "integration" }, { headers: owner.bearer }));
  expect(response.status).toBe(201);
  return { Authorization: `Bearer ${createdApiKeySchema.parse(await response.json()).key}` };
}

async function keysStatus(headers: Record<string, string>): Promise<number> {
  return (await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }))).status;
}

const scheduled: (() => Promise<void>)[] = [];
let smtp: SmtpStub;
beforeAll(async () => {
  smtp = await startSmtpStub();
  setAfterResponseForTests((task) => scheduled.push(task));
});
afterAll(async () => {
  setAfterResponseForTests(undefined);
  setEnv({ SMTP_URL: undefined, SITE_URL: undefined });
  await smtp.close();
});

describeEachDatabase("API keys after a new password", () => {
  it("revokes every API key when a reset link sets a new password", async () => {
    setEnv({ SMTP_URL: smtp.url, SITE_URL: "https://chatfolio.example" });
    const owner = await signUpOwner();
    const key = await newKey(owner);
    const other = await signUpOwner();
    const othersKey = await newKey(other);

    await callAction(forgotPasswordAction, { email: owner.email });
    for (const task of scheduled.splice(0)) await task();
    const token = new URL(linkIn(await smtp.waitFor(owner.email), "/reset-password")).searchParams.get("token");
    const reset = await callAction(resetPasswordAction, { token, password: "a reset password" });
    expect(reset.redirectedTo).toBe("/dashboard");
    expect(await keysStatus(key)).toBe(401);
    // The browser the reset signed in still works, and another owner's keys are untouched.
    expect(await keysStatus({ cookie: reset.setCookie })).toBe(200);
    expect(await keysStatus(othersKey)).toBe(200);
  });

  it("revokes every API key on a password change by default (action and route)", async () => {
    const owner = await signUpOwner();
    const key = await newKey(owner);
    const changed = await callAction(
      changePasswordAction,
      { current_password: owner.password, new_password: "changed password 1" },
      owner.cookie,
    );
    expect(changed.state).toMatchObject({ status: "success" });
    expect(await keysStatus(key)).toBe(401);

    const again = await signUpOwner();
    const routeKey = await newKey(again);
    const byRoute = await changePasswordRoute(
      jsonRequest(
        "/api/account/password",
        { current_password: again.password, new_password: "changed password 2" },
        { headers: { cookie: again.cookie, origin: TEST_ORIGIN } },
      ),
    );
    expect(byRoute.status).toBe(204);
    expect(await keysStatus(routeKey)).toBe(401);
  });

  it("keeps the API keys when the owner unticks the box, or the API body says false", async () => {
    const owner = await signUpOwner();
    const key = await newKey(owner);
    // What the form sends with the box unticked: only the hidden "false".
    const unticked = await callAction(
      changePasswordAction,
      { current_password: owner.password, new_password: "kept keys 1", revoke_api_keys: "false" },
      owner.cookie,
    );
    expect(unticked.state).toMatchObject({ status: "success" });
    expect(await keysStatus(key)).toBe(200);

    const byRoute = await changePasswordRoute(
      jsonRequest(
        "/api/account/password",
        { current_password: "kept keys 1", new_password: "kept keys 2", revoke_api_keys: false },
        { headers: { cookie: owner.cookie, origin: TEST_ORIGIN } },
      ),
    );
    expect(byRoute.status).toBe(204);
    expect(await keysStatus(key)).toBe(200);

    // Ticked: the hidden "false", then the checkbox's "true", which wins.
    const ticked = await callAction(
      changePasswordAction,
      { current_password: "kept keys 2", new_password: "kept keys 3", revoke_api_keys: ["false", "true"] },
      owner.cookie,
    );
    expect(ticked.state).toMatchObject({ status: "success" });
    expect(await keysStatus(key)).toBe(401);
  });
});
