import { randomUUID } from "node:crypto";
import type { Database, JwtClaims } from "@/lib/db";

export interface TestOwner {
  id: string;
  email: string;
  claims: JwtClaims;
}

/** An owner as the auth backends leave one: a row in auth.users (no password needed here). */
export async function insertOwner(
  db: Database,
  email = `owner-${randomUUID().slice(0, 8)}@example.test`,
): Promise<TestOwner> {
  const id = randomUUID();
  await db.query("insert into auth.users (id, aud, role, email) values ($1, 'authenticated', 'authenticated', $2)", [
    id,
    email,
  ]);
  return { id, email, claims: { sub: id, email, role: "authenticated" } };
}

/** A chatbot with one visitor and one message, written with the server's own privileges. */
export async function insertChatbotWithTraffic(
  db: Database,
  owner: TestOwner,
  options: { slug?: string; isPublic?: boolean } = {},
): Promise<{ chatbotId: string; visitorId: string; messageId: string; slug: string }> {
  const slug = options.slug ?? `bot-${randomUUID().slice(0, 8)}`;
  const [chatbot] = await db.query<{ id: string }>(
    "insert into public.chatbots (user_id, name, public_url_slug, is_public) values ($1, $2, $3, $4) returning id",
    [owner.id, `Bot of ${owner.email}`, slug, options.isPublic ?? true],
  );
  const [visitor] = await db.query<{ id: string }>(
    "insert into public.visitors (chatbot_id, visitor_id, name) values ($1, $2, 'Vera') returning id",
    [chatbot.id, `v-${randomUUID()}`],
  );
  const [message] = await db.query<{ id: string }>(
    `insert into public.messages (chatbot_id, visitor_id, conversation_id, message, response, status)
     values ($1, $2, $3, 'Hello?', 'Hi there.', 'answered') returning id`,
    [chatbot.id, visitor.id, randomUUID()],
  );
  return { chatbotId: chatbot.id, visitorId: visitor.id, messageId: message.id, slug };
}

export async function insertProfile(db: Database, owner: TestOwner, name: string): Promise<string> {
  const [profile] = await db.query<{ id: string }>(
    "insert into public.profiles (user_id, name, bio, skills, experience, interests) values ($1, $2, 'Bio', 'Skills', 'Experience', 'Interests') returning id",
    [owner.id, name],
  );
  return profile.id;
}
