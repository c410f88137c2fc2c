import { createHash } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { DELETE as deleteKey } from "@/app/api/keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import { apiKeyListSchema, createdApiKeySchema, MAX_API_KEYS_PER_OWNER } from "@/lib/api-keys/schemas";
import { asOwner } from "@/lib/db";
import { jsonRequest, type SignedUpOwner, signUpOwner, signUpOwners, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

function list(headers: Record<string, string>): Promise<Response> {
  return listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers }));
}

function revoke(id: string, headers: Record<string, string>): Promise<Response> {
  return deleteKey(new Request(`${TEST_ORIGIN}/api/keys/${id}`, { method: "DELETE", headers }), {
    params: Promise.resolve({ id }),
  });
}

async function mint(owner: SignedUpOwner, name = "CI") {
  const response = await createKey(jsonRequest("/api/keys", { name }, { headers: owner.bearer }));
  expect(response.status).toBe(201);
  return createdApiKeySchema.parse(await response.json());
}

describeEachDatabase("API keys", (db) => {
  let [alice, bob] = [] as SignedUpOwner[];
  beforeAll(async () => ([alice, bob] = await signUpOwners(2)));

  it("creates a cfk_ key shown once and stores only its SHA-256", async () => {
    const created = await mint(alice, "  Zapier  ");
    expect(created.name).toBe("Zapier");
    expect(created.key).toMatch(/^cfk_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    expect(created.prefix).toHaveLength(12);
    const rows = await db().query<Record<string, unknown>>("select * from public.api_keys where id = $1", [created.id]);
    expect(rows[0].key_hash).toBe(createHash("sha256").update(created.key).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(created.key);
  });

  it("lists an owner's keys without secrets, and only theirs", async () => {
    const own = await mint(alice, "listed");
    await mint(bob, "bob's");
    const response = await list(alice.bearer);
    expect(response.status).toBe(200);
    const raw = await response.text();
    expect(raw).not.toContain(own.key);
    expect(raw).not.toContain("key_hash");
    const { keys } = apiKeyListSchema.parse(JSON.parse(raw));
    expect(keys.map((key) => key.name)).toContain("listed");
    expect(keys.map((key) => key.name)).not.toContain("bob's");
    expect(Object.keys(keys[0]).sort()).toEqual(["created_at", "id", "last_used_at", "name", "prefix", "scope"]);
  });

  it("authenticates as its owner and records when it was used", async () => {
    const created = await mint(alice, "used");
    const response = await list({ Authorization: `Bearer ${created.key}` });
    expect(response.status).toBe(200);
    const { keys } = apiKeyListSchema.parse(await response.json());
    const used = keys.find((key) => key.id === created.id);
    expect(used?.last_used_at).not.toBeNull();
  });

  it("is refused at once after revocation", async () => {
    const created = await mint(alice, "revoked");
    const bearer = { Authorization: `Bearer ${created.key}` };
    expect((await list(bearer)).status).toBe(200);
    expect((await revoke(created.id, alice.bearer)).status).toBe(204);
    const refused = await list(bearer);
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await revoke(created.id, alice.bearer)).status).toBe(404);
  });

  it("answers 401 for unknown and malformed keys", async () => {
    const created = await mint(alice, "tampered");
    const tampered = `${created.key.slice(0, -1)}${created.key.endsWith("A") ? "B" : "A"}`;
    for (const key of [tampered, "cfk_", "cfk_short", `${created.key}x`]) {
      expect((await list({ Authorization: `Bearer ${key}` })).status, key).toBe(401);
    }
  });

  it("cannot revoke another owner's key, nor a malformed id", async () => {
    const bobs = await mint(bob, "bob's own");
    expect((await revoke(bobs.id, alice.bearer)).status).toBe(404);
    expect((await list({ Authorization: `Bearer ${bobs.key}` })).status).toBe(200);
    expect((await revoke("not-a-uuid", alice.bearer)).status).toBe(404);
  });

  it("keeps key_hash unreadable to the owner's own role", async () => {
    await expect(
      asOwner({ sub: alice.userId, role: "authenticated" }, (tx) => tx.query("select key_hash from public.api_keys")),
    ).rejects.toThrow(/permission denied/);
  });

  it("validates the name", async () => {
    for (const body of [{}, { name: "   " }, { name: "x".repeat(101) }, { name: 42 }]) {
      const response = await createKey(jsonRequest("/api/keys", body, { headers: alice.bearer }));
      expect(response.status).toBe(400);
      const { error } = (await response.json()) as { error: { code: string; details: { path: string }[] } };
      expect(error.code).toBe("validation_failed");
      expect(error.details[0].path).toBe("name");
    }
  });

  it("caps an owner at MAX_API_KEYS_PER_OWNER keys even when creates race each other", async () => {
    const carol = await signUpOwner();
    const statuses = await Promise.all(
      Array.from({ length: MAX_API_KEYS_PER_OWNER + 5 }, (_, index) =>
        createKey(jsonRequest("/api/keys", { name: `race ${index}` }, { headers: carol.bearer })).then(
          (response) => response.status,
        ),
      ),
    );
    expect(statuses.filter((status) => status === 201)).toHaveLength(MAX_API_KEYS_PER_OWNER);
    expect(statuses.filter((status) => status === 409)).toHaveLength(5);
    const [{ count }] = await db().query<{ count: number }>(
      "select count(*)::int as count from api_keys where user_id = $1",
      [carol.userId],
    );
    expect(count).toBe(MAX_API_KEYS_PER_OWNER);
  });

  it("requires credentials", async () => {
    const response = await createKey(jsonRequest("/api/keys", { name: "anonymous" }));
    expect(response.status).toBe(401);
  });
});
