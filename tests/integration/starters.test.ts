import fs from "node:fs/promises";
import path from "node:path";
import { beforeAll, expect, it } from "vitest";
import type { OwnerProfile } from "@/lib/ai/instructions";
import { CONFIGURATION_DEFAULTS } from "@/lib/chatbots/configuration";
import { VOICES, type Voice } from "@/lib/constants";
import { applySeed, supabaseDir } from "@/lib/db/migrate";
import { describeEachDatabase } from "../support/databases";
import { converse, type Scored, setUpOwner } from "../support/golden-harness";
import { GOLDEN_OWNERS, type GoldenOwner, HONEST } from "../support/golden-set";
import { HELD_OUT_OWNERS } from "../support/golden-unseen/held-out";
import { TUNING_OWNERS } from "../support/golden-unseen/tuning";

/*
 * The questions a visitor can ask with one click must be answered from the owner's content: the
 * default starters every new bot offers, and the demo bot's (/c/demo, supabase/seed.sql), asked of
 * the demo bot itself and, with Ada's name and pronoun swapped for theirs, of a bot on every owner
 * of both golden sets in both voices, each in a fresh conversation through /api/chat. An answer
 * passes when its outcome is from_content, it is not an honest I-don't-know, and it states nothing
 * the owner didn't write. Failures print as a table of owner, voice, starter and what went wrong;
 * never an answer, since the held-out owners are among them.
 *
 * Baseline, before any tuning, the same on PGlite and PostgreSQL 15: 40/60 pass in the assistant
 * voice (the demo bot and nine owners), 36/54 in first_person (nine owners). Every failure is one
 * question in two spellings: the demo's "What does <name> do?" and the default "What do they do?" get an honest
 * I-don't-know (outcome unanswered) from every bot, the demo bot included; the other four starters
 * pass everywhere.
 */

const OWNERS: readonly GoldenOwner[] = [...GOLDEN_OWNERS, ...TUNING_OWNERS, ...HELD_OUT_OWNERS];

/** How each golden owner's profile speaks of them, to put the demo's "she" questions to them. */
const PRONOUNS: Record<string, "she" | "he" | "they"> = {
  "Lena Park": "she",
  "Jonas Weber": "he",
  "Amara Okafor": "she",
  "Priya Raman": "she",
  "Julien Marchand": "he",
  "Sam Lindqvist": "they",
  "Rachel Adeyemi": "she",
  "Kenji Watanabe": "he",
  "Gwen Pritchard": "she",
};

/** The demo bot's starter questions, as the seed stores them. */
async function demoStarters(): Promise<string[]> {
  const seed = await fs.readFile(path.join(supabaseDir(), "seed.sql"), "utf8");
  const match = seed.match(/"starter_questions":(\[[^\]]*\])/);
  if (!match) throw new Error("supabase/seed.sql has no starter_questions");
  return JSON.parse(match[1].replaceAll("''", "'")) as string[];
}

/** A demo starter put to another owner: their first name for Ada's, their pronoun for hers. */
function forOwner(question: string, profile: OwnerProfile): string {
  const pronoun = PRONOUNS[profile.name ?? ""];
  if (!pronoun) throw new Error(`no pronoun for ${profile.name}`);
  const verbs = pronoun === "they" ? { does: "do", is: "are" } : { does: "does", is: "is" };
  return question
    .replace(/\bAda\b/g, (profile.name ?? "").split(" ")[0])
    .replace(/\b(does|is) she\b/gi, (_, verb: "does" | "is") => `${verbs[verb]} ${pronoun}`)
    .replace(/\bshe\b/gi, pronoun);
}

interface Failure {
  owner: string;
  voice: Voice;
  ask: string;
  why: string;
}

function failureOf(entry: Scored): Failure | null {
  const why = [
    ...(entry.outcome === "from_content" ? [] : [`outcome ${entry.outcome}`]),
    ...(HONEST.test(entry.answer) ? ["I-don't-know"] : []),
    ...(entry.ungrounded.length > 0 ? [`${entry.ungrounded.length} ungrounded span(s)`] : []),
  ];
  return why.length === 0
    ? null
    : { owner: entry.owner, voice: entry.voice, ask: entry.question.ask, why: why.join(", ") };
}

describeEachDatabase("starter questions", (db, target) => {
  const results: { voice: Voice; owner: string; failure: Failure | null }[] = [];

  beforeAll(async () => {
    const demo = await demoStarters();
    const defaults = CONFIGURATION_DEFAULTS.starter_questions;
    const ask = async (owner: GoldenOwner, voice: Voice, chatbotId: string, questions: string[], secret: boolean) => {
      for (const question of questions) {
        const [entry] = await converse(
          db(),
          owner,
          voice,
          chatbotId,
          [{ ask: question, kind: "answerable", outcome: "from_content" }],
          { secret },
        );
        results.push({ voice, owner: owner.field, failure: failureOf(entry) });
      }
    };

    // The demo bot itself, as a newcomer meets it: its own profile, its own configuration (assistant voice).
    await applySeed(db());
    const [bot] = await db().query<{ id: string } & OwnerProfile>(
      `select c.id, p.name, p.location, p.bio, p.skills, p.experience, p.interests
         from public.chatbots c join public.profiles p on p.user_id = c.user_id
        where c.public_url_slug = 'demo'`,
    );
    const { id, ...profile } = bot;
    const demoOwner: GoldenOwner = { field: "demo bot", profile, knowledge: [], conversations: [] };
    await ask(demoOwner, "assistant", id, [...demo, ...defaults], false);

    for (const owner of OWNERS) {
      const bots = await setUpOwner(owner);
      const secret = HELD_OUT_OWNERS.includes(owner);
      const questions = [...demo.map((question) => forOwner(question, owner.profile)), ...defaults];
      for (const voice of VOICES) await ask(owner, voice, bots[voice], questions, secret);
    }
  });

  it.each(VOICES)("answers every starter from the owner's content in the %s voice", (voice) => {
    const inVoice = results.filter((entry) => entry.voice === voice);
    const failures = inVoice.flatMap((entry) => (entry.failure ? [entry.failure] : []));
    const width = Math.max(0, ...failures.map((failure) => failure.owner.length));
    const askWidth = Math.max(0, ...failures.map((failure) => failure.ask.length));
    console.log(
      [
        `Starter questions [${target}, ${voice}]: ${inVoice.length - failures.length}/${inVoice.length} answered from the owner's content`,
        ...failures.map(
          (failure) => `  ✗ ${failure.owner.padEnd(width)}  ${failure.ask.padEnd(askWidth)}  ${failure.why}`,
        ),
      ].join("\n"),
    );
    expect(inVoice.length).toBeGreaterThan(0);
    expect(failures.length).toBe(0);
  });
});
