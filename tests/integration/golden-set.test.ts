import { randomUUID } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { type AnswerOutcome, VOICES, type Voice } from "@/lib/constants";
import { jsonRequest, signUpOwner } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { GOLDEN_OWNERS, type GoldenCase, type GoldenOwner, HONEST } from "../support/golden-set";
import { ungroundedSpans } from "../support/grounding";

// The offline model against its golden set, through the real turn path: owners, profiles,
// knowledge and bots made through the API, every question asked through the chat route (JSON), so
// the database's retrieval inside start_turn picks the knowledge the model sees, as in production.
// Each owner has a bot in each voice, and each voice keeps the floors on its own.

const ANSWERED_FLOOR = 0.9;

interface Scored {
  voice: Voice;
  owner: string;
  question: GoldenCase;
  answer: string;
  outcome: AnswerOutcome | null;
  problems: string[];
  ungrounded: string[];
}

function ownerContent(owner: GoldenOwner): string[] {
  const profile = Object.values(owner.profile).filter((value): value is string => value !== null);
  const knowledge = owner.knowledge.flatMap((item) =>
    item.kind === "qa" ? [item.question, item.answer, ...item.alternatives] : [item.title, item.body],
  );
  return [...profile, ...knowledge];
}

function problemsWith(question: GoldenCase, voice: Voice, answer: string, outcome: AnswerOutcome | null): string[] {
  const problems: string[] = [];
  const text = answer.toLowerCase();
  if (outcome !== question.outcome) problems.push(`outcome ${outcome}, expected ${question.outcome}`);
  // Small talk names the owner when an assistant speaks for them; the owner speaking needn't.
  const contains = voice === "first_person" && question.kind === "small-talk" ? [] : (question.contains ?? []);
  for (const wanted of contains) {
    if (!text.includes(wanted.toLowerCase())) problems.push(`lacks "${wanted}"`);
  }
  for (const unwanted of question.absent ?? []) {
    if (text.includes(unwanted.toLowerCase())) problems.push(`says "${unwanted}"`);
  }
  if (question.outcome === "unanswered" && !HONEST.test(answer)) problems.push("not an honest I-don't-know");
  return problems;
}

const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10);

describeEachDatabase("offline model golden set", (db, target) => {
  const scored: Scored[] = [];

  async function setUp(owner: GoldenOwner): Promise<Record<Voice, string>> {
    const account = await signUpOwner();
    const { PUT: putProfile } = await import("@/app/api/profile/route");
    const profile = await putProfile(
      jsonRequest("/api/profile", owner.profile, { method: "PUT", headers: account.bearer }),
    );
    expect(profile.status).toBe(200);
    const { POST: addItem } = await import("@/app/api/knowledge/route");
    for (const item of owner.knowledge) {
      const added = await addItem(jsonRequest("/api/knowledge", item, { headers: account.bearer }));
      expect(added.status, await added.clone().text()).toBe(201);
    }
    const { POST: createBot } = await import("@/app/api/chatbots/route");
    const botIn = async (voice: Voice) => {
      const bot = await createBot(
        jsonRequest(
          "/api/chatbots",
          // Every question of the set from one bot: no rate limit may cut the run short.
          {
            name: `Ask ${owner.profile.name}`,
            configuration: { voice, rate_limit: { max_messages: 1000, window_seconds: 60 } },
          },
          { headers: account.bearer },
        ),
      );
      expect(bot.status).toBe(201);
      return ((await bot.json()) as { id: string }).id;
    };
    return { assistant: await botIn("assistant"), first_person: await botIn("first_person") };
  }

  async function converse(owner: GoldenOwner, voice: Voice, chatbotId: string, questions: GoldenCase[]): Promise<void> {
    const { POST: chat } = await import("@/app/api/chat/route");
    const visitorId = `golden-${randomUUID()}`;
    let conversationId: string | undefined;
    for (const question of questions) {
      const response = await chat(
        jsonRequest("/api/chat", {
          chatbot_id: chatbotId,
          visitor_id: visitorId,
          message: question.ask,
          stream: false,
          ...(conversationId && { conversation_id: conversationId }),
        }),
      );
      expect(response.status, question.ask).toBe(200);
      const body = (await response.json()) as { response: string; message_id: string; conversation_id: string };
      conversationId = body.conversation_id;
      const [row] = await db().query<{ outcome: AnswerOutcome | null }>(
        "select outcome from public.messages where id = $1",
        [body.message_id],
      );
      scored.push({
        voice,
        owner: owner.field,
        question,
        answer: body.response,
        outcome: row?.outcome ?? null,
        problems: problemsWith(question, voice, body.response, row?.outcome ?? null),
        ungrounded: ungroundedSpans(body.response, ownerContent(owner)),
      });
    }
  }

  beforeAll(async () => {
    for (const owner of GOLDEN_OWNERS) {
      const bots = await setUp(owner);
      for (const voice of VOICES) {
        for (const questions of owner.conversations) await converse(owner, voice, bots[voice], questions);
      }
    }
  });

  it.each(VOICES)(
    "keeps its floors in the %s voice: answers correctly, admits what it doesn't know, states nothing the owner didn't write",
    (voice) => {
      const inVoice = scored.filter((entry) => entry.voice === voice);
      const answerable = inVoice.filter((entry) => entry.question.outcome !== "unanswered");
      const unanswerable = inVoice.filter((entry) => entry.question.outcome === "unanswered");
      const correct = answerable.filter((entry) => entry.problems.length === 0).length;
      const honest = unanswerable.filter((entry) => entry.problems.length === 0).length;
      const violations = inVoice.filter((entry) => entry.ungrounded.length > 0);

      // GOLDEN_ALL=1 lists every answer, not only the wrong ones: for reading how the answers sound.
      const lines = [
        `Golden set [${target}, ${voice}]: ${inVoice.length} questions over ${GOLDEN_OWNERS.length} owners`,
      ];
      for (const entry of inVoice) {
        if (entry.problems.length === 0 && entry.ungrounded.length === 0 && !process.env.GOLDEN_ALL) continue;
        const why = [...entry.problems, ...entry.ungrounded.map((span) => `not the owner's: "${span}"`)];
        lines.push(`  ✗ [${entry.owner}, ${entry.question.kind}] ${entry.question.ask}`);
        lines.push(`      -> ${entry.answer}`, `      (${why.join("; ")})`);
      }
      lines.push(
        `  answered correctly: ${percent(correct, answerable.length)}% (${correct}/${answerable.length})`,
        `  unanswerable answered honestly: ${percent(honest, unanswerable.length)}% (${honest}/${unanswerable.length})`,
        `  answers stating a fact absent from the owner's content: ${violations.length}`,
      );
      console.log(lines.join("\n"));

      expect(inVoice.length).toBeGreaterThanOrEqual(40);
      expect(correct / answerable.length).toBeGreaterThanOrEqual(ANSWERED_FLOOR);
      expect(honest).toBe(unanswerable.length);
      expect(violations.map((entry) => `${entry.question.ask} -> ${entry.answer}`)).toEqual([]);
    },
  );
});
