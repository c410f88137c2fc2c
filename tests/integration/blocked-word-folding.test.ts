import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";
import { insertOwner } from "../support/owners";

// Issue 21, finding 7: blocked words disguised with invisible or look-alike characters passed.
describeEachDatabase("blocked words, disguised", (db) => {
  let bot: { id: string; slug: string };
  const chat = (message: string) =>
    postChat(
      { chatbot_id: bot.id, visitor_id: `folding-${randomUUID()}`, message },
      { "x-forwarded-for": "198.51.100.70" },
    );
  const stored = async (message: string) =>
    (await db().query("select 1 from public.messages where chatbot_id = $1 and message = $2", [bot.id, message]))
      .length;

  beforeAll(async () => {
    const owner = await insertOwner(db());
    bot = await insertBotWithProfile(db(), owner, { configuration: { blocked_words: ["casino", "xxx", "café"] } });
  });

  it.each([
    ["a zero-width joiner", "Any ca\u200dsino tips?"],
    ["a zero-width space", "Any ca\u200bsino tips?"],
    ["a soft hyphen", "Any ca\u00adsino tips?"],
    ["a word joiner", "Does she like x\u2060xx?"],
    ["Cyrillic look-alikes", "Any \u0441\u0430sino tips?"],
    ["fullwidth letters", "Any \uff43\uff41\uff53\uff49\uff4e\uff4f tips?"],
    ["a decomposed accent", "Meet at the cafe\u0301?"],
  ])("refuses a blocked word written with %s, storing nothing", async (_, message) => {
    const refused = await chat(message);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "forbidden", message: "This chatbot can't respond to that message. Please rephrase it." },
    });
    expect(await stored(message)).toBe(0);
  });

  it("keeps accents: a blocked café doesn't block cafe", async () => {
    expect((await chat("Where is the cafe she likes?")).status).toBe(200);
  });

  it("stores the message the visitor sent, not the folded one", async () => {
    const message = "Does she like \uff43\uff41\uff46\uff45 au lait, or ca\u200dsinos?";
    const response = await chat(message);
    expect(response.status).toBe(200);
    const { message_id } = (await response.json()) as { message_id: string };
    const [row] = await db().query<{ message: string }>("select message from public.messages where id = $1", [
      message_id,
    ]);
    expect(row.message).toBe(message);
  });
});
