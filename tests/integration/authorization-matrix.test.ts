import { randomUUID } from "node:crypto";
import { SignJWT, UnsecuredJWT } from "jose";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, describe, expect, it } from "vitest";
import type { Endpoint } from "@/lib/api/endpoint";
import { signBuiltinToken } from "@/lib/auth/builtin/tokens";
import { scopeNeeded } from "@/lib/auth/scopes";
import { asOwner, asVisitor } from "@/lib/db";
import { type ErrorCode, sqlState } from "@/lib/errors";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { serverActions } from "@/lib/server-actions";
import { routesOnDisk, type ServedRoute } from "../support/api-routes";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { insertChatbotWithTraffic, insertOwner, insertProfile, type TestOwner } from "../support/owners";

// Who may do what, as data: every API route against every kind of credential, and every server
// action against every kind of session cookie. A route or action added without a row here fails
// the suite, so nobody ships an endpoint whose access was never stated.

/** The credentials a request can carry, from nothing to the owner's own. */
const CREDENTIALS = [
  "none",
  "malformed",
  "expired token",
  "forged token",
  "alg none",
  "revoked API key",
  "other owner's token",
  "other owner's API key",
  "other owner's read API key",
  "owner's cookie",
  "owner's token",
  "owner's API key",
  "owner's read API key",
] as const;
type Credential = (typeof CREDENTIALS)[number];

const ANONYMOUS: readonly Credential[] = [
  "none",
  "malformed",
  "expired token",
  "forged token",
  "alg none",
  "revoked API key",
];
const OTHER_OWNER: readonly Credential[] = [
  "other owner's token",
  "other owner's API key",
  "other owner's read API key",
];
/** Keys with the read scope: any operation but a GET that reads who calls is 403 insufficient_scope. */
const READ_KEYS: readonly Credential[] = ["owner's read API key", "other owner's read API key"];

/** Owner A's things, which every row aims at. */
interface Fixture {
  chatbotId: string;
  slug: string;
  messageId: string;
  apiKeyId: string;
  knowledgeId: string;
  /** One of the owner's webhook endpoints, at an address the server refuses to reach (no traffic leaves). */
  webhookId: string;
  /** The inbox's id of a conversation with the owner's bot (the actions' rows). */
  conversationId?: string;
  /** The owner's password (the actions that check one). */
  ownerPassword?: string;
}

