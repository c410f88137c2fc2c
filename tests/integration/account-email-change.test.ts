import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET as listKeys } from "@/app/api/keys/route";
import {
  changeEmailAction,
  confirmEmailAction,
  forgotPasswordAction,
  resetPasswordAction,
} from "@/lib/account/actions";
import { setAfterResponseForTests } from "@/lib/http/after-response";
import { callAction } from "../support/actions";
import { type SignedUpOwner, setEnv, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { linkIn, type SmtpStub, startSmtpStub } from "../support/smtp-server";

// Issue 21, finding 6: a reset link mailed to the old address still worked after the address was
// changed and confirmed. A change ends pending reset links, and every session but the current one.

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

/** A reset link mailed to the owner's current address, its token. */
async function resetToken(owner: SignedUpOwner): Promise<string> {
  const before = smtp.received.filter((mail) => mail.to.includes(owner.email)).length;
  await callAction(forgotPasswordAction, { email: owner.email });
  for (const task of scheduled.splice(0)) await task();
  while (smtp.received.filter((mail) => mail.to.includes(owner.email)).length === before)
    await new Promise((resolve) => setTimeout(resolve, 20));
  const mail = smtp.received.filter((entry) => entry.to.includes(owner.email)).at(-1);
  if (!mail) throw new Error("no reset mail");
  return new URL(linkIn(mail, "/reset-password")).searchParams.get("token") ?? "";
}

const newAddress = () => `moved-${randomUUID().slice(0, 8)}@example.test`;

describeEachDatabase("an email change ends what the old address could open", () => {
  it("voids a reset link issued before a confirmed change, and signs every other session out", async () => {
    setEnv({ SMTP_URL: smtp.url, SITE_URL: "https://chatfolio.example" });
    const owner = await signUpOwner();
    const token = await resetToken(owner);

    const email = newAddress();
    const pending = await callAction(changeEmailAction, { email, password: owner.password }, owner.cookie);
    expect(pending.state).toMatchObject({ status: "success", data: { pending: true } });
    const confirmation = new URL(linkIn(await smtp.waitFor(email), "/confirm-email")).searchParams.get("token");
    // Followed in the browser that asked for it: that session stays.
    const confirmed = await callAction(confirmEmailAction, { token: confirmation }, owner.cookie);
    expect(confirmed.state).toMatchObject({ status: "success" });

    const reset = await callAction(resetPasswordAction, { token, password: "taken over via old mail" });
    expect(reset.state).toMatchObject({ status: "error", fieldErrors: { token: expect.any(String) } });
    expect(await keysStatus(owner.bearer)).toBe(401);
    expect(await keysStatus({ cookie: owner.cookie })).toBe(200);
  });

  it("keeps no session when the link is followed signed out, or signed in as someone else", async () => {
    setEnv({ SMTP_URL: smtp.url, SITE_URL: "https://chatfolio.example" });
    const owner = await signUpOwner();
    const stranger = await signUpOwner();
    const email = newAddress();
    await callAction(changeEmailAction, { email, password: owner.password }, owner.cookie);
    const confirmation = new URL(linkIn(await smtp.waitFor(email), "/confirm-email")).searchParams.get("token");
    const confirmed = await callAction(confirmEmailAction, { token: confirmation }, stranger.cookie);
    expect(confirmed.state).toMatchObject({ status: "success" });
    expect(await keysStatus({ cookie: owner.cookie })).toBe(401);
    expect(await keysStatus(owner.bearer)).toBe(401);
    expect(await keysStatus({ cookie: stranger.cookie })).toBe(200);
  });

  it("does the same when the address changes at once (no mail can be sent)", async () => {
    setEnv({ SMTP_URL: smtp.url, SITE_URL: "https://chatfolio.example" });
    const owner = await signUpOwner();
    const token = await resetToken(owner);
    setEnv({ SMTP_URL: undefined });
    const moved = await callAction(changeEmailAction, { email: newAddress(), password: owner.password }, owner.cookie);
    expect(moved.state).toMatchObject({ status: "success", data: { pending: false } });
    const reset = await callAction(resetPasswordAction, { token, password: "taken over via old mail" });
    expect(reset.state).toMatchObject({ status: "error", fieldErrors: { token: expect.any(String) } });
    expect(await keysStatus(owner.bearer)).toBe(401);
    expect(await keysStatus({ cookie: owner.cookie })).toBe(200);
  });
});
