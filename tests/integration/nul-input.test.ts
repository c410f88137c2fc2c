import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMessages } from "@/app/api/chatbots/[id]/messages/route";
import { GET as listVisitors } from "@/app/api/chatbots/[id]/visitors/route";
import { POST as createChatbot } from "@/app/api/chatbots/route";
import { POST as createKey } from "@/app/api/keys/route";
import { PUT as putProfile } from "@/app/api/profile/route";
import { errorResponse } from "@/lib/errors";
import { jsonRequest, type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { ADA } from "../support/profiles";

type ErrorJson = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const NUL = "\u0000";
const segment = (id: string) => ({ params: Promise.resolve({ id }) });

/** A 400 validation_failed whose details name exactly these paths. */
async function expectNulRefused(response: Response, ...paths: string[]): Promise<ErrorJson> {
  const body = (await response.json()) as ErrorJson;
  expect({ status: response.status, code: body.error.code }).toEqual({ status: 400, code: "validation_failed" });
  expect(body.error.details?.map((detail) => detail.path)).toEqual(paths);
  return body;
}

describeEachDatabase("NUL characters in requests", (db) => {
  let owner: SignedUpOwner;
  let bot: { id: string; slug: string };

  beforeAll(async () => {
    owner = await signUpOwner();
    bot = await insertBotWithProfile(db(), {
      id: owner.userId,
      email: owner.email,
      claims: { sub: owner.userId, role: "authenticated" },
    });
  });

  it("PUT /api/profile refuses a NUL in any field, naming it", async () => {
    const put = (body: unknown) =>
      putProfile(jsonRequest("/api/profile", body, { method: "PUT", headers: owner.bearer }));
    await expectNulRefused(await put({ ...ADA, bio: `a${NUL}b` }), "bio");
    await expectNulRefused(await put({ ...ADA, name: `A${NUL}`, skills: NUL }), "name", "skills");
    expect((await put({ ...ADA, bio: "a b" })).status).toBe(200);
  });

  it("POST /api/chat refuses a NUL in message, visitor_name or chatbot_slug", async () => {
    await expectNulRefused(await postChat({ message: `hi${NUL}`, visitor_id: "v-nul", chatbot_id: bot.id }), "message");
    await expectNulRefused(
      await postChat({ message: "hi", visitor_id: "v-nul", visitor_name: `Ve${NUL}ra`, chatbot_id: bot.id }),
      "visitor_name",
    );
    await expectNulRefused(
      await postChat({ message: "hi", visitor_id: "v-nul", chatbot_slug: `${bot.slug}${NUL}` }),
      "chatbot_slug",
    );
    const [{ count }] = await db().query<{ count: number }>(
      "select count(*)::int as count from messages where chatbot_id = $1",
      [bot.id],
    );
    expect(count).toBe(0);
    expect((await postChat({ message: "hi", visitor_id: "v-nul", chatbot_slug: bot.slug })).status).toBe(200);
  });

  it("POST /api/chatbots refuses a NUL in the name, a configuration value or a configuration key", async () => {
    const create = (body: unknown) => createChatbot(jsonRequest("/api/chatbots", body, { headers: owner.bearer }));
    await expectNulRefused(await create({ name: `Bot${NUL}` }), "name");
    await expectNulRefused(
      await create({ name: "Bot", configuration: { welcome_message: `Hello${NUL}` } }),
      "configuration.welcome_message",
    );
    await expectNulRefused(
      await create({ name: "Bot", configuration: { starter_questions: ["fine", `not${NUL}`] } }),
      "configuration.starter_questions.1",
    );
    const byKey = await expectNulRefused(
      await create({ name: "Bot", configuration: { [`x${NUL}`]: 1 } }),
      "configuration.x\\u0000",
    );
    // The message echoes the path escaped, never a raw NUL.
    expect(byKey.error.message).not.toContain(NUL);
  });

  it("walks a body nested as deep as 64 KB allows without overflowing the stack", async () => {
    const depth = 30_000;
    const nested = (leaf: string) =>
      `{"name":"Bot","configuration":{"welcome_message":${"[".repeat(depth)}${leaf}${"]".repeat(depth)}}}`;
    const create = (text: string) => createChatbot(jsonRequest("/api/chatbots", text, { headers: owner.bearer }));
    const withNul = await create(nested('"\\u0000"'));
    const body = (await withNul.json()) as ErrorJson;
    expect({ status: withNul.status, code: body.error.code }).toEqual({ status: 400, code: "validation_failed" });
    expect(body.error.details?.[0].path).toBe(`configuration.welcome_message${".0".repeat(depth)}`);
    expect((await create(nested('"fine"'))).status).toBe(400);
  });

  it("POST /api/keys refuses a NUL in the name", async () => {
    await expectNulRefused(
      await createKey(jsonRequest("/api/keys", { name: `CI${NUL}` }, { headers: owner.bearer })),
      "name",
    );
  });

  it("refuses %00 in a query string, naming the parameter", async () => {
    const messages = await listMessages(
      new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/messages?visitor_id=%00`, { headers: owner.bearer }),
      segment(bot.id),
    );
    await expectNulRefused(messages, "visitor_id");
    const visitors = await listVisitors(
      new Request(`${TEST_ORIGIN}/api/chatbots/${bot.id}/visitors?cursor=a%00`, { headers: owner.bearer }),
      segment(bot.id),
    );
    await expectNulRefused(visitors, "cursor");
  });

  it("answers a value the database itself refuses with 400, without its message", async () => {
    const refusals: Array<[string, unknown]> = [
      ["select $1::text as v", `a${NUL}b`],
      ["select $1::jsonb as v", JSON.stringify(`a${NUL}b`)],
      ["select $1::timestamptz as v", "1"],
      ["select $1::timestamptz as v", "2024-13-45T00:00:00Z"],
      ["select $1::timestamptz as v", "2024-01-01T00:00:00+99:00"],
    ];
    for (const [sql, value] of refusals) {
      const error = await db()
        .query(sql, [value])
        .then(
          () => undefined,
          (failure: unknown) => failure,
        );
      expect(error, `${sql} ${JSON.stringify(value)}`).toBeDefined();
      const response = errorResponse(error);
      const body = (await response.json()) as ErrorJson;
      expect({ status: response.status, code: body.error.code }, sql).toEqual({
        status: 400,
        code: "validation_failed",
      });
      expect(body.error.message).toBe("The request contains a value that cannot be stored.");
    }
  });
});

describe("errorResponse", () => {
  it("keeps other database errors a 500 that says nothing of the cause", async () => {
    const response = errorResponse(Object.assign(new Error("relation secret_table does not exist"), { code: "42P01" }));
    expect(response.status).toBe(500);
    expect(JSON.stringify(await response.json())).not.toContain("secret_table");
  });
});
