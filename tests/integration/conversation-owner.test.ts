import { beforeAll, expect, it } from "vitest";
import { DELETE as deleteData, GET as downloadData } from "@/app/api/chat/data/route";
import type { VisitorData } from "@/lib/chat/schemas";
import { asVisitor } from "@/lib/db";
import { findVisitorConversation } from "@/lib/db/queries/visitors";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { replyAction } from "@/lib/inbox/actions";
import { newVisitorCookieValue, VISITOR_COOKIE } from "@/lib/visitors/cookie";
import { webVisitorId } from "@/lib/visitors/identity";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { insertBotWithProfile, postChat } from "../support/chat";
import { describeEachDatabase } from "../support/databases";

// Issue 21, finding 10: a conversation belongs to the visitor who started it. Knowing its id let
// another visitor post into it, read the owner's reply to the first visitor in their own data
// download, and delete that reply by erasing their own data.

function newBrowser() {
  const value = newVisitorCookieValue();
  return { secret: value.split(".")[0], cookie: `${VISITOR_COOKIE}=${value}` };
}
type Browser = ReturnType<typeof newBrowser>;

describeEachDatabase("a conversation belongs to the visitor who started it", (db) => {
  let owner: SignedUpOwner;
  let bot: { id: string; slug: string };
  const ada = newBrowser();
  const mallory = newBrowser();
  let adaConversation: string;

  async function chat(browser: Browser, message: string, conversationId?: string) {
    const response = await postChat(
      {
        message,
        visitor_id: webVisitorId(browser.secret, bot.id),
        chatbot_id: bot.id,
        conversation_id: conversationId,
      },
      { cookie: browser.cookie },
    );
    expect(response.status).toBe(200);
    return (await response.json()) as { message_id: string; conversation_id: string };
  }
  const dataOf = async (browser: Browser) => {
    const response = await downloadData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, { headers: { cookie: browser.cookie } }),
    );
    return (await response.json()) as VisitorData;
  };

  beforeAll(async () => {
    owner = await signUpOwner();
    bot = await insertBotWithProfile(db(), { id: owner.userId });
    adaConversation = (await chat(ada, "Where does Ada live? My phone is 555-0199")).conversation_id;
    const [row] = await db().query<{ id: string }>(
      "select id from public.conversations where chatbot_id = $1 and conversation_id = $2",
      [bot.id, adaConversation],
    );
    const request = new Request(`${TEST_ORIGIN}/dashboard/inbox`, {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie: owner.cookie },
    });
    const { result } = await runWithRequestForTests(request, () =>
      replyAction(idleFormState, { conversation: row.id, body: "Ada, I'll call you tomorrow." }),
    );
    expect((result as FormState<unknown>).status).toBe("success");
  });

  it("gives a visitor who names another's conversation a new one of their own", async () => {
    const posted = await chat(mallory, "Hello?", adaConversation);
    expect(posted.conversation_id).not.toBe(adaConversation);
    // Ada's conversation holds only Ada's turn, and Mallory's next turn stays in Mallory's.
    const inAda = await db().query<{ message: string }>(
      "select message from public.messages where chatbot_id = $1 and conversation_id = $2",
      [bot.id, adaConversation],
    );
    expect(inAda.map((row) => row.message)).toEqual(["Where does Ada live? My phone is 555-0199"]);
    expect((await chat(mallory, "Anyone?", posted.conversation_id)).conversation_id).toBe(posted.conversation_id);
  });

  it("shows the owner's reply to its visitor only: in the chat, the download, and untouched by another's erasure", async () => {
    // Written into Ada's conversation the way it could be before the fix, straight in the table.
    const [mallorysRow] = await db().query<{ id: string }>(
      "select id from public.visitors where chatbot_id = $1 and visitor_id = $2",
      [bot.id, webVisitorId(mallory.secret, bot.id)],
    );
    await db().query(
      `insert into public.messages (chatbot_id, visitor_id, conversation_id, message, response, status)
       values ($1, $2, $3, 'Squatting here', 'ok', 'answered')`,
      [bot.id, mallorysRow.id, adaConversation],
    );
    const mallorysView = await asVisitor((tx) =>
      findVisitorConversation(tx, { chatbotId: bot.id, visitorSecret: mallory.secret }),
    );
    expect(mallorysView?.conversation_id).toBe(adaConversation);
    expect(mallorysView?.replies).toEqual([]);
    expect((await dataOf(mallory)).owner_replies).toEqual([]);
    expect((await dataOf(ada)).owner_replies.map((reply) => reply.body)).toEqual(["Ada, I'll call you tomorrow."]);

    const erased = await deleteData(
      new Request(`${TEST_ORIGIN}/api/chat/data?chatbot_id=${bot.id}`, {
        method: "DELETE",
        headers: { cookie: mallory.cookie, origin: TEST_ORIGIN },
      }),
    );
    expect(erased.status).toBe(204);
    expect((await dataOf(ada)).owner_replies.map((reply) => reply.body)).toEqual(["Ada, I'll call you tomorrow."]);
  });
});
