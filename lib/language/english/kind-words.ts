import "server-only";
import type { QuestionKind } from "@/lib/language/analysis";
import { ENGLISH_QUESTION_KINDS } from "./question-kinds";
import { sensesOf } from "./wordnet";

/** The kinds of question, in their declaration's order. */
export const KINDS = Object.keys(ENGLISH_QUESTION_KINDS) as QuestionKind[];

export interface KindWords {
  /** The anchors themselves. */
  anchors: ReadonlySet<string>;
  /** The anchors, the other words of their first sense, and the words derived from them. */
  said: ReadonlySet<string>;
  /** The anchors' first senses, as ids. */
  meanings: ReadonlySet<string>;
}

let kindWords: Promise<Map<QuestionKind, KindWords>> | null = null;

/** Each kind's anchors with their first sense's synonyms, loaded once per process. */
export function loadKindWords(): Promise<Map<QuestionKind, KindWords>> {
  kindWords ??= Promise.all(
    KINDS.map(async (kind) => {
      const anchors = ENGLISH_QUESTION_KINDS[kind].anchors;
      const senses = await Promise.all(anchors.map(([word, wordClass]) => sensesOf(word, wordClass, 1)));
      const words = new Set(anchors.map(([word]) => word));
      const said = new Set([...words, ...senses.flatMap((sense) => [...sense.synonyms, ...sense.derived])]);
      const meanings = new Set(senses.flatMap((sense) => sense.meanings));
      return [kind, { anchors: words, said, meanings }] as const;
    }),
  ).then((entries) => new Map(entries));
  return kindWords;
}