interface Call {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An MCP client's first question, with the Accept header the Streamable HTTP transport requires. */
const MCP_TOOLS_LIST = {
  body: { jsonrpc: "2.0", id: 1, method: "tools/list" },
  headers: { accept: "application/json, text/event-stream" },
};

/**
 * One route's row. `anyone`: what every credential gets (the route doesn't depend on who calls).
 * Otherwise `owner` is the owner's status, `other` another owner's (a status, or "not theirs": a
 * 2xx list that holds none of the owner's things), and anonymous credentials get 401.
 */
type Row = {
  call(fixture: Fixture): Call | Promise<Call>;
  /** Credentials answered otherwise than their group (an API key where a password is needed). */
  except?: Partial<Record<Credential, number>>;
} & ({ anyone: number } | { owner: number; other: number | "not theirs" });

const NIL_UUID = "00000000-0000-4000-8000-000000000000";

/** https, so creating it passes; localhost, so ALLOW_PRIVATE_NETWORK_FETCH being off refuses every delivery. */
const UNREACHABLE_HOOK = "https://localhost:9/matrix";

function makeRows(owner: () => SignedUpOwner): Record<string, Row> {
  const createOwnChatbot = async () => {
    const { POST } = await import("@/app/api/chatbots/route");
    const response = await POST(
      jsonRequest(
        "/api/chatbots",
        { name: "Doomed", public_url_slug: `doomed-${randomUUID().slice(0, 8)}` },
        {
          headers: owner().bearer,
        },
      ),
    );
    return ((await response.json()) as { id: string }).id;
  };
  const createOwnKnowledge = async () => {
    const { POST } = await import("@/app/api/knowledge/route");
    const response = await POST(
      jsonRequest("/api/knowledge", { kind: "note", title: "Doomed", body: "Gone soon." }, { headers: owner().bearer }),
    );
    return ((await response.json()) as { id: string }).id;
  };
  const createOwnKey = async () => {
    const { POST } = await import("@/app/api/keys/route");
    const response = await POST(jsonRequest("/api/keys", { name: "Doomed key" }, { headers: owner().bearer }));
    return ((await response.json()) as { id: string }).id;
  };
  // The one spare endpoint the DELETE row aims at, made again once deleted (an owner has at most 10).
  const spareOwnWebhook = async () => {
    const { GET, POST } = await import("@/app/api/webhooks/route");
    const listed = await GET(new Request(`${TEST_ORIGIN}/api/webhooks`, { headers: owner().bearer }));
    const { webhooks } = (await listed.json()) as { webhooks: { id: string; description: string }[] };
    const spare = webhooks.find((webhook) => webhook.description === "Doomed");
    if (spare) return spare.id;
    const body = { url: UNREACHABLE_HOOK, events: ["message.created"], description: "Doomed" };
    const response = await POST(jsonRequest("/api/webhooks", body, { headers: owner().bearer }));
    return ((await response.json()) as { id: string }).id;
  };
  // A block to lift: the owner's visitor block of the fixture's conversation (made again once lifted).
  const ownBlock = async (conversationId: string) => {
    const { POST } = await import("@/app/api/conversations/[id]/blocks/route");
    const request = jsonRequest(
      `/api/conversations/${conversationId}/blocks`,
      { scope: "visitor" },
      {
        headers: owner().bearer,
      },
    );
    const response = await POST(request, { params: Promise.resolve({ id: conversationId }) });
    const { blocks } = (await response.json()) as { blocks: { id: string; scope: string }[] };
    return blocks.find((block) => block.scope === "visitor")?.id ?? NIL_UUID;
  };
  const conversation = ({ conversationId }: Fixture) => conversationId ?? NIL_UUID;
  return {
    // Issue 22's parity operations: the inbox's conversations, replies and blocks.
    "GET /api/conversations": { call: () => ({ path: "/api/conversations" }), owner: 200, other: "not theirs" },
    "GET /api/conversations/{id}": {
      call: (fixture) => ({ path: `/api/conversations/${conversation(fixture)}` }),
      owner: 200,
      other: 404,
    },
    "PATCH /api/conversations/{id}": {
      call: (fixture) => ({ path: `/api/conversations/${conversation(fixture)}`, body: { is_read: true } }),
      owner: 200,
      other: 404,
    },
    "POST /api/conversations/{id}/replies": {
      call: (fixture) => ({ path: `/api/conversations/${conversation(fixture)}/replies`, body: { body: "Matrix" } }),
      owner: 201,
      other: 404,
    },
    // Blocking twice is one block: every owner credential answers 201 with the same one.
    "POST /api/conversations/{id}/blocks": {
      call: (fixture) => ({ path: `/api/conversations/${conversation(fixture)}/blocks`, body: { scope: "visitor" } }),
      owner: 201,
      other: 404,
    },
    "GET /api/blocks": { call: () => ({ path: "/api/blocks" }), owner: 200, other: "not theirs" },
    "DELETE /api/blocks/{id}": {
      call: async (fixture) => ({ path: `/api/blocks/${await ownBlock(conversation(fixture))}` }),
      owner: 204,
      other: 404,
    },
    // The questions queue acts on the caller's own queue and knowledge only.
    "GET /api/questions": { call: () => ({ path: "/api/questions" }), owner: 200, other: "not theirs" },
    "POST /api/questions/answer": {
      call: () => ({ path: "/api/questions/answer", body: { questions: ["Matrix?"], answer: "Yes." } }),
      owner: 200,
      other: 200,
    },
    "POST /api/questions/dismiss": {
      call: () => ({ path: "/api/questions/dismiss", body: { questions: ["Matrix?"] } }),
      owner: 200,
      other: 200,
    },
    "POST /api/messages/{id}/improve": {
      call: ({ messageId }) => ({ path: `/api/messages/${messageId}/improve`, body: { answer: "Better." } }),
      owner: 200,
      other: 404,
    },
    "GET /api/chatbots/{id}/analytics": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}/analytics?days=7` }),
      owner: 200,
      other: 404,
    },
    // The caller's own settings: another owner only ever reads and changes theirs.
    "GET /api/notifications/settings": {
      call: () => ({ path: "/api/notifications/settings" }),
      owner: 200,
      other: "not theirs",
    },
    "PUT /api/notifications/settings": {
      call: () => ({
        path: "/api/notifications/settings",
        body: { unanswered_questions: "off", contacts: "off", weekly_summary: true, timezone: "UTC" },
      }),
      owner: 200,
      other: 200,
    },
    // Public: the body is refused the same way whoever sends it.
    "POST /api/auth/signup": { call: () => ({ path: "/api/auth/signup", body: {} }), anyone: 400 },
    "POST /api/auth/token": { call: () => ({ path: "/api/auth/token", body: {} }), anyone: 400 },
    // Signing out answers 204 to anyone; whose session ends is tested in auth-security.
    "POST /api/auth/logout": { call: () => ({ path: "/api/auth/logout?all=false" }), anyone: 204 },
    "GET /api/health": { call: () => ({ path: "/api/health" }), anyone: 200 },
    "GET /api/openapi.json": { call: () => ({ path: "/api/openapi.json" }), anyone: 200 },
    // The scheduler's route is off without CRON_SECRET (as here); no owner credential opens it.
    "POST /api/jobs/run": { call: () => ({ path: "/api/jobs/run" }), anyone: 404 },
    "GET /api/jobs/run": { call: () => ({ path: "/api/jobs/run" }), anyone: 404 },
    // A public bot answers anyone; credentials that prove nothing make an anonymous visitor.
    "POST /api/chat": {
      call: ({ slug }) => ({
        path: "/api/chat",
        body: { chatbot_slug: slug, visitor_id: `matrix-${randomUUID()}`, message: "Hello" },
      }),
      anyone: 200,
    },
    // The owner's MCP server takes Bearer credentials only; each tool is its operation, whose own
    // row is above and below (tests/integration/mcp-tools.test.ts).
    "POST /api/mcp": {
      call: () => ({ path: "/api/mcp", ...MCP_TOOLS_LIST }),
      owner: 200,
      other: 200,
      except: { "owner's cookie": 403 },
    },
    // A public bot's MCP server answers anyone, as its chat does.
    "POST /api/mcp/bots/{slug}": {
      call: ({ slug }) => ({ path: `/api/mcp/bots/${slug}`, ...MCP_TOOLS_LIST }),
      anyone: 200,
    },
    // The visitor's own endpoints: who they are is the visitor cookie, which no credential here
    // carries, so every caller is a stranger to the answer (feedback and erasure by visitors: visitor-loop.test.ts).
    "POST /api/chat/feedback": {
      call: ({ messageId }) => ({ path: "/api/chat/feedback", body: { message_id: messageId, rating: "up" } }),
      anyone: 404,
    },
    // Details need the visitor cookie of someone who chatted with the bot: no credential here is one.
    "POST /api/chat/contact": {
      call: ({ chatbotId }) => ({
        path: "/api/chat/contact",
        body: { chatbot_id: chatbotId, name: "Matrix", email: "matrix@example.test" },
      }),
      anyone: 404,
    },
    // The caller's own contacts: another owner's list holds none of the owner's.
    "GET /api/contacts": { call: () => ({ path: "/api/contacts" }), owner: 200, other: "not theirs" },
    "GET /api/chat/data": {
      call: ({ chatbotId }) => ({ path: `/api/chat/data?chatbot_id=${chatbotId}` }),
      anyone: 404,
    },
    "DELETE /api/chat/data": {
      call: ({ chatbotId }) => ({ path: `/api/chat/data?chatbot_id=${chatbotId}` }),
      anyone: 204,
    },
    "DELETE /api/chat/links": {
      call: ({ chatbotId }) => ({ path: `/api/chat/links?chatbot_id=${chatbotId}` }),
      anyone: 204,
    },
    "GET /api/keys": { call: () => ({ path: "/api/keys" }), owner: 200, other: "not theirs" },
    // Minting a key needs a password given recently: an API key never qualifies (issue 12, fix 6).
    "POST /api/keys": {
      call: () => ({ path: "/api/keys", body: { name: "Matrix key" } }),
      owner: 201,
      other: 201,
      except: { "owner's API key": 403, "other owner's API key": 403 },
    },
    "GET /api/account/export": { call: () => ({ path: "/api/account/export" }), owner: 200, other: "not theirs" },
    // The browser session's alone: every Bearer credential is 403 session_required (issue 21,
    // finding 4); the cookie reaches the password or typed-email check, wrong on purpose here.
    "POST /api/account/password": {
      call: () => ({ path: "/api/account/password", body: { current_password: "wrong", new_password: "never set" } }),
      owner: 403,
      other: 403,
      except: { "owner's cookie": 400 },
    },
    "POST /api/account/email": {
      call: () => ({ path: "/api/account/email", body: { email: "never@example.test", password: "wrong" } }),
      owner: 403,
      other: 403,
      except: { "owner's cookie": 400 },
    },
    "DELETE /api/account": {
      call: () => ({ path: "/api/account", body: { email: "nobody@example.test" } }),
      owner: 403,
      other: 403,
      except: { "owner's cookie": 400 },
    },
    "DELETE /api/keys/{id}": {
      call: async () => ({ path: `/api/keys/${await createOwnKey()}` }),
      owner: 204,
      other: 404,
    },
    "GET /api/webhooks": { call: () => ({ path: "/api/webhooks" }), owner: 200, other: "not theirs" },
    "POST /api/webhooks": {
      call: () => ({ path: "/api/webhooks", body: { url: UNREACHABLE_HOOK, events: ["message.created"] } }),
      owner: 201,
      other: 201,
    },
    "DELETE /api/webhooks/{id}": {
      call: async () => ({ path: `/api/webhooks/${await spareOwnWebhook()}` }),
      owner: 204,
      other: 404,
    },
    // The owner's test is sent and refused at the address check (200, ok: false): nothing leaves.
    "POST /api/webhooks/{id}/test": {
      call: ({ webhookId }) => ({ path: `/api/webhooks/${webhookId}/test` }),
      owner: 200,
      other: 404,
    },
    "GET /api/webhooks/{id}/deliveries": {
      call: ({ webhookId }) => ({ path: `/api/webhooks/${webhookId}/deliveries` }),
      owner: 200,
      other: 404,
    },
    "GET /api/profile": { call: () => ({ path: "/api/profile" }), owner: 200, other: "not theirs" },
    "PUT /api/profile": {
      call: () => ({
        path: "/api/profile",
        body: { name: "Matrix", bio: "B", skills: "S", experience: "E", interests: "I" },
      }),
      owner: 200,
      other: 200,
    },
    "GET /api/knowledge": { call: () => ({ path: "/api/knowledge" }), owner: 200, other: "not theirs" },
    "POST /api/knowledge": {
      call: () => ({ path: "/api/knowledge", body: { kind: "note", title: "Matrix", body: "A note." } }),
      owner: 201,
      other: 201,
    },
    // A JSON body where a form is expected: refused alike for both owners (the upload itself,
    // and who sees it, is tested in knowledge-documents.test.ts).
    "POST /api/knowledge/documents": {
      call: () => ({ path: "/api/knowledge/documents", body: { file: "cv.pdf" } }),
      owner: 415,
      other: 415,
    },
    // Private addresses are refused (ALLOW_PRIVATE_NETWORK_FETCH is off), before any connection.
    "POST /api/knowledge/web": {
      call: () => ({ path: "/api/knowledge/web", body: { url: "http://127.0.0.1:9/" } }),
      owner: 400,
      other: 400,
    },
    "GET /api/knowledge/{id}": {
      call: ({ knowledgeId }) => ({ path: `/api/knowledge/${knowledgeId}` }),
      owner: 200,
      other: 404,
    },
    "PUT /api/knowledge/{id}": {
      call: ({ knowledgeId }) => ({
        path: `/api/knowledge/${knowledgeId}`,
        body: { kind: "note", title: "Matrix", body: "Changed." },
      }),
      owner: 200,
      other: 404,
    },
    "DELETE /api/knowledge/{id}": {
      call: async () => ({ path: `/api/knowledge/${await createOwnKnowledge()}` }),
      owner: 204,
      other: 404,
    },
    "GET /api/chatbots": { call: () => ({ path: "/api/chatbots" }), owner: 200, other: "not theirs" },
    "POST /api/chatbots": {
      call: () => ({ path: "/api/chatbots", body: { name: "Matrix bot" } }),
      owner: 201,
      other: 201,
    },
    "GET /api/chatbots/{id}": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}` }),
      owner: 200,
      other: 404,
    },
    "PATCH /api/chatbots/{id}": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}`, body: { description: "Patched" } }),
      owner: 200,
      other: 404,
    },
    "GET /api/chatbots/{id}/knowledge": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}/knowledge` }),
      owner: 200,
      other: 404,
    },
    // The subset is kept while the scope is all, so the bot's answers elsewhere in the matrix don't change.
    "PUT /api/chatbots/{id}/knowledge": {
      call: ({ chatbotId, knowledgeId }) => ({
        path: `/api/chatbots/${chatbotId}/knowledge`,
        body: { scope: "all", item_ids: [knowledgeId] },
      }),
      owner: 200,
      other: 404,
    },
    "DELETE /api/chatbots/{id}": {
      call: async () => ({ path: `/api/chatbots/${await createOwnChatbot()}` }),
      owner: 204,
      other: 404,
    },
    "GET /api/chatbots/{id}/messages": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}/messages` }),
      owner: 200,
      other: 404,
    },
    "GET /api/chatbots/{id}/messages/export": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}/messages/export?format=csv` }),
      owner: 200,
      other: 404,
    },
    "GET /api/chatbots/{id}/visitors": {
      call: ({ chatbotId }) => ({ path: `/api/chatbots/${chatbotId}/visitors` }),
      owner: 200,
      other: 404,
    },
    "PATCH /api/messages/{id}": {
      call: ({ messageId }) => ({ path: `/api/messages/${messageId}`, body: { is_read: true } }),
      owner: 200,
      other: 404,
    },
  };
}

