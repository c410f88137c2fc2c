import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { POST as CREATE_CHATBOT } from "@/app/api/chatbots/route";
import { GET, PUT } from "@/app/api/profile/route";
import { asOwner } from "@/lib/db";
import { jsonRequest, type SignedUpOwner, signUpOwners, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { ADA } from "../support/profiles";

type Json = Record<string, unknown>;

const get = (owner: SignedUpOwner | null, query = "") =>
  GET(new Request(`${TEST_ORIGIN}/api/profile${query}`, { headers: owner?.bearer ?? {} }));
const put = (owner: SignedUpOwner, body: unknown) =>
  PUT(jsonRequest("/api/profile", body, { method: "PUT", headers: owner.bearer }));

async function expectError(response: Response, status: number, code: string, path?: string): Promise<void> {
  const body = (await response.json()) as { error: { code: string; details?: { path: string }[] } };
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  if (path !== undefined) expect(body.error.details?.map((detail) => detail.path)).toContain(path);
}

async function addChatbot(owner: SignedUpOwner, isPublic: boolean): Promise<void> {
  const response = await CREATE_CHATBOT(
    jsonRequest("/api/chatbots", { name: "Bot", is_public: isPublic }, { headers: owner.bearer }),
  );
  expect(response.status).toBe(201);
}

describeEachDatabase("profile API", (db) => {
  let [alice, bob] = [] as SignedUpOwner[];
  beforeAll(async () => ([alice, bob] = await signUpOwners(2)));

  it("answers 401 without credentials", async () => {
    await expectError(await get(null), 401, "unauthorized");
    await expectError(await PUT(jsonRequest("/api/profile", ADA, { method: "PUT" })), 401, "unauthorized");
  });

  it("answers 404 until the caller has written a profile", async () => {
    await expectError(await get(alice), 404, "not_found");
  });

  it("creates the profile with PUT, ignoring user_id, id and timestamps in the body", async () => {
    const response = await put(alice, {
      ...ADA,
      user_id: bob.userId,
      id: randomUUID(),
      created_at: "2000-01-01T00:00:00Z",
    });
    expect(response.status).toBe(200);
    const profile = (await response.json()) as Json;
    expect(Object.keys(profile).sort()).toEqual(
      [
        "bio",
        "created_at",
        "experience",
        "id",
        "interests",
        "location",
        "name",
        "skills",
        "updated_at",
        "user_id",
      ].sort(),
    );
    expect(profile).toMatchObject({ ...ADA, user_id: alice.userId });
    expect(profile.created_at).not.toBe("2000-01-01T00:00:00.000Z");
    expect(new Date(profile.created_at as string).toISOString()).toBe(profile.created_at);
    const read = await get(alice);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual(profile);
    const [owned] = await db().query<{ user_id: string }>("select user_id from profiles where id = $1", [profile.id]);
    expect(owned.user_id).toBe(alice.userId);
  });

  it("replaces the whole profile on a second PUT, keeping its id and created_at", async () => {
    const before = (await (await get(alice)).json()) as Json;
    const replaced = await put(alice, { bio: "  New bio  ", skills: "", experience: "", interests: "" });
    expect(replaced.status).toBe(200);
    const after = (await replaced.json()) as Json;
    expect(after).toMatchObject({
      id: before.id,
      created_at: before.created_at,
      name: null,
      location: null,
      bio: "New bio",
    });
    expect(Date.parse(after.updated_at as string)).toBeGreaterThanOrEqual(Date.parse(before.updated_at as string));
    const [count] = await db().query<{ n: number }>("select count(*) as n from profiles where user_id = $1", [
      alice.userId,
    ]);
    expect(count.n).toBe(1);
    await put(alice, ADA);
  });

  it("answers every invalid field with 400 and its path", async () => {
    const cases: [unknown, string][] = [
      [{ ...ADA, bio: undefined }, "bio"],
      [{ ...ADA, skills: null }, "skills"],
      [{ ...ADA, experience: 12 }, "experience"],
      [{ ...ADA, interests: ["a"] }, "interests"],
      [{ ...ADA, name: "x".repeat(101) }, "name"],
      [{ ...ADA, location: "x".repeat(101) }, "location"],
      [{ ...ADA, location: true }, "location"],
      [{ ...ADA, bio: "x".repeat(10_001) }, "bio"],
      [{ ...ADA, interests: "x".repeat(10_001) }, "interests"],
      [[], ""],
      [JSON.stringify(7), ""],
    ];
    for (const [body, path] of cases) await expectError(await put(alice, body), 400, "validation_failed", path);
    await expectError(await put(alice, "{bio:"), 400, "invalid_json");
    await expectError(await put(alice, { ...ADA, bio: "x".repeat(66 * 1024) }), 413, "payload_too_large");
    expect(((await (await get(alice)).json()) as Json).bio).toBe(ADA.bio);
  });

  it("accepts the limits exactly", async () => {
    const response = await put(alice, { ...ADA, name: "n".repeat(100), bio: "b".repeat(10_000) });
    expect(response.status).toBe(200);
    await put(alice, ADA);
  });

  it("shows another owner's profile only while they have a public chatbot", async () => {
    await put(bob, { ...ADA, name: "Bob" });
    await expectError(await get(alice, `?user_id=${bob.userId}`), 404, "not_found");
    await addChatbot(bob, false);
    await expectError(await get(alice, `?user_id=${bob.userId}`), 404, "not_found");
    await addChatbot(bob, true);
    const visible = await get(alice, `?user_id=${bob.userId}`);
    expect(visible.status).toBe(200);
    expect(await visible.json()).toMatchObject({ name: "Bob", user_id: bob.userId });
  });

  it("answers 404 for an unknown owner, 400 for a malformed user_id, and the caller's own for their id", async () => {
    await expectError(await get(alice, `?user_id=${randomUUID()}`), 404, "not_found");
    await expectError(await get(alice, "?user_id=not-a-uuid"), 400, "validation_failed", "user_id");
    const own = await get(alice, `?user_id=${alice.userId}`);
    expect(own.status).toBe(200);
    expect(((await own.json()) as Json).user_id).toBe(alice.userId);
  });

  it("never shows, changes or deletes another owner's profile by RLS alone", async () => {
    const seen = await asOwner({ sub: alice.userId, role: "authenticated" }, async (tx) => ({
      read: await tx.query("select id from profiles where user_id = $1", [bob.userId]),
      updated: await tx.query("update profiles set bio = 'hacked' where user_id = $1 returning id", [bob.userId]),
      deleted: await tx.query("delete from profiles where user_id = $1 returning id", [bob.userId]),
    }));
    expect(seen).toEqual({ read: [], updated: [], deleted: [] });
    expect(((await (await get(bob)).json()) as Json).bio).toBe(ADA.bio);
  });
});
