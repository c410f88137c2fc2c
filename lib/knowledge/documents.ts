import "server-only";
import { ApiError } from "@/lib/errors";
import { KNOWLEDGE_BODY_MAX, KNOWLEDGE_UPLOAD_MAX_BYTES } from "@/lib/validation/knowledge";

// Text from an uploaded document. Plain text and Markdown are read as UTF-8; PDF and Word files
// need maintained parsers run in a worker thread with a time limit, which this version does not
// have yet, so they are refused with a message saying what to do instead.

const TEXT_TYPES = /\.(txt|md|markdown)$/i;

export async function extractDocumentText(file: File): Promise<string> {
  if (file.size === 0)
    throw new ApiError("validation_failed", "The file is empty.", {
      details: [{ path: "file", message: "The file is empty." }],
    });
  if (file.size > KNOWLEDGE_UPLOAD_MAX_BYTES) {
    throw new ApiError("payload_too_large", `Files can be at most ${KNOWLEDGE_UPLOAD_MAX_BYTES / 1024 / 1024} MB.`);
  }
  if (!TEXT_TYPES.test(file.name)) {
    throw new ApiError(
      "unsupported_media_type",
      "Upload a .txt or .md file. PDF and Word documents can't be read yet: copy their text into a note instead.",
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    throw new ApiError("validation_failed", "The file is not UTF-8 text.", {
      details: [{ path: "file", message: "Save it as UTF-8 text and try again." }],
    });
  }
  text = text
    .replace(/^\uFEFF/, "")
    .replaceAll("\u0000", "")
    .trim();
  if (text === "")
    throw new ApiError("validation_failed", "The file holds no text.", {
      details: [{ path: "file", message: "The file holds no text." }],
    });
  if (text.length > KNOWLEDGE_BODY_MAX) {
    throw new ApiError(
      "payload_too_large",
      `A document's text can be at most ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters.`,
    );
  }
  return text;
}