/**
 * What a credential gets from a route. A read key is held to its scope before anything else on
 * every operation that reads credentials (auth required or optional); one declared `auth: "none"`
 * never looks at them, so there a read key is nobody, as any other credential is.
 */
function expected(row: Row, credential: Credential, endpoint: Endpoint | undefined): number | "not theirs" {
  if (READ_KEYS.includes(credential) && endpoint && endpoint.auth !== "none" && scopeNeeded(endpoint) === "write") {
    return 403;
  }
  // Otherwise a read key answers as a write key of the same owner would.
  const asWriteKey = credential.replace(" read API key", " API key") as Credential;
  const exception = row.except?.[credential] ?? row.except?.[asWriteKey];
  if (exception !== undefined) return exception;
  if ("anyone" in row) return row.anyone;
  if (ANONYMOUS.includes(credential)) return 401;
  if (OTHER_OWNER.includes(credential)) return row.other;
  return row.owner;
}

const sidOf = (token: string) =>
  (JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString()) as { sid: string }).sid;

describe("the authorization matrix", () => {
  it("has a row for every API route the app serves, and none for a route that doesn't exist", async () => {
    const served = (await routesOnDisk()).map((route) => route.route).sort();
    const rows = Object.keys(makeRows(() => ({}) as SignedUpOwner)).sort();
    expect(rows).toEqual(served);
  });
});

