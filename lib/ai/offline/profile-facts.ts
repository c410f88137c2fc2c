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
 * The passages that answer a kind of question, by position, and how surely: those of its sections,
 * those whose own words do, and when there are none of either, those of the sections that answer
 * it otherwise.
 */
export function passagesAnswering(facts: ProfileFacts, kind: QuestionKind): Map<number, number> {
  const { always, otherwise } = facts.lexicon.sectionsFor(kind);
  const answering = new Map<number, number>();
  facts.passages.forEach((passage, position) => {
    const weight = always.includes(passage.section) ? 1 : (facts.answers[position]?.get(kind) ?? 0);
    if (weight > 0) answering.set(position, weight);
  });
  if (answering.size > 0) return answering;
  facts.passages.forEach((passage, position) => {
    if (otherwise.includes(passage.section)) answering.set(position, 1);
  });
  return answering;
}
