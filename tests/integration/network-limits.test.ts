import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as signup } from "@/app/api/auth/signup/route";
import { POST as token } from "@/app/api/auth/token/route";
import { forgotPasswordAction } from "@/lib/account/actions";
import { setAfterResponseForTests } from "@/lib/http/after-response";
import { AUTH_ATTEMPT_LIMIT, PASSWORD_RESET_LIMIT } from "@/lib/limits";
import { callAction } from "../support/actions";
import { awayFromAuthWindowBoundary, jsonRequest, type SignedUpOwner, signUpOwner } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Issue 21, finding 3: one host holds a whole IPv6 /64 and can write from any address in it, so
// every limit keyed by a client address counts the /64 (clientNetwork), as the chat's always did.

/** A fresh /64 under the documentation prefix, and an address in it with random low 64 bits. */
function networkOf64(): (host?: number) => string {
  const prefix = `2001:db8:${randomBytes(2).toString("hex")}:${randomBytes(2).toString("hex")}`;
  return () => `${prefix}:${[0, 1, 2, 3].map(() => randomBytes(2).toString("hex")).join(":")}`;
}

const forwardedFrom = (address: string) => ({ headers: { "x-forwarded-for": address } });

describeEachDatabase("limits keyed by a client address count an IPv6 /64 as one client", () => {
  let target: SignedUpOwner;
  // What the reset action leaves for after its response (the lookup, for unknown addresses no mail).
  const scheduled: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    target = await signUpOwner();
    setAfterResponseForTests((task) => scheduled.push(task));
  });
  afterAll(async () => {
    setAfterResponseForTests(undefined);
    await Promise.all(scheduled.map((task) => task()));
  });

  it("holds sign-in attempts from neighbours in one /64 to one address's budget", async () => {
    await awayFromAuthWindowBoundary();
    const neighbour = networkOf64();
    const attempt = (address: string) =>
      token(
        jsonRequest("/api/auth/token", { email: target.email, password: "wrong password" }, forwardedFrom(address)),
      );
    for (let i = 0; i < AUTH_ATTEMPT_LIMIT; i++) expect((await attempt(neighbour())).status).toBe(401);
    // Before the fix each neighbour had ten guesses of its own.
    expect((await attempt(neighbour())).status).toBe(429);
    // Another /64 is another client.
    expect((await attempt(networkOf64()())).status).toBe(401);
  }, 60_000);

  it("holds sign-ups from one /64 to one address's budget", async () => {
    await awayFromAuthWindowBoundary();
    const neighbour = networkOf64();
    const signUp = (address: string) =>
      signup(
        jsonRequest(
          "/api/auth/signup",
          { email: `net-${randomUUID().slice(0, 8)}@example.test`, password: "long enough password" },
          forwardedFrom(address),
        ),
      );
    for (let i = 0; i < AUTH_ATTEMPT_LIMIT; i++) expect((await signUp(neighbour())).status).toBe(201);
    expect((await signUp(neighbour())).status).toBe(429);
  }, 60_000);

  it("holds password-reset requests from one /64 to one address's budget", async () => {
    await awayFromAuthWindowBoundary();
    const neighbour = networkOf64();
    const reset = (address: string) =>
      callAction(forgotPasswordAction, { email: `reset-${randomUUID().slice(0, 8)}@example.test` }, undefined, {
        "x-forwarded-for": address,
      });
    for (let i = 0; i < PASSWORD_RESET_LIMIT; i++) {
      expect((await reset(neighbour())).state).toMatchObject({ status: "success" });
    }
    expect((await reset(neighbour())).state).toMatchObject({ status: "error" });
    expect((await reset(networkOf64()())).state).toMatchObject({ status: "success" });
  }, 60_000);
});
