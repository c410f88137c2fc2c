import type { Lexicon } from "@/lib/language/analysis";
import { english } from "@/lib/language/english";
import type { OwnerProfile } from "../instructions";
import type { KnowledgeEntry } from "../knowledge-block";
import { knowledgeTexts } from "./knowledge";
import { splitProfileIntoPassages } from "./passages";
import type { OfflineTurn } from "./reply";

/**
 * The lexicon one reply is composed with: the meanings of every word of the question, the
 * conversation's earlier questions, the profile and the retrieved knowledge, loaded at once (each
 * word's meanings are cached for the process, so a bot's later turns read almost nothing).
 */
export function readTurn(
  profile: OwnerProfile,
  turn: OfflineTurn,
  knowledge: readonly KnowledgeEntry[],
): Promise<Lexicon> {
  return english.prepare([
    turn.question,
    ...(turn.earlierQuestions ?? []),
    profile.name ?? "",
    ...splitProfileIntoPassages(profile).map((passage) => passage.text),
    ...knowledgeTexts(knowledge),
  ]);
}
