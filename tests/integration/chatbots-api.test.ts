import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE, GET as GET_ONE, PATCH } from "@/app/api/chatbots/[id]/route";
import { GET as LIST, POST } from "@/app/api/chatbots/route";
import { CONFIGURATION_DEFAULTS } from "@/lib/chatbots/configuration";
import { slugify } from "@/lib/chatbots/schemas";
import { asOwner } from "@/lib/db";
import { jsonRequest, type SignedUpOwner, signUpOwner, signUpOwners, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

type Json = Record<string, unknown>;

const ctx = (id: string) => ({ params: Promise.resolve({ id }) });
const get = (path: string, headers: Record<string, string> = {}) => new Request(`${TEST_ORIGIN}${path}`, { headers });
const del = (path: string, headers: Record<string, string> = {}) =>
  new Request(`${TEST_ORIGIN}${path}`, { method: "DELETE", headers });

async function create(owner: SignedUpOwner, body: unknown): Promise<Response> {
  return POST(jsonRequest("/api/chatbots", body, { headers: owner.bearer }));
}

async function created(owner: SignedUpOwner, body: unknown): Promise<Json> {
  const response = await create(owner, body);
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as Json;
}

async function patch(owner: SignedUpOwner, id: string, body: unknown): Promise<Response> {
  return PATCH(jsonRequest(`/api/chatbots/${id}`, body, { method: "PATCH", headers: owner.bearer }), ctx(id));
}

async function expectError(response: Response, status: number, code: string, path?: string): Promise<Json> {
  const body = (await response.json()) as { error: { code: string; details?: { path: string }[] } };
  expect({ status: response.status, code: body.error.code }).toEqual({ status, code });
  if (path !== undefined) expect(body.error.details?.map((detail) => detail.path)).toContain(path);
  return body as unknown as Json;
}

describe("slugify", () => {
  it("folds to ASCII, drops apostrophes and keeps bases usable", () => {
    expect(slugify("Zoë's Bot!")).toBe("zoes-bot");
    expect(slugify("  Straße & Smørrebrød  ")).toBe("strasse-smorrebrod");
    expect(slugify("Ask about Ada")).toBe("ask-about-ada");
    expect(slugify("AI")).toBe("ai-bot");
    expect(slugify("Admin")).toBe("admin-bot");
    expect(slugify("日本語")).toBe("bot");
    const long = slugify(`${"word ".repeat(30)}end`);
    expect(long.length).toBeLessThanOrEqual(56);
    expect(long).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});

describeEachDatabase("chatbots API", (db) => {
  let [alice, bob] = [] as SignedUpOwner[];
  beforeAll(async () => ([alice, bob] = await signUpOwners(2)));

  it("answers 401 without credentials", async () => {
    await expectError(await LIST(get("/api/chatbots")), 401, "unauthorized");
    await expectError(await POST(jsonRequest("/api/chatbots", { name: "x" })), 401, "unauthorized");
    const id = randomUUID();
    await expectError(await GET_ONE(get(`/api/chatbots/${id}`), ctx(id)), 401, "unauthorized");
    await expectError(
      await PATCH(jsonRequest(`/api/chatbots/${id}`, {}, { method: "PATCH" }), ctx(id)),
      401,
      "unauthorized",
    );
    await expectError(await DELETE(del(`/api/chatbots/${id}`), ctx(id)), 401, "unauthorized");
  });

  it("creates a chatbot with the seed's shape, defaults filled in and the body's user_id ignored", async () => {
    const bot = await created(alice, { name: "Zoë's Bot!", user_id: bob.userId, id: randomUUID() });
    expect(Object.keys(bot).sort()).toEqual(
      [
        "configuration",
        "created_at",
        "description",
        "id",
        "is_public",
        "name",
        "public_url_slug",
        "updated_at",
        "user_id",
      ].sort(),
    );
    expect(bot).toMatchObject({
      user_id: alice.userId,
      name: "Zoë's Bot!",
      description: null,
      is_public: true,
      public_url_slug: expect.stringMatching(/^zoes-bot(-\d+)?$/),
      configuration: CONFIGURATION_DEFAULTS,
    });
    expect(new Date(bot.created_at as string).toISOString()).toBe(bot.created_at);
    const [stored] = await db().query<{ configuration: unknown }>("select configuration from chatbots where id = $1", [
      bot.id,
    ]);
    expect(stored.configuration).toEqual({});
  });

  it("stores only the configuration keys given and returns them merged with the defaults", async () => {
    const bot = await created(alice, {
      name: "Configured",
      description: "  About me  ",
      is_public: false,
      configuration: {
        tone: "casual",
        starter_questions: ["Where do you work?"],
        rate_limit: { max_messages: 5, window_seconds: 60 },
      },
    });
    expect(bot.description).toBe("About me");
    expect(bot.is_public).toBe(false);
    expect(bot.configuration).toEqual({
      ...CONFIGURATION_DEFAULTS,
      tone: "casual",
      starter_questions: ["Where do you work?"],
      rate_limit: { max_messages: 5, window_seconds: 60 },
    });
    const [stored] = await db().query<{ configuration: Json }>("select configuration from chatbots where id = $1", [
      bot.id,
    ]);
    expect(Object.keys(stored.configuration).sort()).toEqual(["rate_limit", "starter_questions", "tone"]);
  });

  it("numbers slugs made from the same name, even across owners", async () => {
    const first = await created(alice, { name: "Same Name Bot" });
    const second = await created(bob, { name: "Same Name Bot" });
    const third = await created(alice, { name: "same name bot" });
    expect([first, second, third].map((bot) => bot.public_url_slug)).toEqual([
      "same-name-bot",
      "same-name-bot-2",
      "same-name-bot-3",
    ]);
  });

  it("lets concurrent creates with the same name all succeed with distinct slugs", async () => {
    const name = `Rush ${randomUUID().slice(0, 6)}`;
    const responses = await Promise.all(
      Array.from({ length: 6 }, (_, index) => create(index % 2 === 0 ? alice : bob, { name })),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(6).fill(201));
    const slugs = await Promise.all(
      responses.map(async (response) => ((await response.json()) as Json).public_url_slug),
    );
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).toContain(slugify(name));
  });

  it("takes a given slug, and answers 409 when it is taken by anyone", async () => {
    const slug = `mine-${randomUUID().slice(0, 8)}`;
    const bot = await created(alice, { name: "Chosen", public_url_slug: slug });
    expect(bot.public_url_slug).toBe(slug);
    await expectError(await create(bob, { name: "Thief", public_url_slug: slug }), 409, "conflict", "public_url_slug");
    await expectError(
      await create(alice, { name: "Twice", public_url_slug: slug }),
      409,
      "conflict",
      "public_url_slug",
    );
  });

  it("refuses badly formed and reserved slugs with 400", async () => {
    for (const slug of [
      "ab",
      "a".repeat(65),
      "My-Bot",
      "my--bot",
      "-bot",
      "bot-",
      "my_bot",
      "bot bot",
      "zoë",
      42,
      "admin",
      "api",
      "dashboard",
    ]) {
      await expectError(
        await create(alice, { name: "Bad slug", public_url_slug: slug }),
        400,
        "validation_failed",
        "public_url_slug",
      );
    }
    expect(
      (await created(alice, { name: "Edge", public_url_slug: `${"a".repeat(60)}-b1c` })).public_url_slug,
    ).toHaveLength(64);
  });

  it("answers every invalid field with 400 validation_failed and the field's path", async () => {
    const cases: [unknown, string][] = [
      [{}, "name"],
      [{ name: "" }, "name"],
      [{ name: "   " }, "name"],
      [{ name: "x".repeat(101) }, "name"],
      [{ name: 42 }, "name"],
      [{ name: "ok", description: "x".repeat(1001) }, "description"],
      [{ name: "ok", description: 7 }, "description"],
      [{ name: "ok", is_public: "yes" }, "is_public"],
      [{ name: "ok", configuration: "friendly" }, "configuration"],
      [{ name: "ok", configuration: [] }, "configuration"],
      [{ name: "ok", configuration: { colour: "red" } }, "configuration"],
      [{ name: "ok", configuration: { welcome_message: "x".repeat(501) } }, "configuration.welcome_message"],
      [{ name: "ok", configuration: { starter_questions: Array(7).fill("Q?") } }, "configuration.starter_questions"],
      [{ name: "ok", configuration: { starter_questions: ["x".repeat(201)] } }, "configuration.starter_questions.0"],
      [{ name: "ok", configuration: { starter_questions: "Q?" } }, "configuration.starter_questions"],
      [{ name: "ok", configuration: { instructions: "x".repeat(4001) } }, "configuration.instructions"],
      [{ name: "ok", configuration: { tone: "sarcastic" } }, "configuration.tone"],
      [{ name: "ok", configuration: { model: "not-offered-model" } }, "configuration.model"],
      [{ name: "ok", configuration: { temperature: 2.5 } }, "configuration.temperature"],
      [{ name: "ok", configuration: { temperature: "hot" } }, "configuration.temperature"],
      [
        { name: "ok", configuration: { rate_limit: { max_messages: 0, window_seconds: 60 } } },
        "configuration.rate_limit.max_messages",
      ],
      [
        { name: "ok", configuration: { rate_limit: { max_messages: 5, window_seconds: 5 } } },
        "configuration.rate_limit.window_seconds",
      ],
      [
        { name: "ok", configuration: { rate_limit: { max_messages: 1.5, window_seconds: 60 } } },
        "configuration.rate_limit.max_messages",
      ],
      [
        { name: "ok", configuration: { rate_limit: { max_messages: 5, window_seconds: 60, burst: 2 } } },
        "configuration.rate_limit",
      ],
      [{ name: "ok", configuration: { theme: { accent_color: "blue" } } }, "configuration.theme.accent_color"],
      [[], ""],
      [JSON.stringify("just a string"), ""],
      [null, ""],
    ];
    for (const [body, path] of cases) {
      await expectError(await create(alice, body), 400, "validation_failed", path);
    }
  });

  it("accepts a model from the allow-list", async () => {
    const bot = await created(alice, { name: "Modelled", configuration: { model: "gpt-4o-mini", temperature: 0 } });
    expect(bot.configuration).toMatchObject({ model: "gpt-4o-mini", temperature: 0 });
  });

  it("answers malformed JSON with 400 invalid_json and oversize bodies with 413", async () => {
    await expectError(await create(alice, "{not json"), 400, "invalid_json");
    await expectError(await create(alice, ""), 400, "invalid_json");
    await expectError(
      await create(alice, { name: "big", description: "x".repeat(70 * 1024) }),
      413,
      "payload_too_large",
    );
  });

  it("lists only the caller's chatbots, oldest first", async () => {
    const carol = await signUpOwner();
    const one = await created(carol, { name: "One" });
    const two = await created(carol, { name: "Two" });
    const response = await LIST(get("/api/chatbots", carol.bearer));
    expect(response.status).toBe(200);
    const list = (await response.json()) as Json[];
    expect(list.map((bot) => bot.id)).toEqual([one.id, two.id]);
    const alices = (await (await LIST(get("/api/chatbots", alice.bearer))).json()) as Json[];
    expect(alices.every((bot) => bot.user_id === alice.userId)).toBe(true);
    expect(alices.map((bot) => bot.id)).not.toContain(one.id);
  });

  it("reads one chatbot; another owner's, a missing and a malformed id are all 404", async () => {
    const bot = await created(alice, { name: "Readable" });
    const id = bot.id as string;
    const own = await GET_ONE(get(`/api/chatbots/${id}`, alice.bearer), ctx(id));
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual(bot);
    await expectError(await GET_ONE(get(`/api/chatbots/${id}`, bob.bearer), ctx(id)), 404, "not_found");
    const missing = randomUUID();
    await expectError(await GET_ONE(get(`/api/chatbots/${missing}`, alice.bearer), ctx(missing)), 404, "not_found");
    for (const bad of ["nope", "1", `${id}x`, "' or 1=1 --"]) {
      await expectError(await GET_ONE(get("/api/chatbots/x", alice.bearer), ctx(bad)), 404, "not_found");
    }
  });

  it("works with the session cookie too, and refuses a cookie mutation from another origin", async () => {
    const list = await LIST(get("/api/chatbots", { cookie: alice.cookie }));
    expect(list.status).toBe(200);
    const sameOrigin = await POST(
      jsonRequest("/api/chatbots", { name: "Cookie bot" }, { headers: { cookie: alice.cookie, origin: TEST_ORIGIN } }),
    );
    expect(sameOrigin.status).toBe(201);
    const crossSite = await POST(
      jsonRequest(
        "/api/chatbots",
        { name: "Cookie bot" },
        { headers: { cookie: alice.cookie, origin: "https://evil.example" } },
      ),
    );
    await expectError(crossSite, 403, "forbidden");
  });

  it("patches any subset of fields and merges configuration at its top level", async () => {
    const bot = await created(alice, { name: "Patchable", configuration: { tone: "casual", temperature: 1 } });
    const id = bot.id as string;

    const renamed = await patch(alice, id, { name: "Renamed", description: "Now described", user_id: bob.userId });
    expect(renamed.status).toBe(200);
    const afterRename = (await renamed.json()) as Json;
    expect(afterRename).toMatchObject({ name: "Renamed", description: "Now described", user_id: alice.userId });
    expect(afterRename.public_url_slug).toBe(bot.public_url_slug);
    expect(Date.parse(afterRename.updated_at as string)).toBeGreaterThanOrEqual(Date.parse(bot.updated_at as string));

    const merged = (await (await patch(alice, id, { configuration: { welcome_message: "Hello!" } })).json()) as Json;
    expect(merged.configuration).toMatchObject({ tone: "casual", temperature: 1, welcome_message: "Hello!" });

    const reset = (await (
      await patch(alice, id, { configuration: { tone: null, theme: { accent_color: "#112233" } } })
    ).json()) as Json;
    expect(reset.configuration).toEqual({
      ...CONFIGURATION_DEFAULTS,
      temperature: 1,
      welcome_message: "Hello!",
      theme: { accent_color: "#112233" },
    });
    const [stored] = await db().query<{ configuration: Json }>("select configuration from chatbots where id = $1", [
      id,
    ]);
    expect(Object.keys(stored.configuration).sort()).toEqual(["temperature", "theme", "welcome_message"]);

    const privateNow = (await (await patch(alice, id, { is_public: false, description: null })).json()) as Json;
    expect(privateNow).toMatchObject({ is_public: false, description: null });

    const unchanged = await patch(alice, id, {});
    expect(unchanged.status).toBe(200);
    expect(((await unchanged.json()) as Json).configuration).toEqual(reset.configuration);

    const slug = `renamed-${randomUUID().slice(0, 8)}`;
    expect(((await (await patch(alice, id, { public_url_slug: slug })).json()) as Json).public_url_slug).toBe(slug);
  });

  it("refuses invalid patches with precise 4xx answers", async () => {
    const bot = await created(alice, { name: "Strict" });
    const taken = await created(bob, { name: "Taken slug" });
    const id = bot.id as string;
    await expectError(
      await patch(alice, id, { configuration: { unknown_key: 1 } }),
      400,
      "validation_failed",
      "configuration",
    );
    await expectError(
      await patch(alice, id, { configuration: { tone: "angry" } }),
      400,
      "validation_failed",
      "configuration.tone",
    );
    await expectError(await patch(alice, id, { configuration: null }), 400, "validation_failed", "configuration");
    await expectError(await patch(alice, id, { name: "" }), 400, "validation_failed", "name");
    await expectError(await patch(alice, id, { name: null }), 400, "validation_failed", "name");
    await expectError(await patch(alice, id, { is_public: 1 }), 400, "validation_failed", "is_public");
    await expectError(await patch(alice, id, { public_url_slug: null }), 400, "validation_failed", "public_url_slug");
    await expectError(
      await patch(alice, id, { public_url_slug: "settings" }),
      400,
      "validation_failed",
      "public_url_slug",
    );
    await expectError(
      await patch(alice, id, { public_url_slug: taken.public_url_slug }),
      409,
      "conflict",
      "public_url_slug",
    );
    await expectError(await patch(alice, id, "{"), 400, "invalid_json");
    await expectError(await patch(alice, id, { description: "x".repeat(65 * 1024) }), 413, "payload_too_large");
  });

  it("never lets one owner change or delete another's chatbot", async () => {
    const bot = await created(alice, { name: "Guarded" });
    const id = bot.id as string;
    await expectError(await patch(bob, id, { name: "Hijacked" }), 404, "not_found");
    await expectError(await DELETE(del(`/api/chatbots/${id}`, bob.bearer), ctx(id)), 404, "not_found");
    // And by RLS alone, without the API's checks:
    const touched = await asOwner({ sub: bob.userId, role: "authenticated" }, async (tx) => [
      ...(await tx.query("update chatbots set name = 'Hijacked' where id = $1 returning id", [id])),
      ...(await tx.query("delete from chatbots where id = $1 returning id", [id])),
    ]);
    expect(touched).toEqual([]);
    const still = await GET_ONE(get(`/api/chatbots/${id}`, alice.bearer), ctx(id));
    expect(((await still.json()) as Json).name).toBe("Guarded");
  });

  it("deletes a chatbot with its visitors and messages, and 404s afterwards", async () => {
    const bot = await created(alice, { name: "Doomed" });
    const id = bot.id as string;
    const [visitor] = await db().query<{ id: string }>(
      "insert into visitors (chatbot_id, visitor_id) values ($1, 'v1') returning id",
      [id],
    );
    await db().query(
      "insert into messages (chatbot_id, visitor_id, conversation_id, message) values ($1, $2, $3, 'Hi')",
      [id, visitor.id, randomUUID()],
    );
    const response = await DELETE(del(`/api/chatbots/${id}`, alice.bearer), ctx(id));
    expect(response.status).toBe(204);
    expect(await response.text()).toBe("");
    const [left] = await db().query<{ bots: number; visitors: number; messages: number }>(
      `select (select count(*) from chatbots where id = $1) as bots,
              (select count(*) from visitors where chatbot_id = $1) as visitors,
              (select count(*) from messages where chatbot_id = $1) as messages`,
      [id],
    );
    expect(left).toEqual({ bots: 0, visitors: 0, messages: 0 });
    await expectError(await GET_ONE(get(`/api/chatbots/${id}`, alice.bearer), ctx(id)), 404, "not_found");
    await expectError(await DELETE(del(`/api/chatbots/${id}`, alice.bearer), ctx(id)), 404, "not_found");
    await expectError(await DELETE(del("/api/chatbots/bad", alice.bearer), ctx("bad")), 404, "not_found");
  });
});

describeEachDatabase("chatbots API when no free slug can be found", (db) => {
  it("answers 409, not 500, once every generated slug keeps colliding", async () => {
    const owner = await signUpOwner();
    const taken = await created(owner, { name: "Taken", public_url_slug: `taken-${randomUUID().slice(0, 8)}` });
    // A slug generator that always proposes a taken slug: what a burst of concurrent explicit
    // slugs would do to five attempts in a row. This suite's database is its own.
    await db().exec(`create or replace function public.generate_unique_slug(base_slug text) returns text
      language sql set search_path = '' as $$ select '${String(taken.public_url_slug)}' $$`);
    await expectError(await create(owner, { name: "Another" }), 409, "conflict", "public_url_slug");
  });
});
