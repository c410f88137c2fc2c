import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/types";
import { shortCount } from "../report";
import { RARE_WORD, seedInboxMessages } from "../seed-inbox";
import type { BenchContext, Scenario } from "./scenario";

// The owner's dashboard on a bot with a long history (bench/plan.ts: 1M messages over 90 days from
// 50k visitors on PostgreSQL), each page fetched as a signed-in browser does (session cookie),
// one client: the p50 is the page's server time. Each row's label says what the page reads.

const TIMEOUT_MS = 30_000;
/** Runs of each SQL-only row. */
const SQL_RUNS = 200;

/** Signs an owner up (session cookie) and creates their bot, both through the API as a browser would. */
async function signUpWithCookie(baseUrl: string): Promise<{ cookie: string; userId: string; chatbotId: string }> {
  const headers = { "content-type": "application/json", origin: baseUrl };
  const signup = await fetch(`${baseUrl}/api/auth/signup`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      email: `bench-inbox-${randomBytes(4).toString("hex")}@example.test`,
      password: `bench-${randomBytes(12).toString("hex")}`,
    }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status} ${await signup.text()}`);
  const { user } = (await signup.json()) as { user: { id: string } };
  const cookie = signup.headers
    .getSetCookie()
    .map((value) => value.split(";")[0])
    .join("; ");
  const bot = await fetch(`${baseUrl}/api/chatbots`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: "Inbox bench bot" }),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (bot.status !== 201) throw new Error(`create chatbot: ${bot.status} ${await bot.text()}`);
  return { cookie, userId: user.id, chatbotId: ((await bot.json()) as { id: string }).id };
}

/** p50 of one query run as the owner (role authenticated, their claims), as asOwner runs it, in ms. */
async function sqlP50(db: Database, userId: string, sql: string): Promise<number> {
  const identity = { role: "authenticated", claims: { sub: userId, role: "authenticated" } } as const;
  const times: number[] = [];
  for (let run = 0; run < SQL_RUNS; run++) {
    const started = performance.now();
    await db.transaction((tx) => tx.query(sql), identity);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export const dashboardScenario: Scenario = {
  name: "dashboard",
  async run(context: BenchContext) {
    const { plan, target, measure, record, log } = context;
    const seed = plan.dashboard[target.kind];
    const owner = await signUpWithCookie(target.server.baseUrl);
    const started = performance.now();
    await target.withDatabase((db) =>
      seedInboxMessages(db, owner.chatbotId, seed, (done, of) =>
        log(`seeding the dashboard bot: ${done.toLocaleString("en")} / ${of.toLocaleString("en")}`),
      ),
    );
    log(`seeded ${shortCount(seed.messages)} messages in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    const conversation = await target.withDatabase(async (db) => {
      const [row] = await db.query<{ id: string }>(
        "select id from public.conversations where chatbot_id = $1 order by last_message_at desc limit 1",
        [owner.chatbotId],
      );
      return row.id;
    });

    const level = `${shortCount(seed.messages)} msgs`;
    const page = (path: string) => ({ method: "GET" as const, path, headers: { cookie: owner.cookie } });
    const rows: { label: string; path: string }[] = [
      {
        label: `GET /dashboard/inbox, ${level} (25 conversations by index, unread sum of the day rollup, refusals 7 d)`,
        path: "/dashboard/inbox",
      },
      {
        label: `GET /dashboard/inbox?unread=true, ${level} (partial index of unread conversations)`,
        path: "/dashboard/inbox?unread=true",
      },
      {
        label: `GET /dashboard/inbox/{id}, ${level} (one conversation, its turns by index)`,
        path: `/dashboard/inbox/${conversation}`,
      },
      {
        label: `GET /dashboard/inbox?q=${RARE_WORD}, ${level} (GIN full-text, rare word)`,
        path: `/dashboard/inbox?q=${RARE_WORD}`,
      },
      {
        label: `GET /dashboard/inbox?q=background, ${level} (GIN full-text, word in 1 of 5 messages)`,
        path: "/dashboard/inbox?q=background",
      },
      {
        label: `GET /dashboard/chatbots/{id}/analytics?days=90, ${level} (90 day rollup rows, question rollup, refusals)`,
        path: `/dashboard/chatbots/${owner.chatbotId}/analytics?days=90`,
      },
    ];
    for (const row of rows) await measure({ label: row.label, request: page(row.path), connections: 1 });

    // The navigation's unread count and the inbox's poll, as SQL alone (they are parts of every page above).
    const sqlRows = [
      {
        label: `SQL unread count, ${level} (sum over the day rollup)`,
        sql: "select coalesce(sum(d.unread), 0)::integer from public.chatbot_daily_stats d",
      },
      {
        label: `SQL inbox poll, ${level} (newest conversations.updated_at)`,
        sql: "select cv.updated_at from public.conversations cv order by cv.updated_at desc limit 1",
      },
    ];
    const figures = await target.withDatabase(async (db) => {
      const out: number[] = [];
      for (const row of sqlRows) out.push(await sqlP50(db, owner.userId, row.sql));
      return out;
    });
    for (const [index, row] of sqlRows.entries()) {
      record({
        label: row.label,
        connections: 1,
        requests: SQL_RUNS,
        p50: figures[index],
        notes: [`timed in the bench process around one transaction as the owner, ${SQL_RUNS} runs`],
      });
    }
  },
};
