import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, expect, it } from "vitest";
import { checkSlugAction, createChatbotAction, deleteChatbotAction, updateChatbotAction } from "@/lib/chatbots/actions";
import { asOwner } from "@/lib/db";
import { findChatbot } from "@/lib/db/queries/chatbots";
import { findOwnProfile } from "@/lib/db/queries/profiles";
import type { RegisteredAction } from "@/lib/http/action";
import { idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { saveProfileAction } from "@/lib/profiles/actions";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";

// The dashboard's profile and chatbot actions, called as the browser calls them, with the owner's
// cookie and with another owner's.

async function call(action: RegisteredAction, who: SignedUpOwner, input: Record<string, unknown>) {
  const request = new Request(`${TEST_ORIGIN}/dashboard`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, cookie: who.cookie },
  });
  const { result, thrown } = await runWithRequestForTests(request, () => action(idleFormState as never, input));
  if (thrown !== undefined && !isRedirectError(thrown)) throw thrown;
  return {
    state: result as { status: string; data?: unknown; code?: string; fieldErrors?: Record<string, string> },
    redirectedTo: isRedirectError(thrown) ? getURLFromRedirectError(thrown) : null,
  };
}

const userClaims = (owner: SignedUpOwner) => ({
  sub: owner.userId,
  email: owner.email,
  role: "authenticated" as const,
});

describeEachDatabase("the dashboard's profile and chatbot actions", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let chatbotId: string;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
  });

  it("saves the caller's own profile, with field errors by name", async () => {
    const bad = await call(saveProfileAction, owner, {
      name: "x".repeat(101),
      bio: "",
      skills: "",
      experience: "",
      interests: "",
    });
    expect(bad.state.status).toBe("error");
    expect(Object.keys(bad.state.fieldErrors ?? {})).toEqual(["name"]);
    const good = await call(saveProfileAction, owner, {
      name: "Ada",
      location: "London",
      bio: "Writes programs.",
      skills: "Maths",
      experience: "Analytical Engine",
      interests: "Poetry",
    });
    expect(good.state.status).toBe("success");
    expect((await asOwner(userClaims(owner), findOwnProfile))?.name).toBe("Ada");
    expect(await asOwner(userClaims(other), findOwnProfile)).toBeNull();
  });

  it("creates a chatbot and goes to its page", async () => {
    const { redirectedTo } = await call(createChatbotAction, owner, {
      name: "Ask Ada",
      configuration: { tone: "friendly", starter_questions: ["Who is Ada?"] },
    });
    const id = /^\/dashboard\/chatbots\/([0-9a-f-]{36})\?created=1$/.exec(redirectedTo ?? "")?.[1];
    expect(id).toBeDefined();
    chatbotId = id ?? "";
    const chatbot = await asOwner(userClaims(owner), (tx) => findChatbot(tx, chatbotId));
    expect(chatbot?.configuration.tone).toBe("friendly");
  });

  it("updates the owner's chatbot, and another owner's attempt finds nothing and changes nothing", async () => {
    const mine = await call(updateChatbotAction, owner, {
      id: chatbotId,
      patch: { configuration: { tone: "casual" } },
    });
    expect(mine.state.status).toBe("success");
    const theirs = await call(updateChatbotAction, other, { id: chatbotId, patch: { name: "Hijacked" } });
    expect(theirs.state).toMatchObject({ status: "error", code: "not_found" });
    const chatbot = await asOwner(userClaims(owner), (tx) => findChatbot(tx, chatbotId));
    expect(chatbot).toMatchObject({ name: "Ask Ada", configuration: expect.objectContaining({ tone: "casual" }) });
    const invalid = await call(updateChatbotAction, owner, {
      id: chatbotId,
      patch: { configuration: { theme: { accent_color: "red" } } },
    });
    expect(invalid.state.fieldErrors).toEqual({
      "patch.configuration.theme.accent_color": "Must be a colour like #1a2b3c.",
    });
  });

  it("says whether a slug is free: taken, reserved, malformed, or the bot's own", async () => {
    const chatbot = await asOwner(userClaims(owner), (tx) => findChatbot(tx, chatbotId));
    const slug = chatbot?.public_url_slug ?? "";
    const check = async (who: SignedUpOwner, input: Record<string, unknown>) =>
      ((await call(checkSlugAction, who, input)).state.data as { availability: string }).availability;
    expect(await check(other, { slug })).toBe("taken");
    expect(await check(owner, { slug, chatbot_id: chatbotId })).toBe("available");
    expect(await check(owner, { slug: "dashboard" })).toBe("invalid");
    expect(await check(owner, { slug: "Not A Slug" })).toBe("invalid");
    expect(await check(owner, { slug: `free-${chatbotId.slice(0, 8)}` })).toBe("available");
  });

  it("deletes only after the name is typed, and never another owner's chatbot", async () => {
    expect((await call(deleteChatbotAction, other, { id: chatbotId, confirm_name: "Ask Ada" })).state).toMatchObject({
      code: "not_found",
    });
    expect((await call(deleteChatbotAction, owner, { id: chatbotId, confirm_name: "ask ada" })).state).toMatchObject({
      code: "validation_failed",
    });
    expect(await asOwner(userClaims(owner), (tx) => findChatbot(tx, chatbotId))).not.toBeNull();
    const done = await call(deleteChatbotAction, owner, { id: chatbotId, confirm_name: "Ask Ada" });
    expect(done.redirectedTo).toBe("/dashboard?deleted=1");
    expect(await asOwner(userClaims(owner), (tx) => findChatbot(tx, chatbotId))).toBeNull();
  });
});
