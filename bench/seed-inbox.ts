// The dashboard's measured bot: a long history written with SQL (not through the API, which
// would take hours), spread over the last `days` days, then the rollups rebuilt once.
import { randomBytes } from "node:crypto";
import type { Database } from "@/lib/db/types";
import { QUESTIONS } from "./content";

const SEED_BATCH = 100_000;
/** Each visitor's messages are spread over this many conversations. */
const CONVERSATIONS_PER_VISITOR = 4;
/** One message in this many asks about a zeppelin: the rare word the search row looks for. */
export const RARE_WORD_EVERY = 10_000;
export const RARE_WORD = "zeppelin";
const ANSWER =
  "Grace is based in Dublin, Ireland. She builds developer tools and writes about performance; " +
  "ask me about her skills, her experience or what she does for fun.";

export interface InboxSeed {
  messages: number;
  visitors: number;
  days: number;
}

/**
 * `messages` turns on one bot from `visitors` visitors (each in a few conversations) at random
 * times over the last `days` days: 30% unread, 2% failed, latencies 200 ms to 3.2 s. Written with
 * the rollup trigger off (session_replication_role = replica, per batch transaction), then
 * private.rebuild_message_rollups() fills the rollups once, and vacuum analyze, as autovacuum would.
 */
export async function seedInboxMessages(
  db: Database,
  chatbotId: string,
  seed: InboxSeed,
  progress: (done: number, of: number) => void,
): Promise<void> {
  const tag = randomBytes(4).toString("hex");
  await db.query(
    `insert into public.visitors (chatbot_id, visitor_id, name, first_seen, last_seen)
     select $1, 'inbox-' || $2 || '-' || v, case when v % 3 = 0 then 'Visitor ' || v end,
            now() - make_interval(days => $4::integer), now()
     from generate_series(0, $3::integer - 1) v`,
    [chatbotId, tag, seed.visitors, seed.days],
  );
  for (let done = 0; done < seed.messages; done += SEED_BATCH) {
    const batch = Math.min(SEED_BATCH, seed.messages - done);
    await db.transaction(async (tx) => {
      await tx.query("set local session_replication_role = replica");
      await tx.query(
        `insert into public.messages (chatbot_id, visitor_id, conversation_id, message, response, status, model,
                                      latency_ms, input_tokens, output_tokens, client_ip, is_read, created_at,
                                      completed_at)
         select $1, v.id,
                md5($2 || '-' || (s.m % $4::integer) || '-' || (s.m / $4::integer % ${CONVERSATIONS_PER_VISITOR}))::uuid,
                case when s.m % ${RARE_WORD_EVERY} = 7 then 'Has she ever flown in a ${RARE_WORD}?'
                     else ($7::text[])[1 + s.m % cardinality($7::text[])] end,
                case when s.m % 50 = 0 then null else $8 end,
                case when s.m % 50 = 0 then 'failed' else 'answered' end, 'offline',
                case when s.m % 50 = 0 then null else 200 + (s.m::bigint * 7919) % 3000 end, 900, 40,
                '10.' || (s.m / 65536 % 256) || '.' || (s.m / 256 % 256) || '.' || (s.m % 256),
                s.m % 10 >= 3, s.at, s.at + interval '1 second'
         from (select m, now() - interval '1 minute' - make_interval(days => $6::integer) * random() as at
               from generate_series($3::integer, $3::integer + $5::integer - 1) m) s
         join public.visitors v on v.chatbot_id = $1 and v.visitor_id = 'inbox-' || $2 || '-' || (s.m % $4::integer)`,
        [chatbotId, tag, done, seed.visitors, batch, seed.days, QUESTIONS, ANSWER],
      );
    });
    progress(done + batch, seed.messages);
  }
  await db.query("select private.rebuild_message_rollups()");
  await db.exec(
    "vacuum analyze public.messages, public.visitors, public.conversations, public.chatbot_daily_stats, public.chatbot_daily_questions",
  );
}