describeEachDatabase("every API route x every credential", (db) => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let fixture: Fixture;
  let routes: ServedRoute[];
  const headers = {} as Record<Credential, Record<string, string>>;

  async function send(handler: ServedRoute, method: string, call: Call, extra: Record<string, string>) {
    const request = new Request(`${TEST_ORIGIN}${call.path}`, {
      method,
      headers: {
        ...(call.body === undefined ? {} : { "content-type": "application/json" }),
        ...call.headers,
        ...extra,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const id = /\/api\/(?:chatbots|keys|messages|knowledge|webhooks|conversations|blocks)\/([^/?]+)/.exec(
      call.path,
    )?.[1];
    const slug = /\/api\/mcp\/bots\/([^/?]+)/.exec(call.path)?.[1];
    const serve = handler.handler as (request: Request, segment: { params: Promise<object> }) => Promise<Response>;
    return serve(request, { params: Promise.resolve(id ? { id } : slug ? { slug } : {}) });
  }

  beforeAll(async () => {
    // Signing out ends the owner's sessions for the rows after it: it goes last.
    const signOut = "POST /api/auth/logout";
    routes = (await routesOnDisk()).sort((a, b) => Number(a.route === signOut) - Number(b.route === signOut));
    owner = await signUpOwner();
    other = await signUpOwner();
    const { POST: createChatbot } = await import("@/app/api/chatbots/route");
    const { POST: createKey } = await import("@/app/api/keys/route");
    const { DELETE: deleteKey } = await import("@/app/api/keys/[id]/route");
    const { POST: chat } = await import("@/app/api/chat/route");
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    for (const who of [owner, other]) {
      const profile = { name: `Profile of ${who.userId}`, bio: "B", skills: "S", experience: "E", interests: "I" };
      await putProfile(jsonRequest("/api/profile", profile, { method: "PUT", headers: who.bearer }));
    }
    const bot = (await (
      await createChatbot(jsonRequest("/api/chatbots", { name: "Matrix target" }, { headers: owner.bearer }))
    ).json()) as { id: string; public_url_slug: string };
    const turn = (await (
      await chat(jsonRequest("/api/chat", { chatbot_id: bot.id, visitor_id: `matrix-${randomUUID()}`, message: "Hi" }))
    ).json()) as { message_id: string; conversation_id: string };
    const key = async (who: SignedUpOwner, scope?: "read") =>
      (await (
        await createKey(jsonRequest("/api/keys", { name: "Matrix", scope }, { headers: who.bearer }))
      ).json()) as {
        id: string;
        key: string;
      };
    const ownerKey = await key(owner);
    const otherKey = await key(other);
    const ownerReadKey = await key(owner, "read");
    const otherReadKey = await key(other, "read");
    const revoked = await key(owner);
    await deleteKey(new Request(`${TEST_ORIGIN}/api/keys/${revoked.id}`, { method: "DELETE", headers: owner.bearer }), {
      params: Promise.resolve({ id: revoked.id }),
    });
    const { POST: createKnowledge } = await import("@/app/api/knowledge/route");
    const note = (await (
      await createKnowledge(
        jsonRequest(
          "/api/knowledge",
          { kind: "note", title: "Owner's note", body: "Private." },
          { headers: owner.bearer },
        ),
      )
    ).json()) as { id: string };
    const { POST: createWebhook } = await import("@/app/api/webhooks/route");
    const webhook = (await (
      await createWebhook(
        jsonRequest("/api/webhooks", { url: UNREACHABLE_HOOK, events: ["message.created"] }, { headers: owner.bearer }),
      )
    ).json()) as { id: string };
    const [conversation] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [bot.id, turn.conversation_id],
    );
    fixture = {
      chatbotId: bot.id,
      slug: bot.public_url_slug,
      messageId: turn.message_id,
      apiKeyId: ownerKey.id,
      knowledgeId: note.id,
      webhookId: webhook.id,
      conversationId: conversation.id,
    };

    const claims = { email: owner.email, role: "authenticated", sid: sidOf(owner.accessToken), typ: "access" };
    const forged = await new SignJWT(claims)
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(owner.userId)
      .setIssuer("chatfolio")
      .setAudience("authenticated")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-server-secret-not-the-server-secret"));
    const unsigned = new UnsecuredJWT(claims)
      .setSubject(owner.userId)
      .setIssuer("chatfolio")
      .setAudience("authenticated")
      .setIssuedAt()
      .setExpirationTime("1h")
      .encode();
    const expired = await signBuiltinToken(
      { sub: owner.userId, email: owner.email, sid: sidOf(owner.accessToken), typ: "access" },
      new Date(Date.now() - 60_000),
    );
    const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
    Object.assign(headers, {
      none: {},
      malformed: { authorization: "Bearer" },
      "expired token": bearer(expired),
      "forged token": bearer(forged),
      "alg none": bearer(unsigned),
      "revoked API key": bearer(revoked.key),
      "other owner's token": other.bearer,
      "other owner's API key": bearer(otherKey.key),
      "other owner's read API key": bearer(otherReadKey.key),
      "owner's cookie": { cookie: owner.cookie, origin: TEST_ORIGIN },
      "owner's token": owner.bearer,
      "owner's API key": bearer(ownerKey.key),
      "owner's read API key": bearer(ownerReadKey.key),
    } satisfies Record<Credential, Record<string, string>>);
  });

  it("answers each credential as its row says", async () => {
    const rows = makeRows(() => owner);
    const mismatches: string[] = [];
    for (const served of routes) {
      const row = rows[served.route];
      for (const credential of CREDENTIALS) {
        const call = await row.call(fixture);
        const response = await send(served, served.method, call, headers[credential]);
        const want = expected(row, credential, served.handler.endpoint);
        const text = await response.text();
        if (READ_KEYS.includes(credential) && want === 403 && !text.includes('"insufficient_scope"')) {
          mismatches.push(`${served.route} with ${credential}: 403 without insufficient_scope ${text.slice(0, 120)}`);
        }
        if (want === "not theirs") {
          const leaked =
            response.status !== 200 ||
            [fixture.chatbotId, fixture.apiKeyId, owner.userId].some((id) => text.includes(id));
          if (leaked) mismatches.push(`${served.route} with ${credential}: ${response.status} ${text.slice(0, 120)}`);
        } else if (response.status !== want) {
          mismatches.push(
            `${served.route} with ${credential}: wanted ${want}, got ${response.status} ${text.slice(0, 120)}`,
          );
        }
        if (response.status === 401 && !response.headers.get("www-authenticate")) {
          mismatches.push(`${served.route} with ${credential}: 401 without WWW-Authenticate`);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/** The cookies a server action's request can carry. */
const ACTION_COOKIES = [
  "no cookie",
  "malformed",
  "expired",
  "forged",
  "another owner's cookie",
  "owner's cookie",
] as const;
type ActionCookie = (typeof ACTION_COOKIES)[number];

/** What an action came to: its form state's status or error code, or a redirect. */
type ActionOutcome = "success" | "redirect" | ErrorCode;

/**
 * One action's row, like the routes': `anyone` when the caller doesn't matter; otherwise the
 * owner's outcome, another owner's, and "unauthorized" for every cookie that proves nothing.
 */
type ActionRow = { input(fixture: Fixture): Record<string, unknown> } & (
  | { anyone: ActionOutcome }
  | { owner: ActionOutcome; other: ActionOutcome }
);

const ACTION_ROWS: Record<string, ActionRow> = {
  // Both act on the caller's own queue and knowledge only.
  "questions.answer": { input: () => ({ questions: "Matrix?", answer: "Yes." }), owner: "success", other: "success" },
  "questions.dismiss": { input: () => ({ questions: "Matrix?" }), owner: "success", other: "success" },
  // A turn of another owner's bot reads as one that doesn't exist.
  "questions.improveAnswer": {
    input: ({ messageId }) => ({ message_id: messageId, answer: "Better." }),
    owner: "success",
    other: "not_found",
  },
  "knowledge.addQuestionAndAnswer": {
    input: () => ({ question: "Matrix?", answer: "Yes." }),
    owner: "success",
    // Adds to the caller's own knowledge: another owner only ever adds to theirs.
    other: "success",
  },
  "knowledge.addNote": { input: () => ({ title: "Matrix", body: "A note." }), owner: "success", other: "success" },
  // No file: refused the same way for everyone signed in.
  "knowledge.uploadDocument": { input: () => ({}), owner: "validation_failed", other: "validation_failed" },
  "knowledge.importWebPage": { input: () => ({}), owner: "validation_failed", other: "validation_failed" },
  "knowledge.delete": { input: () => ({ id: NIL_UUID }), owner: "not_found", other: "not_found" },
  // The caller's own settings: another owner only ever changes theirs.
  "notifications.save": {
    input: () => ({ unanswered_questions: "off", contacts: "off", weekly_summary: "on", timezone: "UTC" }),
    owner: "success",
    other: "success",
  },
  "auth.signIn": { input: () => ({}), anyone: "validation_failed" },
  "auth.signUp": { input: () => ({}), anyone: "validation_failed" },
  // Signing out ends whatever session the cookie names (none for a bad one) and goes to /login.
  "auth.signOut": { input: () => ({}), anyone: "redirect" },
  "profile.save": {
    input: () => ({ name: "Matrix", bio: "B", skills: "S", experience: "E", interests: "I" }),
    owner: "success",
    // Saves the caller's own profile: another owner can only ever write theirs.
    other: "success",
  },
  "chatbots.create": { input: () => ({ name: "Matrix action bot" }), owner: "redirect", other: "redirect" },
  "chatbots.update": {
    input: ({ chatbotId }) => ({ id: chatbotId, patch: { description: "Changed" } }),
    owner: "success",
    other: "not_found",
  },
  "chatbots.delete": {
    // The wrong name: the owner is asked to type it (the bot survives for the other rows); another
    // owner never learns the bot exists.
    input: ({ chatbotId }) => ({ id: chatbotId, confirm_name: "not its name" }),
    owner: "validation_failed",
    other: "not_found",
  },
  "chatbots.setKnowledge": {
    input: ({ chatbotId, knowledgeId }) => ({ id: chatbotId, scope: "all", item_ids: knowledgeId }),
    owner: "success",
    other: "not_found",
  },
  "chatbots.checkSlug": {
    input: ({ slug, chatbotId }) => ({ slug, chatbot_id: chatbotId }),
    owner: "success",
    other: "success",
  },
  // A conversation id nobody owns is refused for every owner; the owner's own are in inbox.test.ts.
  "inbox.markConversations": {
    input: () => ({ ids: [NIL_UUID], is_read: true }),
    owner: "not_found",
    other: "not_found",
  },
  "inbox.changes": { input: () => ({}), owner: "success", other: "success" },
  // Replying checks the conversation's bot is the caller's: another owner never learns it exists.
  "inbox.reply": {
    input: ({ conversationId }) => ({ conversation: conversationId, body: "Matrix reply" }),
    owner: "success",
    other: "not_found",
  },
  "inbox.block": {
    input: ({ conversationId }) => ({ conversation: conversationId, scope: "visitor" }),
    owner: "success",
    other: "not_found",
  },
  "inbox.unblock": { input: () => ({ id: NIL_UUID }), owner: "not_found", other: "not_found" },
  // The session cookie from sign-up has just given the password, so it may mint.
  "keys.create": { input: () => ({ name: "Matrix", scope: "write" }), owner: "success", other: "success" },
  "keys.revoke": { input: ({ apiKeyId }) => ({ id: apiKeyId }), owner: "success", other: "not_found" },
  "webhooks.create": {
    input: () => ({ url: UNREACHABLE_HOOK, events: ["message.created"] }),
    owner: "success",
    other: "success",
  },
  // Sent and refused at the address check (success, ok: false): nothing leaves. Before the delete below.
  "webhooks.test": { input: ({ webhookId }) => ({ id: webhookId }), owner: "success", other: "not_found" },
  "webhooks.delete": { input: ({ webhookId }) => ({ id: webhookId }), owner: "success", other: "not_found" },
  // The owner's password: right for the owner, wrong for anyone else.
  "account.confirmPassword": {
    input: ({ ownerPassword }) => ({ password: ownerPassword }),
    owner: "success",
    other: "validation_failed",
  },
  "account.changePassword": {
    input: ({ ownerPassword }) => ({ current_password: ownerPassword, new_password: ownerPassword }),
    owner: "success",
    other: "validation_failed",
  },
  "account.changeEmail": {
    input: ({ ownerPassword }) => ({
      email: `moved-${randomUUID().slice(0, 8)}@example.test`,
      password: ownerPassword,
    }),
    owner: "success",
    other: "validation_failed",
  },
  // Typed confirmation that is nobody's email: refused for everyone signed in (deletion itself: account.test).
  "account.delete": {
    input: () => ({ email: "nobody@example.test" }),
    owner: "validation_failed",
    other: "validation_failed",
  },
  // Ends the caller's own sessions: it goes last, with auth.signOut.
  "account.signOutEverywhere": { input: () => ({}), owner: "redirect", other: "redirect" },
  "auth.forgotPassword": { input: () => ({}), anyone: "validation_failed" },
  "auth.resetPassword": {
    input: () => ({ token: "no-such-token", password: "long enough" }),
    anyone: "validation_failed",
  },
  "account.confirmEmail": { input: () => ({ token: "no-such-token" }), anyone: "not_found" },
};

function expectedOfAction(row: ActionRow, cookie: ActionCookie): ActionOutcome {
  if ("anyone" in row) return row.anyone;
  if (cookie === "owner's cookie") return row.owner;
  if (cookie === "another owner's cookie") return row.other;
  return "unauthorized";
}

describe("the server actions' authorization matrix", () => {
  it("has a row for every registered action, and none for an action that doesn't exist", () => {
    expect(Object.keys(ACTION_ROWS).sort()).toEqual(serverActions.map((action) => action.options.name).sort());
  });
});

describeEachDatabase("every server action x every cookie", (db) => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let fixture: Fixture;
  const cookies = {} as Record<ActionCookie, string | undefined>;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    const { POST: createChatbot } = await import("@/app/api/chatbots/route");
    const bot = (await (
      await createChatbot(jsonRequest("/api/chatbots", { name: "Action target" }, { headers: owner.bearer }))
    ).json()) as { id: string; public_url_slug: string };
    const { POST: createKey } = await import("@/app/api/keys/route");
    const key = (await (
      await createKey(jsonRequest("/api/keys", { name: "Action target" }, { headers: owner.bearer }))
    ).json()) as { id: string };
    const { POST: createWebhook } = await import("@/app/api/webhooks/route");
    const webhook = (await (
      await createWebhook(
        jsonRequest("/api/webhooks", { url: UNREACHABLE_HOOK, events: ["message.created"] }, { headers: owner.bearer }),
      )
    ).json()) as { id: string };
    const { POST: chat } = await import("@/app/api/chat/route");
    const turn = (await (
      await chat(jsonRequest("/api/chat", { chatbot_id: bot.id, visitor_id: `matrix-${randomUUID()}`, message: "Hi" }))
    ).json()) as { conversation_id: string; message_id: string };
    const { POST: addKnowledge } = await import("@/app/api/knowledge/route");
    const note = (await (
      await addKnowledge(
        jsonRequest(
          "/api/knowledge",
          { kind: "note", title: "Action target", body: "A note." },
          { headers: owner.bearer },
        ),
      )
    ).json()) as { id: string };
    const [conversation] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [bot.id, turn.conversation_id],
    );
    fixture = {
      chatbotId: bot.id,
      slug: bot.public_url_slug,
      messageId: turn.message_id,
      apiKeyId: key.id,
      knowledgeId: note.id,
      webhookId: webhook.id,
      conversationId: conversation.id,
      ownerPassword: owner.password,
    };
    const session = /chatfolio_session=([^;]+)/.exec(owner.cookie)?.[1] ?? "";
    const payload = JSON.parse(Buffer.from(session.split(".")[1], "base64url").toString()) as { sid: string };
    const expired = await signBuiltinToken(
      { sub: owner.userId, email: owner.email, sid: payload.sid, typ: "session" },
      new Date(Date.now() - 60_000),
    );
    const forged = await new SignJWT({ email: owner.email, role: "authenticated", sid: payload.sid, typ: "session" })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject(owner.userId)
      .setIssuer("chatfolio")
      .setAudience("authenticated")
      .setIssuedAt()
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode("not-the-server-secret-not-the-server-secret"));
    Object.assign(cookies, {
      "no cookie": undefined,
      malformed: "chatfolio_session=not-a-session",
      expired: `chatfolio_session=${expired}`,
      forged: `chatfolio_session=${forged}`,
      "another owner's cookie": other.cookie,
      "owner's cookie": owner.cookie,
    } satisfies Record<ActionCookie, string | undefined>);
  });

  it("answers each cookie as its row says", async () => {
    const mismatches: string[] = [];
    // Signing out ends the owner's session for the actions after it: those go last.
    const last = ["account.signOutEverywhere", "auth.signOut"];
    const ordered = [...serverActions].sort((a, b) => last.indexOf(a.options.name) - last.indexOf(b.options.name));
    for (const registered of ordered) {
      const row = ACTION_ROWS[registered.options.name];
      for (const cookie of ACTION_COOKIES) {
        const request = new Request(`${TEST_ORIGIN}/dashboard`, {
          method: "POST",
          headers: { origin: TEST_ORIGIN, ...(cookies[cookie] ? { cookie: cookies[cookie] } : {}) },
        });
        const { result, thrown } = await runWithRequestForTests(request, () =>
          registered(idleFormState as never, row.input(fixture)),
        );
        const state = result as FormState<unknown> | undefined;
        const outcome: ActionOutcome | string = isRedirectError(thrown)
          ? "redirect"
          : state?.status === "success"
            ? "success"
            : state?.status === "error"
              ? state.code
              : `threw ${String(thrown)}`;
        const want = expectedOfAction(row, cookie);
        if (outcome !== want)
          mismatches.push(`${registered.options.name} with ${cookie}: wanted ${want}, got ${outcome}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

/**
 * Functions anon may execute, each reviewed as safe to call with anything: a visitor's session
 * can call them directly (on Supabase, through its REST API). A new one fails the suite until it
 * is reviewed and listed here.
 */
const ANON_FUNCTIONS = [
  "private.chatbot_page",
  "private.forget_visitor",
  "private.keep_visitor_link_key",
  "private.revoke_visitor_links",
  "private.visitor_contact",
  "private.visitor_conversation",
  "private.visitor_data",
  "private.visitor_feedback",
  "private.visitor_link_kept",
];

/** Hostile values for an argument of this type: nonsense, extremes, injection, other owners' ids. */
function hostileValues(type: string, ids: string[]): unknown[] {
  if (type === "uuid") return [randomUUID(), ...ids];
  if (type === "integer" || type === "bigint" || type === "smallint") return [-1, 0, 2_147_483_647];
  if (type === "boolean") return [true, false];
  if (type === "jsonb" || type === "json") return ['{"limit":-1,"role":"service_role"}', "[]"];
  if (type.startsWith("timestamp")) return ["1970-01-01T00:00:00Z", "9999-12-31T00:00:00Z"];
  return ["'; drop table public.messages; --", "x".repeat(100_000), "\u202e\u{1F600}", "", null];
}

describeEachDatabase("the database alone", (db) => {
  let owner: TestOwner;
  let stranger: TestOwner;
  let traffic: Awaited<ReturnType<typeof insertChatbotWithTraffic>>;
  let tables: string[];

  async function rowCounts(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const table of tables) {
      const [row] = await db().query<{ count: number }>(`select count(*)::int as count from public.${table}`);
      counts[table] = row.count;
    }
    return counts;
  }

  beforeAll(async () => {
    owner = await insertOwner(db());
    stranger = await insertOwner(db());
    await insertProfile(db(), owner, "Owner");
    traffic = await insertChatbotWithTraffic(db(), owner);
    tables = (
      await db().query<{ name: string }>(
        `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`,
      )
    ).map((row) => row.name);
  });

  it("shows another owner none of the owner's rows, and lets no update or delete touch one", async () => {
    const before = await rowCounts();
    // Every owner has rows of their own from sign-up (notification settings): those are theirs to see.
    const strangersOwn = (rows: unknown) =>
      Array.isArray(rows) && rows.every((row) => (row as { user_id?: unknown }).user_id === stranger.id);
    for (const table of tables) {
      const seen = await asOwner(stranger.claims, (tx) =>
        tx.query(`select * from public.${table}`).catch((error: unknown) => sqlState(error)),
      );
      // Either no privilege at all (42501) or rows hidden by RLS: never a row of the owner's.
      expect(seen === "42501" || strangersOwn(seen), table).toBe(true);
      const [column] = await db().query<{ name: string }>(
        `select a.attname as name from pg_attribute a
         where a.attrelid = $1::regclass and a.attnum > 0 and not a.attisdropped
           and has_column_privilege('authenticated', a.attrelid, a.attnum, 'UPDATE') limit 1`,
        [`public.${table}`],
      );
      if (column) {
        const updated = await asOwner(stranger.claims, (tx) =>
          tx.query(`update public.${table} set ${column.name} = ${column.name} returning *`),
        );
        expect(strangersOwn(updated), `update ${table}`).toBe(true);
      }
      const deleted = await asOwner(stranger.claims, (tx) =>
        tx.query(`delete from public.${table} returning 1`).catch((error: unknown) => sqlState(error)),
      );
      expect(deleted === "42501" || (Array.isArray(deleted) && deleted.length === 0), `delete ${table}`).toBe(true);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it("lets anon execute only the reviewed functions, and none of them fails badly on hostile arguments", async () => {
    const functions = await db().query<{ name: string; oid: number; types: string[] }>(
      `select n.nspname || '.' || p.proname as name, p.oid::int as oid,
              coalesce(array(select format_type(t, null) from unnest(p.proargtypes) as t), '{}') as types
       from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname in ('public', 'private') and has_function_privilege('anon', p.oid, 'EXECUTE')
         -- Trigger functions cannot be called directly, by anyone.
         and p.prorettype <> 'trigger'::regtype
       order by 1`,
    );
    expect([...new Set(functions.map((fn) => fn.name))].sort()).toEqual(ANON_FUNCTIONS);

    const before = await rowCounts();
    const ids = [traffic.chatbotId, traffic.visitorId, traffic.messageId, owner.id];
    for (const fn of functions) {
      // Each argument runs through its hostile values while the others keep their first one.
      const choices = fn.types.map((type) => hostileValues(type, ids));
      const calls = choices.flatMap((values, position) =>
        values.map((value) => choices.map((other, index) => (index === position ? value : other[0]))),
      );
      for (const args of calls.length > 0 ? calls : [[]]) {
        const placeholders = args.map((_, index) => `$${index + 1}::${fn.types[index]}`).join(", ");
        const state = await asVisitor((tx) => tx.query(`select * from ${fn.name}(${placeholders})`, args))
          .then(() => null)
          .catch((error: unknown) => sqlState(error) ?? String(error));
        // Refusals are expected (22xxx bad value, 23xxx constraint, P0001 raised, 42501 privilege);
        // an internal error, a crash or a timeout is not.
        expect(state === null || /^(22|23|P0|42501|40001)/.test(state), `${fn.name}(${fn.types}) -> ${state}`).toBe(
          true,
        );
      }
    }
    // The hostile calls may have started turns on the public bot (what a visitor may do), but
    // never touched what the owner wrote or another table's rows.
    const after = await rowCounts();
    for (const table of tables.filter((name) => !["messages", "visitors"].includes(name))) {
      expect(after[table], table).toBe(before[table]);
    }
    const [profile] = await db().query<{ name: string }>("select name from public.profiles where user_id = $1", [
      owner.id,
    ]);
    expect(profile.name).toBe("Owner");
  });
});
