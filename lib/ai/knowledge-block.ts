import { escapeProfileText, unescapeProfileText } from "./instructions";

// The owner's retrieved knowledge inside a chatbot's instructions, between <knowledge> markers,
// written so that the offline model reads back exactly what an LLM is given. Text is escaped as the
// profile is, so nothing the owner wrote can forge a marker or an entry's heading.

/** One retrieved chunk, as private.retrieve_knowledge returns it. */
export interface KnowledgeEntry {
  item_id: string;
  kind: "qa" | "note" | "document" | "web";
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
const ENTRY = /^### (qa|note|document|web) ([0-9a-f-]{36})( asked)?$/;

const oneLine = (text: string) => escapeProfileText(text).replace(/\s*\n\s*/g, " ");

export function renderKnowledgeBlock(entries: readonly KnowledgeEntry[]): string {
  const lines = [OPEN];
  for (const entry of entries) {
    lines.push(`### ${entry.kind} ${entry.item_id}${entry.asked ? " asked" : ""}`, `Title: ${oneLine(entry.title)}`);
    for (const alternative of entry.alternatives) lines.push(`Also asked: ${oneLine(alternative)}`);
    lines.push(escapeProfileText(answerPart(entry)));
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

/** The entries of the last knowledge block in the instructions; none when there is no block. */
export function parseKnowledgeFromInstructions(instructions: string): KnowledgeEntry[] {
  const lines = instructions.replace(/\r\n?/g, "\n").split("\n");
  const open = lines.lastIndexOf(OPEN);
  const close = open === -1 ? -1 : lines.indexOf(CLOSE, open + 1);
  if (close === -1) return [];
  const entries: KnowledgeEntry[] = [];
  let body: string[] = [];
  const finish = () => {
    const last = entries.at(-1);
    if (last) last.content = unescapeProfileText(body.join("\n")).trim();
    body = [];
  };
  for (const line of lines.slice(open + 1, close)) {
    const heading = ENTRY.exec(line);
    if (heading) {
      finish();
      entries.push({
        kind: heading[1] as KnowledgeEntry["kind"],
        item_id: heading[2],
        title: "",
        alternatives: [],
        content: "",
        asked: heading[3] !== undefined,
      });
      continue;
    }
    const entry = entries.at(-1);
    if (!entry) continue;
    if (entry.title === "" && line.startsWith("Title: ")) entry.title = unescapeProfileText(line.slice(7));
    else if (body.length === 0 && line.startsWith("Also asked: "))
      entry.alternatives.push(unescapeProfileText(line.slice(12)));
    else body.push(line);
  }
  finish();
  return entries;
}
