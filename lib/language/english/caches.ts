import "server-only";
import type { QuestionKind, Term } from "@/lib/language/analysis";
import { processCache } from "../bounded-cache";

// What the process keeps of the owners' texts between turns: their terms and the kinds of question
// each answers, by text, bounded. A bot's profile comes back on every turn.

const MAX_PASSAGES_CACHED = 5_000;

/** The kinds of question each of the owners' passages answers, by section and text, for the process. */
export const passageKinds = () =>
  processCache<ReadonlyMap<QuestionKind, number>>("english passage kinds", MAX_PASSAGES_CACHED);

/** The terms of the owners' texts, by text, for the process. */
export const passageTerms = () => processCache<Term[]>("english passage terms", MAX_PASSAGES_CACHED);
