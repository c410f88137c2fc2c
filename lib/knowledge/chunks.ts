// How knowledge is cut for full-text search: passages of a few sentences, so a match points at
// the part of a long document that answers, not the whole file. Pure text, no server state.

/** Characters per chunk, about a paragraph: long enough for context, short enough to quote. */
const CHUNK_TARGET = 700;
const CHUNK_MAX = 3_500;

/** Paragraphs (blank-line separated) gathered into chunks of about CHUNK_TARGET characters. */
export function chunkText(text: string): string[] {
  const paragraphs = text
    .replace(/\r\n?/g, "\n")
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
  const chunks: string[] = [];
  let current = "";
  for (const paragraph of paragraphs) {
    for (let start = 0; start < paragraph.length; start += CHUNK_MAX) {
      const piece = paragraph.slice(start, start + CHUNK_MAX);
      if (current !== "" && current.length + piece.length + 2 > CHUNK_TARGET) {
        chunks.push(current);
        current = "";
      }
      current = current === "" ? piece : `${current}\n\n${piece}`;
    }
  }
  if (current !== "") chunks.push(current);
  return chunks;
}

/** A Q&A is one chunk: its question and other phrasings are what a visitor's words meet. */
export function chunkQuestionAndAnswer(question: string, alternatives: string[], answer: string): string[] {
  return [[question, ...alternatives, answer].join("\n").slice(0, CHUNK_MAX)];
}
