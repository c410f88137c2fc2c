import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { routesOnDisk, type ServedRoute } from "../support/api-routes";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// Property-based fuzzing of every API route through its real handler and database: whatever
// arrives (wrong types, huge and deep values, NUL, lone surrogates, RTL marks, emoji, injection
// strings, duplicate keys, wrong content types, odd ids and query strings), the answer is a 2xx
// or a 4xx with the JSON error body, and text that is accepted comes back as sent.

const RUNS_PER_ROUTE = 60;

const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.constantFrom(
    "\u0000",
    "a\u0000b",
    "\ud800",
    "x\udfffy",
    "\u202eevil\u202c",
    "\u200f\u05e9\u05dc\u05d5\u05dd",
    "😀👩‍👩‍👧‍👦",
    "' or 1=1 --",
    "'; drop table public.messages; --",
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "../../../etc/passwd",
    "%00%2e%2e%2f",
    "$" + "{7*7}{{7*7}}",
    " ",
    "",
    "x".repeat(20_000),
  ),
);

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(hostileString, tie("value"), { maxKeys: 4 }),
  ),
})).value;

/** The keys routes declare, so generated bodies reach past "unknown object" into each field. */
const FIELD_NAMES = [
  "email",
  "password",
  "name",
  "message",
  "visitor_id",
  "visitor_name",
  "chatbot_id",
  "chatbot_slug",
  "conversation_id",
  "stream",
  "preview",
  "public_url_slug",
  "is_public",
  "description",
  "configuration",
  "bio",
  "skills",
  "experience",
  "interests",
  "location",
  "is_read",
];

const rawBody = fc.oneof(
  fc
    .record(Object.fromEntries(FIELD_NAMES.map((name) => [name, hostileValue])), { requiredKeys: [] })
    .map((value) => JSON.stringify(value)),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.integer({ min: 1, max: 20_000 }).map((depth) => `${"[".repeat(depth)}${"]".repeat(depth)}`),
  fc.constantFrom(
    '{"message":"a","message":"b","visitor_id":"v","visitor_id":"w"}',
    '{"name":',
    "not json",
    "",
    "\ufeff{}",
    "null",
    `{"name":"${"y".repeat(200_000)}"}`,
  ),
);

const contentType = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  undefined,
);

/** Header values are bytes: printable ASCII, shaped like credentials or not. */
const authorizationHeader = fc.oneof(
  fc.stringMatching(/^[\x20-\x7e]{0,80}$/),
  fc.stringMatching(/^[\x20-\x7e]{0,300}$/).map((token) => `Bearer ${token}`),
  fc.constantFrom("Bearer", "Bearer ", "Basic Zm9vOmJhcg==", "Bearer cf_live_", "Bearer a.b.c"),
);

const pathId = fc.oneof(
  fc.uuid(),
  hostileString.filter((value) => value.length > 0),
);
const queryString = fc.dictionary(
  fc.constantFrom(
    "limit",
    "cursor",
    "before",
    "after",
    "visitor_id",
    "conversation_id",
    "user_id",
    "all",
    "x",
    // The inbox's filters and the analytics' period (issue 22).
    "chatbot_id",
    "q",
    "from",
    "to",
    "status",
    "unread",
    "days",
  ),
  hostileString,
  { maxKeys: 4 },
);

describeEachDatabase("fuzzing every route", () => {
  let owner: SignedUpOwner;
  let routes: ServedRoute[];
  let chatbotId: string;

  beforeAll(async () => {
    owner = await signUpOwner();
    routes = await routesOnDisk();
    const { POST } = await import("@/app/api/chatbots/route");
    const created = await POST(
      jsonRequest(
        "/api/chatbots",
        { name: "Fuzz target", configuration: { rate_limit: { max_messages: 1_000, window_seconds: 10 } } },
        { headers: owner.bearer },
      ),
    );
    expect(created.status).toBe(201);
    chatbotId = ((await created.json()) as { id: string }).id;
  });

  it("answers anything with a 2xx, or a 4xx carrying the JSON error body", async () => {
    for (const served of routes) {
      // Signing out with the owner's token would end the session the other routes use.
      const ownCredentials = served.route === "POST /api/auth/logout" ? {} : owner.bearer;
      const credentials = fc.oneof(
        { weight: 3, arbitrary: fc.constant(ownCredentials) },
        authorizationHeader.map((value) => ({ Authorization: value })),
      );
      const hasBody = !["GET", "HEAD", "DELETE"].includes(served.method);
      await fc.assert(
        fc.asyncProperty(
          credentials,
          pathId,
          queryString,
          rawBody,
          contentType,
          async (auth, id, query, body, type) => {
            // A URL carries bytes: a lone surrogate cannot be percent-encoded, so it arrives as U+FFFD.
            const path = served.urlPath.replace("{id}", encodeURIComponent(id.toWellFormed()));
            const search = new URLSearchParams(query).toString();
            const request = new Request(`${TEST_ORIGIN}${path}${search ? `?${search}` : ""}`, {
              method: served.method,
              headers: { ...auth, ...(type ? { "content-type": type } : {}) },
              body: hasBody ? body : undefined,
            });
            const serve = served.handler as (
              request: Request,
              segment: { params: Promise<object> },
            ) => Promise<Response>;
            const response = await serve(request, { params: Promise.resolve({ id }) });
            const text = await response.text();
            const where = `${served.route} (${response.status}): ${text.slice(0, 200)}`;
            expect(response.status, where).toBeGreaterThanOrEqual(200);
            expect(response.status, where).toBeLessThan(500);
            if (response.status >= 400) {
              const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
              expect(typeof parsed.error?.code, where).toBe("string");
              expect(typeof parsed.error?.message, where).toBe("string");
            }
          },
        ),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
  });

  it("stores a visitor's message byte for byte, after trimming", async () => {
    const { POST: chat } = await import("@/app/api/chat/route");
    const { GET: list } = await import("@/app/api/chatbots/[id]/messages/route");
    const text = fc
      .string({ unit: "binary", minLength: 1, maxLength: 300 })
      .filter((value) => value.isWellFormed() && !value.includes("\u0000") && value.trim().length > 0);
    await fc.assert(
      fc.asyncProperty(text, async (message) => {
        const response = await chat(
          jsonRequest("/api/chat", { chatbot_id: chatbotId, visitor_id: `fuzz-${randomUUID()}`, message }),
        );
        expect(response.status, await response.clone().text()).toBe(200);
        const { message_id } = (await response.json()) as { message_id: string };
        const page = await list(
          new Request(`${TEST_ORIGIN}/api/chatbots/${chatbotId}/messages?limit=5`, { headers: owner.bearer }),
          { params: Promise.resolve({ id: chatbotId }) },
        );
        const { items } = (await page.json()) as { items: Array<{ id: string; message: string }> };
        expect(items.find((item) => item.id === message_id)?.message).toBe(message.trim());
      }),
      { numRuns: 40 },
    );
  });

  it("refuses a lone surrogate with a 400 naming the field, rather than storing U+FFFD", async () => {
    const { POST: chat } = await import("@/app/api/chat/route");
    const response = await chat(
      jsonRequest("/api/chat", { chatbot_id: chatbotId, visitor_id: "fuzz-surrogate", message: "half \ud83d a face" }),
    );
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; details: Array<{ path: string }> } };
    expect(error.code).toBe("validation_failed");
    expect(error.details.map((detail) => detail.path)).toEqual(["message"]);
  });
});
