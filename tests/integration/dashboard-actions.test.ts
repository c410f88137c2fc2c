import { randomUUID } from "node:crypto";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { beforeAll, expect, it } from "vitest";
import { checkSlugAction, createChatbotAction, deleteChatbotAction, updateChatbotAction } from "@/lib/chatbots/actions";
import { asOwner } from "@/lib/db";
import { countUnread } from "@/lib/db/queries/inbox";
import { findOnboardingProgress, listChatbotActivity } from "@/lib/db/queries/overview";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { saveProfileAction } from "@/lib/profiles/actions";
import { type SignedUpOwner, signUpOwners, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { ADA } from "../support/profiles";

// The dashboard's server actions called directly, as a browser's form would, with the owner's
// session cookie and with another owner's: the other owner must be refused and must change nothing.

type Action<Data> = (previous: FormState<Data>, input: Record<string, unknown>) => Promise<FormState<Data>>;

async function call<Data>(action: Action<Data>, cookie: string, input: Record<string, unknown>) {
  const request = new Request(`${TEST_ORIGIN}/dashboard`, { method: "POST", headers: { origin: TEST_ORIGIN, cookie } });
  const { result, thrown } = await runWithRequestForTests(request, () => action(idleFormState, input));
  if (thrown !== undefined && !isRedirectError(thrown)) throw thrown;
  return { state: result, redirectedTo: isRedirectError(thrown) ? getURLFromRedirectError(thrown) : null };
}

describeEachDatabase("the dashboard's server actions, with the owner's cookie and another owner's", (db) => {
  let [alice, bob] = [] as SignedUpOwner[];
  beforeAll(async () => {
    [alice, bob] = await signUpOwners(2);
  });

  const botRow = async (id: string) =>
    (
      await db().query<{ name: string; description: string | null; public_url_slug: string; configuration: unknown }>(
        "select name, description, public_url_slug, configuration from public.chatbots where id = $1",
        [id],
      )
    )[0];

  const createAs = async (owner: SignedUpOwner, name: string) => {
    const { redirectedTo } = await call(createChatbotAction, owner.cookie, { name, is_public: true });
    const id = /\/dashboard\/chatbots\/([0-9a-f-]{36})\?created=1$/.exec(redirectedTo ?? "")?.[1];
    if (!id) throw new Error(`create redirected to ${redirectedTo}`);
    return id;
  };

  it("saves the caller's own profile, with field errors by path for bad input", async () => {
    const bad = await call(saveProfileAction, alice.cookie, { ...ADA, name: "N".repeat(150) });
    expect(bad.state).toMatchObject({ status: "error", code: "validation_failed" });
    expect(bad.state?.status === "error" && bad.state.fieldErrors.name).toMatch(/at most 100/);

    const saved = await call(saveProfileAction, alice.cookie, { ...ADA });
    expect(saved.state?.status).toBe("success");
    // Bob's save writes Bob's profile; Alice's stays as she wrote it.
    await call(saveProfileAction, bob.cookie, { ...ADA, name: "Bob Overwrite" });
    const rows = await db().query<{ user_id: string; name: string }>(
      "select user_id, name from public.profiles where user_id = any($1::uuid[])",
      [[alice.userId, bob.userId]],
    );
    expect(Object.fromEntries(rows.map((row) => [row.user_id, row.name]))).toEqual({
      [alice.userId]: ADA.name,
      [bob.userId]: "Bob Overwrite",
    });
  });

  it("creates a chatbot for the caller, and refuses a bad configuration by field path", async () => {
    const id = await createAs(alice, "Alice's bot");
    const [row] = await db().query<{ user_id: string }>("select user_id from public.chatbots where id = $1", [id]);
    expect(row.user_id).toBe(alice.userId);

    const bad = await call(createChatbotAction, alice.cookie, {
      name: "Bad",
      configuration: { theme: { accent_color: "red" } },
    });
    expect(bad.state).toMatchObject({ status: "error", code: "validation_failed" });
    expect(Object.keys(bad.state?.status === "error" ? bad.state.fieldErrors : {})).toContain(
      "configuration.theme.accent_color",
    );
    expect(
      await call(createChatbotAction, "chatfolio_session=not-a-session", { name: "Anonymous" }).then((r) => r.state),
    ).toMatchObject({ status: "error", code: "unauthorized" });
  });

  it("updates only the owner's chatbot: another owner gets not_found and changes nothing", async () => {
    const id = await createAs(alice, "Update target");
    const before = await botRow(id);

    const refused = await call(updateChatbotAction, bob.cookie, {
      id,
      patch: { name: "Taken over", configuration: { welcome_message: "Bob was here" } },
    });
    expect(refused.state).toMatchObject({ status: "error", code: "not_found" });
    expect(await botRow(id)).toEqual(before);

    const slug = `alice-${randomUUID().slice(0, 8)}`;
    const done = await call(updateChatbotAction, alice.cookie, {
      id,
      patch: { description: "Changed", public_url_slug: slug, configuration: { welcome_message: "Hi!" } },
    });
    expect(done.state).toMatchObject({ status: "success", data: { slug } });
    const after = await botRow(id);
    expect(after).toMatchObject({ name: "Update target", description: "Changed", public_url_slug: slug });
    expect(after.configuration).toMatchObject({ welcome_message: "Hi!" });

    const invalid = await call(updateChatbotAction, alice.cookie, { id, patch: { public_url_slug: "Not A Slug" } });
    expect(invalid.state?.status === "error" && Object.keys(invalid.state.fieldErrors)).toEqual([
      "patch.public_url_slug",
    ]);
  });

  it("deletes only after the name is typed, and never another owner's chatbot", async () => {
    const id = await createAs(alice, "Doomed bot");
    const refused = await call(deleteChatbotAction, bob.cookie, { id, confirm_name: "Doomed bot" });
    expect(refused.state).toMatchObject({ status: "error", code: "not_found" });
    expect(await botRow(id)).toBeDefined();

    const mistyped = await call(deleteChatbotAction, alice.cookie, { id, confirm_name: "Doomed bo" });
    expect(mistyped.state).toMatchObject({ status: "error", code: "validation_failed" });
    expect(mistyped.state?.status === "error" && mistyped.state.fieldErrors.confirm_name).toBe(
      'Type "Doomed bot" exactly.',
    );
    expect(await botRow(id)).toBeDefined();

    const deleted = await call(deleteChatbotAction, alice.cookie, { id, confirm_name: "Doomed bot" });
    expect(deleted.redirectedTo).toBe("/dashboard?deleted=1");
    expect(await botRow(id)).toBeUndefined();
  });

  it("checks a slug: available, taken (also when another owner has it), reserved, invalid; its own is free", async () => {
    const id = await createAs(alice, "Slug holder");
    const { public_url_slug: own } = await botRow(id);
    const check = async (owner: SignedUpOwner, slug: string, chatbotId: string | null = null) => {
      const { state } = await call(checkSlugAction, owner.cookie, { slug, chatbot_id: chatbotId });
      return state?.status === "success" ? state.data.availability : state;
    };
    expect(await check(alice, `free-${randomUUID().slice(0, 8)}`)).toBe("available");
    // RLS hides Alice's bot from Bob, yet Bob must hear that its slug is taken.
    expect(await check(bob, own)).toBe("taken");
    expect(await check(alice, own)).toBe("taken");
    expect(await check(alice, own, id)).toBe("available");
    expect(await check(alice, "dashboard")).toBe("reserved");
    expect(await check(alice, "Not a slug!")).toBe("invalid");
    // Bob passing Alice's bot id learns nothing more: her slug is still taken for him.
    expect(await check(bob, own, id)).toBe("taken");
  });

  it("counts visitors' messages per bot for the overview, leaving previews and refused turns out", async () => {
    const id = await createAs(bob, "Counted bot");
    const [visitor] = await db().query<{ id: string }>(
      "insert into public.visitors (chatbot_id, visitor_id) values ($1, $2) returning id",
      [id, `v-${randomUUID()}`],
    );
    const insert = (extra: string) =>
      db().query(
        `insert into public.messages (chatbot_id, visitor_id, conversation_id, message, response, status, is_preview, is_read, created_at)
         values ${extra}`,
        [id, visitor.id, randomUUID()],
      );
    await insert(`($1, $2, $3, 'Hi', 'Hello', 'answered', false, false, now())`);
    await insert(`($1, $2, $3, 'Old', 'Hello', 'answered', false, true, now() - interval '8 days')`);
    await insert(`($1, $2, $3, 'Preview', 'Hello', 'answered', true, false, now())`);
    await insert(`($1, $2, $3, 'Again', null, 'rate_limited', false, false, now())`);

    const claims = { sub: bob.userId, email: bob.email, role: "authenticated" as const };
    const { activity, unread, progress } = await asOwner(claims, async (tx) => ({
      activity: await listChatbotActivity(tx),
      unread: await countUnread(tx),
      progress: await findOnboardingProgress(tx),
    }));
    expect(activity.get(id)).toEqual({ messagesLast7Days: 1, unread: 1 });
    expect(unread).toBe(1);
    expect(progress).toEqual({ profile: true, chatbot: true, tried: true, shared: true });

    // Alice sees none of Bob's counts.
    const aliceClaims = { sub: alice.userId, email: alice.email, role: "authenticated" as const };
    const aliceActivity = await asOwner(aliceClaims, listChatbotActivity);
    expect(aliceActivity.has(id)).toBe(false);
  });
});
