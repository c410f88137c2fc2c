import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, describe, expect, it } from "vitest";
import { signInAction, signOutAction, signUpAction } from "@/lib/auth/actions";
import type { RegisteredAction } from "@/lib/http/action";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { serverActions } from "@/lib/server-actions";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

/** Every module of ours that starts with "use server", relative to the project root. */
async function serverActionModules(): Promise<string[]> {
  const found: string[] = [];
  for (const root of ["app", "lib", "components"]) {
    const entries = await fs.readdir(path.join(process.cwd(), root), { recursive: true });
    for (const entry of entries) {
      if (!/\.tsx?$/.test(entry)) continue;
      const file = path.join(root, entry);
      const source = await fs.readFile(path.join(process.cwd(), file), "utf8");
      if (/^\s*["']use server["']/.test(source)) found.push(file);
    }
  }
  return found;
}

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
}

/** Calls an action as a browser on our own origin would, unless headers say otherwise. */
async function submit<Data>(
  action: (previous: FormState<Data>, input: FormData) => Promise<FormState<Data>>,
  values: Record<string, string>,
  headers: Record<string, string> = {},
) {
  const request = new Request(`${TEST_ORIGIN}/login`, { method: "POST", headers: { origin: TEST_ORIGIN, ...headers } });
  const { result, thrown, cookies } = await runWithRequestForTests(request, () => action(idleFormState, form(values)));
  if (thrown !== undefined && !isRedirectError(thrown)) throw thrown;
  return { state: result, cookies, redirectedTo: isRedirectError(thrown) ? getURLFromRedirectError(thrown) : null };
}

describe("the server action registry", () => {
  it("lists every action of every 'use server' module, each with a unique name", async () => {
    const registered = new Set<unknown>(serverActions);
    const modules = await serverActionModules();
    expect(modules.length).toBeGreaterThan(0);
    for (const file of modules) {
      const module = (await import(path.join(process.cwd(), file))) as Record<string, unknown>;
      for (const [name, exported] of Object.entries(module)) {
        expect(registered.has(exported), `${file}: ${name} is missing from lib/server-actions.ts`).toBe(true);
      }
    }
    const names = serverActions.map((action: RegisteredAction) => action.options.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describeEachDatabase("server actions through action()", () => {
  let owner: SignedUpOwner;
  beforeAll(async () => {
    owner = await signUpOwner();
  });

  it("signs in with the right password, setting the session cookie and redirecting to a safe next", async () => {
    const { redirectedTo, cookies } = await submit(signInAction, {
      email: owner.email,
      password: owner.password,
      next: "//evil.example",
    });
    expect(redirectedTo).toBe("/dashboard");
    expect(cookies).toEqual([expect.objectContaining({ name: "chatfolio_session" })]);
  });

  it("answers a wrong password on the form, keeping the email but never the password", async () => {
    const { state } = await submit(signInAction, { email: owner.email, password: "not the password" });
    expect(state).toMatchObject({ status: "error", code: "unauthorized", values: { email: owner.email } });
    expect(JSON.stringify(state)).not.toContain("not the password");
  });

  it("reports field errors by field, with the API's messages", async () => {
    const { state } = await submit(signUpAction, { email: "not-an-email", password: "short" });
    expect(state).toMatchObject({
      status: "error",
      code: "validation_failed",
      fieldErrors: { email: "Enter a valid email address.", password: "Use at least 8 characters." },
    });
  });

  it("puts a taken email on the email field", async () => {
    const { state } = await submit(signUpAction, { email: owner.email.toUpperCase(), password: "long enough" });
    expect(state).toMatchObject({ status: "error", code: "conflict", fieldErrors: { email: expect.any(String) } });
  });

  it("refuses a NUL character, naming the field", async () => {
    const { state } = await submit(signInAction, { email: `a\u0000@example.test`, password: "x" });
    expect(state).toMatchObject({
      status: "error",
      code: "validation_failed",
      fieldErrors: { email: expect.any(String) },
    });
  });

  it("refuses a request from another origin before doing anything", async () => {
    const email = `cross-${randomUUID().slice(0, 8)}@example.test`;
    const { state } = await submit(
      signUpAction,
      { email, password: "long enough" },
      { origin: "https://evil.example" },
    );
    expect(state).toMatchObject({ status: "error", code: "forbidden" });
    const { state: signIn } = await submit(signInAction, { email, password: "long enough" });
    expect(signIn).toMatchObject({ status: "error", code: "unauthorized" });
  });

  it("signs out the session of the cookie it is called with", async () => {
    const { redirectedTo } = await submit(signOutAction, {}, { cookie: owner.cookie });
    expect(redirectedTo).toBe("/login");
    const { GET } = await import("@/app/api/keys/route");
    const after = await GET(new Request(`${TEST_ORIGIN}/api/keys`, { headers: { cookie: owner.cookie } }));
    expect(after.status).toBe(401);
  });
});
