import { escapeProfileText, normalizeNewlines } from "./prompt-text";

// The owner's retrieved knowledge inside a chatbot's instructions, between <knowledge> markers.
// Text is escaped as the profile is, so nothing the owner wrote can forge a marker or an entry's
// heading. The offline model is handed the same entries as data (grounding.ts), as given here.

export const KNOWLEDGE_KINDS = ["qa", "note", "document", "web"] as const;

/** One retrieved chunk, as private.retrieve_knowledge returns it. */
export interface KnowledgeEntry {
  item_id: string;
  kind: (typeof KNOWLEDGE_KINDS)[number];
  /** The Q&A's question, the note's title, the document's file name. */
  title: string;
  alternatives: string[];
  /** The chunk: for a Q&A its question, other phrasings and answer, one per line. */
  content: string;
  /** A Q&A whose question (or another phrasing) matches the visitor's: its answer is the reply. */
  asked: boolean;
}

const OPEN = "<knowledge>";
const CLOSE = "</knowledge>";

const oneLine = (text: string) => normalizeNewlines(text).replace(/\s*\n\s*/g, " ");

/** An entry as a model is given it: title and phrasings on one line each, and what is said. */
export function asGiven(entry: KnowledgeEntry): KnowledgeEntry {
  return {
    ...entry,
    title: oneLine(entry.title),
    alternatives: entry.alternatives.map(oneLine),
    content: normalizeNewlines(answerPart(entry)).trim(),
  };
}

export function renderKnowledgeBlock(entries: readonly KnowledgeEntry[]): string {
  const lines = [OPEN];
  for (const entry of entries.map(asGiven)) {
    lines.push(
      `### ${entry.kind} ${entry.item_id}${entry.asked ? " asked" : ""}`,
      `Title: ${escapeProfileText(entry.title)}`,
    );
    for (const alternative of entry.alternatives) lines.push(`Also asked: ${escapeProfileText(alternative)}`);
    lines.push(escapeProfileText(entry.content));
  }
  lines.push(CLOSE);
  return lines.join("\n");
}

/** A Q&A chunk repeats its question and phrasings before the answer; the answer is what is said. */
function answerPart(entry: KnowledgeEntry): string {
  if (entry.kind !== "qa") return entry.content;
  const lines = entry.content.split("\n");
  return lines.slice(1 + entry.alternatives.length).join("\n");
}
