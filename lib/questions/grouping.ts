import "server-only";
import type { Term } from "@/lib/language/analysis";
import { english } from "@/lib/language/english";

// The questions queue's second grouping step. The database groups questions by their normalised
// text (private.normalized_question); here those groups join when their terms (groupingTerms:
// the same analysis the chat reads questions with, words of one meaning folded onto one term, the
// owner's name left out) mostly agree, so "Would she relocate?" and "Is she open to moving?" wait
// as one question with two wordings.

/** How much two questions' terms must overlap (shared / all, Jaccard) to count as the same question. */
const SAME_QUESTION_OVERLAP = 0.5;

export interface WordedGroup {
  /** The newest wording of this normalised text. */
  question: string;
  terms: readonly string[];
  times: number;
  lastAskedAt: string;
}

export interface MergedGroup<Group extends WordedGroup> {
  /** The most asked member first; the others are other wordings of it. */
  members: Group[];
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const term of a) if (b.has(term)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Joins groups into questions, taking them most asked first: each joins the first question whose
 * leading wording it overlaps enough with. Comparing with the leader, not with everything joined
 * so far, keeps a chain of near neighbours from drifting into one group about everything.
 * A question without content words (all stop words) stays on its own.
 */
export function mergeSimilarQuestions<Group extends WordedGroup>(groups: readonly Group[]): MergedGroup<Group>[] {
  const ordered = [...groups].sort((a, b) => b.times - a.times || b.lastAskedAt.localeCompare(a.lastAskedAt));
  const merged: Array<{ leader: Set<string>; members: Group[] }> = [];
  for (const group of ordered) {
    const terms = new Set(group.terms);
    const home = merged.find((candidate) => overlap(candidate.leader, terms) >= SAME_QUESTION_OVERLAP);
    if (home) home.members.push(group);
    else merged.push({ leader: terms, members: [group] });
  }
  return merged.map(({ members }) => ({ members }));
}

/**
 * Each question's terms for grouping: its meaningful words (the owner's name left out), where
 * words that say the same thing, in any of these questions ("relocate", "move"), become one term.
 */
export async function groupingTerms(questions: readonly string[], ownerName: string | null): Promise<string[][]> {
  const lexicon = await english.prepare(questions);
  const readings = questions.map((question) => lexicon.question(question, ownerName).terms);
  const representatives: Term[] = [];
  const termFor = (term: Term): string => {
    const same = representatives.find((other) => lexicon.sameMeaning(term, other) || lexicon.sameMeaning(other, term));
    if (same) return same.lemma;
    representatives.push(term);
    return term.lemma;
  };
  return readings.map((terms) => [...new Set(terms.map(termFor))]);
}
