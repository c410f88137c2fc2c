import { z } from "zod";
import { KNOWLEDGE_KINDS } from "@/lib/constants";
import { timestampSchema, uuidSchema } from "@/lib/validation/common";
import { cursorSchema, limitSchema } from "@/lib/validation/pagination";

// Knowledge items, shared by the API, the dashboard's forms and the OpenAPI document.

/** Pages of a PDF read into knowledge; a longer one is refused before its text is read. */
export const DOCUMENT_MAX_PAGES = 200;

/**
 * Reading a PDF, a Word file or a web page's HTML runs in a child process with this much time and
 * heap; past either the child dies and the upload is refused, so a hostile file costs one child
 * process, never the server.
 */
export const EXTRACTION_TIME_LIMIT_MS = 20_000;
export const EXTRACTION_HEAP_MB = 256;
/** Child processes reading files at once per server process; more answer 503 with Retry-After. */
export const EXTRACTIONS_AT_ONCE = 2;

/**
 * What one upload may inflate to before its parser sees it: any one zip entry or PDF stream, and
 * all of them together. The heap limit above caps V8's heap, not the Buffers an inflater fills, so
 * without these a 1.5 MB .docx took its child to 4.4 GB. 64 MiB for a part is far past any text
 * part a 100,000-character document needs (its XML or content streams run to a few MB) and holds
 * a 21-megapixel deflated image; 256 MiB in all is 25 times the 10 MB upload, more than ordinary
 * files compress by. With the parser's own copy, a refused file costs its child under 512 MB.
 */
export const DOCUMENT_PART_INFLATED_MAX_BYTES = 64 * 1024 * 1024;
export const DOCUMENT_INFLATED_MAX_BYTES = 256 * 1024 * 1024;

/** A web page imported into knowledge: the whole fetch (redirects included), its size, its hops. */
export const WEB_FETCH_TIMEOUT_MS = 10_000;
export const WEB_PAGE_MAX_BYTES = 2 * 1024 * 1024;
export const WEB_FETCH_MAX_REDIRECTS = 5;

export const KNOWLEDGE_TITLE_MAX = 300;
export const KNOWLEDGE_BODY_MAX = 100_000;
export const KNOWLEDGE_ALTERNATIVES_MAX = 10;
/** An uploaded document's size limit, before its text is extracted. */
export const KNOWLEDGE_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/**
 * What one owner's knowledge may hold, so one account can't fill the database: items, and the
 * bytes of their titles, bodies and kept originals together (five documents kept at the upload
 * limit, or a few hundred pages of text).
 */
export const KNOWLEDGE_ITEMS_PER_OWNER = 500;
export const KNOWLEDGE_BYTES_PER_OWNER = 50 * 1024 * 1024;

const title = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} must not be empty.`)
    .max(KNOWLEDGE_TITLE_MAX, `${label} must be at most ${KNOWLEDGE_TITLE_MAX} characters.`);

const body = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, `${label} must not be empty.`)
    .max(KNOWLEDGE_BODY_MAX, `${label} must be at most ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters.`);

const alternatives = z
  .array(z.string().trim().min(1, "Must not be empty.").max(KNOWLEDGE_TITLE_MAX))
  .max(KNOWLEDGE_ALTERNATIVES_MAX, `At most ${KNOWLEDGE_ALTERNATIVES_MAX} other phrasings.`)
  .default([]);

/** A question visitors ask and its answer, given as written when they ask it (or say it otherwise). */
export const qaInputSchema = z.object({
  kind: z.literal("qa"),
  question: title("question"),
  answer: body("answer"),
  alternatives,
});

/** A titled Markdown note. */
export const noteInputSchema = z.object({ kind: z.literal("note"), title: title("title"), body: body("body") });

/** POST /api/knowledge: a Q&A pair or a note. */
export const knowledgeInputSchema = z.discriminatedUnion("kind", [qaInputSchema, noteInputSchema], {
  error: 'kind must be "qa" or "note".',
});
export type KnowledgeInput = z.output<typeof knowledgeInputSchema>;

/** POST /api/knowledge/documents, as multipart/form-data. */
export const documentUploadSchema = z.object({
  file: z
    .file({ error: "Choose a file to upload." })
    .describe("A PDF, Word (.docx), Markdown or plain text file of at most 10 MB (and 200 pages)."),
  keep_original: z
    .stringbool({ error: 'keep_original must be "true" or "false".' })
    .default(false)
    .describe("Keep the file itself in the database beside its text (default: only the text is kept)."),
});

export const KNOWLEDGE_URL_MAX = 2048;

/** POST /api/knowledge/web. */
export const webImportSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "url must be an http:// or https:// address." })
    .max(KNOWLEDGE_URL_MAX, `url must be at most ${KNOWLEDGE_URL_MAX} characters.`)
    .describe("The page to read. Private, loopback and link-local addresses are refused."),
});

export const knowledgeItemSchema = z.object({
  id: uuidSchema,
  kind: z.enum(KNOWLEDGE_KINDS),
  /** The Q&A's question, the note's title, the document's file name or the web page's title. */
  title: z.string(),
  /** The Q&A's answer, the note's Markdown, the document's extracted text or the page's main text. */
  body: z.string(),
  alternatives: z.array(z.string()),
  source_url: z.string().nullable().describe("A web page's address (after redirects); null for other kinds."),
  original: z
    .object({ media_type: z.string(), size: z.number().int() })
    .nullable()
    .describe("The uploaded file kept beside its text, when its owner chose to keep it."),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type KnowledgeItem = z.output<typeof knowledgeItemSchema>;

export const knowledgePageSchema = z.object({
  items: z.array(knowledgeItemSchema),
  next_cursor: z.string().nullable(),
});

export const listKnowledgeQuerySchema = z.object({
  limit: limitSchema.default(50),
  cursor: cursorSchema.optional(),
});
export type ListKnowledgeQuery = z.output<typeof listKnowledgeQuerySchema>;
