import "server-only";
import type { QuestionKind, Term } from "@/lib/language/analysis";
import { BoundedCache } from "../bounded-cache";

// What the process keeps of the owners' texts between turns: their terms and the kinds of question
// each answers, by text, bounded. A bot's profile comes back on every turn.

const MAX_PASSAGES_CACHED = 5_000;
const termHolder = globalThis as typeof globalThis & { chatfolioPassageTerms?: BoundedCache<Term[]> };

const kindsHolder = globalThis as typeof globalThis & {
  chatfolioPassageKinds?: BoundedCache<ReadonlyMap<QuestionKind, number>>;
};

/** The kinds of question each of the owners' passages answers, by section and text, for the process. */
export function passageKinds(): BoundedCache<ReadonlyMap<QuestionKind, number>> {
  kindsHolder.chatfolioPassageKinds ??= new BoundedCache(MAX_PASSAGES_CACHED);
  return kindsHolder.chatfolioPassageKinds;
}

/** The terms of the owners' texts, by text, for the process. */
export function passageTerms(): BoundedCache<Term[]> {
  termHolder.chatfolioPassageTerms ??= new BoundedCache(MAX_PASSAGES_CACHED);
  return termHolder.chatfolioPassageTerms;
}
