import type { Lexicon, QuestionKind } from "@/lib/language/analysis";
import type { OwnerProfile } from "../instructions";
import { Bm25Index } from "./bm25";
import type { Passage } from "./passages";

/** A profile read once per reply: its passages, their index, and the kinds of question each answers. */
export interface ProfileFacts {
  lexicon: Lexicon;
  passages: readonly Passage[];
  index: Bm25Index;
  /** The owner's name: it says who a question is about, not what it is about. */
  ownerName: string | null;
  /** Per passage, the kinds of question its own words answer, and how surely. */
  answers: ReadonlyArray<ReadonlyMap<QuestionKind, number>>;
}

export function readProfile(profile: OwnerProfile, passages: readonly Passage[], lexicon: Lexicon): ProfileFacts {
  return {
    lexicon,
    passages,
    index: new Bm25Index(
      passages.map((passage) => lexicon.terms(passage.text)),
      lexicon,
    ),
    ownerName: profile.name,
    answers: passages.map((passage) => lexicon.answersKinds(passage.text, passage.section)),
  };
}

/**
 * The passages that answer a kind of question, by position, and how surely: those of its sections
 * and those whose own words surely do; when there are none, those that answer it less surely (a
 * bio sentence naming a role, when there is no experience); when there are none of those either,
 * those of the sections that answer it otherwise.
 */
export function passagesAnswering(facts: ProfileFacts, kind: QuestionKind): Map<number, number> {
  const { always, otherwise } = facts.lexicon.sectionsFor(kind);
  const answering = (test: (position: number) => number) => {
    const found = new Map<number, number>();
    facts.passages.forEach((_, position) => {
      const weight = test(position);
      if (weight > 0) found.set(position, weight);
    });
    return found;
  };
  const own = (position: number) => facts.answers[position]?.get(kind) ?? 0;
  const sure = answering((position) =>
    always.includes(facts.passages[position].section) ? 1 : own(position) >= 1 ? 1 : 0,
  );
  if (sure.size > 0) return sure;
  const lessSure = answering(own);
  if (lessSure.size > 0) return lessSure;
  return answering((position) => (otherwise.includes(facts.passages[position].section) ? 1 : 0));
}
