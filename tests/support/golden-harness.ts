import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { AnswerOutcome, Voice } from "@/lib/constants";
import type { Database } from "@/lib/db";
import { jsonRequest, signUpOwner } from "./auth";
import { type GoldenCase, type GoldenOwner, HONEST } from "./golden-set";
import { ungroundedSpans } from "./grounding";

/*
 * One harness for every golden set of the offline model, through the real turn path: owners,
 * profiles, knowledge and bots made through the API, every question asked through the chat route
 * (JSON), so the database's retrieval inside start_turn picks the knowledge the model sees, as in
 * production, and the outcome read back from public.messages. Call these inside a
 * describeEachDatabase suite: the handlers use the database bound there.
 */

/** Each voice keeps this share of answerable questions answered correctly. */
export const ANSWERED_FLOOR = 0.9;

export interface Scored {
  voice: Voice;
  owner: string;
  question: GoldenCase;
  answer: string;
  outcome: AnswerOutcome | null;
  problems: string[];
  ungrounded: string[];
}

/** Everything the owner wrote: the only words an answer may state beyond the templates. */
export function ownerContent(owner: GoldenOwner): string[] {
  const profile = Object.values(owner.profile).filter((value): value is string => value !== null);
  const knowledge = owner.knowledge.flatMap((item) =>
    item.kind === "qa" ? [item.question, item.answer, ...item.alternatives] : [item.title, item.body],
  );
  return [...profile, ...knowledge];
}

export function problemsWith(
  question: GoldenCase,
  voice: Voice,
  answer: string,
  outcome: AnswerOutcome | null,
): string[] {
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

export const percent = (part: number, whole: number) => (whole === 0 ? 100 : Math.round((1000 * part) / whole) / 10);

/** Signs the owner up, writes their profile and knowledge, and makes them a bot in each voice. */
export async function setUpOwner(owner: GoldenOwner): Promise<Record<Voice, string>> {
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

/** Asks the questions in order in one conversation and scores each answer. */
export async function converse(
  db: Database,
  owner: GoldenOwner,
  voice: Voice,
  chatbotId: string,
  questions: readonly GoldenCase[],
  { secret = false }: { secret?: boolean } = {},
): Promise<Scored[]> {
  const { POST: chat } = await import("@/app/api/chat/route");
  const visitorId = `golden-${randomUUID()}`;
  const scored: Scored[] = [];
  let conversationId: string | undefined;
  for (const [index, question] of questions.entries()) {
    const response = await chat(
      jsonRequest("/api/chat", {
        chatbot_id: chatbotId,
        visitor_id: visitorId,
        message: question.ask,
        stream: false,
        ...(conversationId && { conversation_id: conversationId }),
      }),
    );
    // A secret set (the held-out half) shows no question, not even when a turn fails.
    expect(response.status, secret ? `${owner.field}, question ${index + 1}` : question.ask).toBe(200);
    const body = (await response.json()) as { response: string; message_id: string; conversation_id: string };
    conversationId = body.conversation_id;
    const [row] = await db.query<{ outcome: AnswerOutcome | null }>(
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
  return scored;
}

/** Sets up each owner and asks all its conversations in each voice. */
export async function runGoldenSet(
  db: Database,
  owners: readonly GoldenOwner[],
  voices: readonly Voice[],
  options: { secret?: boolean } = {},
): Promise<Scored[]> {
  const scored: Scored[] = [];
  for (const owner of owners) {
    const bots = await setUpOwner(owner);
    for (const voice of voices) {
      for (const questions of owner.conversations) {
        scored.push(...(await converse(db, owner, voice, bots[voice], questions, options)));
      }
    }
  }
  return scored;
}

export interface Totals {
  questions: number;
  answerable: number;
  correct: number;
  unanswerable: number;
  honest: number;
  /** Answers stating a fact absent from the owner's content. */
  ungrounded: number;
}

export function totals(entries: readonly Scored[]): Totals {
  const answerable = entries.filter((entry) => entry.question.outcome !== "unanswered");
  const unanswerable = entries.filter((entry) => entry.question.outcome === "unanswered");
  return {
    questions: entries.length,
    answerable: answerable.length,
    correct: answerable.filter((entry) => entry.problems.length === 0).length,
    unanswerable: unanswerable.length,
    honest: unanswerable.filter((entry) => entry.problems.length === 0).length,
    ungrounded: entries.filter((entry) => entry.ungrounded.length > 0).length,
  };
}

/** The totals' closing lines, the same for every set. */
export function totalLines(sum: Totals): string[] {
  return [
    `  answered correctly: ${percent(sum.correct, sum.answerable)}% (${sum.correct}/${sum.answerable})`,
    `  unanswerable answered honestly: ${percent(sum.honest, sum.unanswerable)}% (${sum.honest}/${sum.unanswerable})`,
    `  answers stating a fact absent from the owner's content: ${sum.ungrounded}`,
  ];
}

/** Each wrong answer (every answer with GOLDEN_ALL=1) with the question and why: for sets one may read. */
export function missLines(entries: readonly Scored[]): string[] {
  const lines: string[] = [];
  for (const entry of entries) {
    if (entry.problems.length === 0 && entry.ungrounded.length === 0 && !process.env.GOLDEN_ALL) continue;
    const why = [...entry.problems, ...entry.ungrounded.map((span) => `not the owner's: "${span}"`)];
    lines.push(`  ✗ [${entry.owner}, ${entry.question.kind}] ${entry.question.ask}`);
    lines.push(`      -> ${entry.answer}`, `      (${why.join("; ")})`);
  }
  return lines;
}

/**
 * A set's own check: every text a case requires of an answer from the owner's content is a span the
 * owner wrote (small talk and the contact offer require template text, so they are left out).
 */
export function unwrittenExpectations(owners: readonly GoldenOwner[]): string[] {
  return owners.flatMap((owner) => {
    const content = ownerContent(owner).join("\n").toLowerCase();
    return owner.conversations
      .flat()
      .filter((question) => question.kind !== "small-talk" && question.kind !== "contact")
      .flatMap((question) =>
        (question.contains ?? [])
          .filter((wanted) => !content.includes(wanted.toLowerCase()))
          .map((wanted) => `[${owner.field}] ${question.ask}: "${wanted}"`),
      );
  });
}
