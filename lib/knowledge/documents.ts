import "server-only";
import { ApiError, type ErrorCode } from "@/lib/errors";
import { type ExtractFormat, extractText } from "./extract";
import { KNOWLEDGE_BODY_MAX, KNOWLEDGE_TITLE_MAX, KNOWLEDGE_UPLOAD_MAX_BYTES } from "./schemas";
import type { KnowledgeRecord } from "./types";

// Text from an uploaded document, the same for the API and the dashboard. Plain text and Markdown
// are read as UTF-8 here; PDF (pdf.js) and Word .docx (mammoth) are read in a child process with
// time and memory limits (./extract.ts).

const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

type DocumentFormat = ExtractFormat | "text";

/** By the file's extension, or its declared type when the name has none we know. */
function formatOf(file: File): { format: DocumentFormat; mediaType: string } | null {
  const name = file.name.toLowerCase();
  const type = file.type.split(";")[0]?.trim().toLowerCase() ?? "";
  if (name.endsWith(".pdf") || type === "application/pdf") return { format: "pdf", mediaType: "application/pdf" };
  if (name.endsWith(".docx") || type === DOCX_TYPE) return { format: "docx", mediaType: DOCX_TYPE };
  if (/\.(md|markdown)$/.test(name) || type === "text/markdown") return { format: "text", mediaType: "text/markdown" };
  if (name.endsWith(".txt") || type === "text/plain") return { format: "text", mediaType: "text/plain" };
  return null;
}

interface DocumentText {
  text: string;
  /** The upload's media type, kept with the original when the owner keeps it. */
  mediaType: string;
  bytes: Uint8Array;
}

const refuse = (code: ErrorCode, message: string) =>
  new ApiError(code, message, { details: [{ path: "file", message }] });

async function extractDocumentText(file: File): Promise<DocumentText> {
  if (file.size === 0) throw refuse("validation_failed", "The file is empty.");
  if (file.size > KNOWLEDGE_UPLOAD_MAX_BYTES) {
    throw refuse("payload_too_large", `Files can be at most ${KNOWLEDGE_UPLOAD_MAX_BYTES / 1024 / 1024} MB.`);
  }
  const kind = formatOf(file);
  if (!kind) {
    throw refuse(
      "unsupported_media_type",
      /\.(doc|rtf|odt|pages)$/i.test(file.name)
        ? "This word processor format can't be read: save the file as .docx or PDF and upload that."
        : "Upload a PDF, a Word (.docx), a Markdown (.md) or a plain text (.txt) file.",
    );
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text: string;
  if (kind.format === "text") {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      throw new ApiError("validation_failed", "The file is not UTF-8 text.", {
        details: [{ path: "file", message: "Save it as UTF-8 text and try again." }],
      });
    }
  } else {
    text = (await extractText(kind.format, bytes)).text;
  }
  text = storableText(text);
  if (text === "") {
    throw kind.format === "pdf"
      ? refuse(
          "unprocessable",
          "The PDF holds no text, only images of it (a scan?). Copy its text into a note, or upload the original document.",
        )
      : refuse(kind.format === "text" ? "validation_failed" : "unprocessable", "The file holds no text.");
  }
  if (text.length > KNOWLEDGE_BODY_MAX) {
    throw refuse(
      "payload_too_large",
      `A document's text can be at most ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters; this one has ${text.length.toLocaleString("en")}. Upload the part that matters.`,
    );
  }
  return { text, mediaType: kind.mediaType, bytes };
}

/** An uploaded file as a knowledge item: its text, titled by its name, and the file if kept. */
export async function documentRecord(file: File, keepOriginal: boolean): Promise<KnowledgeRecord> {
  const { text, mediaType, bytes } = await extractDocumentText(file);
  return {
    kind: "document",
    title: file.name.slice(0, KNOWLEDGE_TITLE_MAX).trim() || "Document",
    body: text,
    alternatives: [],
    ...(keepOriginal ? { original: { bytes, mediaType } } : {}),
  };
}

/**
 * What a parser hands back as text PostgreSQL can store: no byte-order mark or NUL, lone
 * surrogates (a damaged PDF's text layer) replaced, runs of blank lines cut to one.
 */
export function storableText(text: string): string {
  return text
    .replace(/^\uFEFF/, "")
    .replaceAll("\u0000", "")
    .toWellFormed()
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
