import { beforeAll, expect, it } from "vitest";
import { POST as createChatbot, GET as listChatbots } from "@/app/api/chatbots/route";
import { POST as createKey, GET as listKeys } from "@/app/api/keys/route";
import { createApiKeyAction } from "@/lib/api-keys/actions";
import { apiKeyCaller } from "@/lib/auth/api-keys";
import { scopeAllows, scopeNeeded } from "@/lib/auth/scopes";
import { asService } from "@/lib/db";
import { openConversation } from "@/lib/inbox/use-cases/conversations";
import { ownerMcpEndpoint } from "@/lib/mcp/endpoints";
import { serverActions } from "@/lib/server-actions";
import { callAction } from "../support/actions";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

// Issue 22: an API key is `read` (GET operations only) or `write`. Keys from before scopes, and
// keys created without one, are `write`; the dashboard makes the owner choose. Every route and
// scope is in the authorization matrix; this file holds what the matrix can't say.

const ACTION_INPUT = { name: "x", scope: "write" };

describeEachDatabase("API key scopes", (db) => {
  let owner: SignedUpOwner;
  let readKey: string;

  beforeAll(async () => {
    owner = await signUpOwner();
    const response = await createKey(
      jsonRequest("/api/keys", { name: "reader", scope: "read" }, { headers: owner.bearer }),
    );
    expect(response.status).toBe(201);
    const created = (await response.json()) as { key: string; scope: string };
    expect(created.scope).toBe("read");
    readKey = created.key;
  });

  it("makes a key created without a scope a write key, as every key was before", async () => {
    const response = await createKey(jsonRequest("/api/keys", { name: "old client" }, { headers: owner.bearer }));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ name: "old client", scope: "write" });
    const listed = await listKeys(new Request(`${TEST_ORIGIN}/api/keys`, { headers: owner.bearer }));
    const { keys } = (await listed.json()) as { keys: { name: string; scope: string }[] };
    expect(keys.map(({ name, scope }) => ({ name, scope }))).toEqual([
      { name: "reader", scope: "read" },
      { name: "old client", scope: "write" },
    ]);
  });

  it("gives a stored key without a scope (a key from before the migration) the write scope", async () => {
    const [row] = await asService((tx) =>
      tx.query<{ scope: string }>(
        `insert into public.api_keys (user_id, name, prefix, key_hash)
         values ($1, 'legacy', 'cfk_legacy', repeat('a', 64)) returning scope`,
        [owner.userId],
      ),
    );
    expect(row.scope).toBe("write");
    await db().query("delete from public.api_keys where key_hash = repeat('a', 64)");
  });

  it("refuses an unknown scope with 400", async () => {
    const response = await createKey(
      jsonRequest("/api/keys", { name: "x", scope: "admin" }, { headers: owner.bearer }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "validation_failed", details: [{ path: "scope" }] } });
  });

  it("lets a read key read, and refuses its writes with 403 insufficient_scope before anything changes", async () => {
    const bearer = { Authorization: `Bearer ${readKey}` };
    expect((await listChatbots(new Request(`${TEST_ORIGIN}/api/chatbots`, { headers: bearer }))).status).toBe(200);
    const refused = await createChatbot(jsonRequest("/api/chatbots", { name: "Never" }, { headers: bearer }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: "insufficient_scope" } });
    const [{ count }] = await db().query<{ count: number }>(
      "select count(*)::int as count from public.chatbots where user_id = $1",
      [owner.userId],
    );
    expect(count).toBe(0);
  });

  it("lets a read key sent to a server action reach none of them", async () => {
    for (const registered of serverActions) {
      const { state } = await callAction(registered as never, ACTION_INPUT, undefined, {
        Authorization: `Bearer ${readKey}`,
      });
      expect(state, registered.options.name).toMatchObject({ status: "error", code: "insufficient_scope" });
    }
  });

  it("lets a read key open a conversation's page (pages take Bearer credentials too) without marking it read", async () => {
    const bot = await insertBotWithProfile(db(), { id: owner.userId });
    const turn = (await (
      await postChat({ chatbot_id: bot.id, visitor_id: "scoped-visitor", message: "Hi" })
    ).json()) as {
      conversation_id: string;
    };
    const [{ id }] = await db().query<{ id: string }>(
      "select id from public.conversations where conversation_id = $1",
      [turn.conversation_id],
    );
    const reader = await apiKeyCaller(readKey);
    if (!reader) throw new Error("the read key no longer proves its owner");
    const opened = await openConversation(reader, { id, markRead: true });
    expect(opened?.conversation.unread_count).toBe(1);
    const [{ unread }] = await db().query<{ unread: number }>(
      "select unread_count as unread from public.conversations where id = $1",
      [id],
    );
    expect(unread).toBe(1);
  });

  it("makes the dashboard's form choose a scope", async () => {
    const { state } = await callAction(createApiKeyAction, { name: "unchosen" }, owner.cookie);
    expect(state).toMatchObject({
      status: "error",
      code: "validation_failed",
      fieldErrors: { scope: expect.any(String) },
    });
    const chosen = await callAction(createApiKeyAction, { name: "chosen", scope: "read" }, owner.cookie);
    expect(chosen.state).toMatchObject({ status: "success", data: { name: "chosen", scope: "read" } });
  });
});

it("tells the MCP server and every wrapper the same rule", () => {
  const key = (scope?: "read" | "write") =>
    ({
      userId: "u",
      email: "e",
      claims: { sub: "u", email: "e", role: "authenticated" },
      via: "api_key",
      scope,
    }) as const;
  expect(scopeAllows(key("read"), scopeNeeded({ method: "get" }))).toBe(true);
  for (const method of ["post", "put", "patch", "delete"] as const) {
    const needed = scopeNeeded({ method });
    expect(scopeAllows(key("read"), needed)).toBe(false);
    expect(scopeAllows(key("write"), needed)).toBe(true);
    // A key whose scope is unknown is held to reading (fail closed).
    expect(scopeAllows(key(), needed)).toBe(false);
    expect(scopeAllows({ ...key(), via: "token" }, needed)).toBe(true);
  }
  // The owner's MCP server is a POST any key may call; each tool is held to its own operation's scope.
  expect(scopeAllows(key("read"), scopeNeeded(ownerMcpEndpoint))).toBe(true);
});
