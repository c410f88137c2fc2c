import "server-only";
import { fork } from "node:child_process";
import path from "node:path";
import { ApiError } from "@/lib/errors";
import {
  DOCUMENT_INFLATED_MAX_BYTES,
  DOCUMENT_MAX_PAGES,
  DOCUMENT_PART_INFLATED_MAX_BYTES,
  EXTRACTION_HEAP_MB,
  EXTRACTION_TIME_LIMIT_MS,
  EXTRACTIONS_AT_ONCE,
  KNOWLEDGE_BODY_MAX,
} from "./schemas";

// Parsing a PDF, a Word file or a page's HTML is the one place where a stranger's bytes drive a
// complex parser, so it never runs in the server's process: each extraction gets a child process
// with a heap limit and a deadline, and is killed past the deadline. This matters most on the
// embedded database, whose PGlite shares the server's main thread: a stalled parse there would
// stall every query too.
//
// A child process, not a worker thread: measured with a 1.7 MB .docx that inflates to 400 MB of
// XML, a worker_threads Worker with resourceLimits (256 MB) did not stop it: V8 reached its heap
// limit inside the worker and aborted the whole server process ("FATAL ERROR: Reached heap limit").
// A child that runs out of heap dies alone. It gets no environment either, so no secret of the
// server (AUTH_SECRET, DATABASE_URL) is within reach of the parser.

export type ExtractFormat = "pdf" | "docx" | "html";

export interface Extracted {
  text: string;
  /** The page's title (HTML); null for files, whose title is their name. */
  title: string | null;
  /** A PDF's page count. */
  pages: number | null;
}

type WorkerReply =
  | { ok: true; text: string; title: string | null; pages: number | null }
  | {
      ok: false;
      reason: "encrypted" | "unreadable" | "too_many_pages" | "too_large" | "text_too_long";
      pages?: number;
    };

/**
 * The worker file where it lies in the project, which the server runs from (`npm start`, `next
 * dev`, the tests). Not `new URL("./extract-worker.mjs", import.meta.url)`: Turbopack rewrites that
 * per bundle, and in the server-action bundle it became a /_next/static/media URL, not a file.
 */
const WORKER_PATH = path.join(process.cwd(), "lib", "knowledge", "extract-worker.mjs");

let running = 0;
let timeLimitMs = EXTRACTION_TIME_LIMIT_MS;

/** Tests see the deadline kill a child without a file that takes 20 seconds to read. */
export function setExtractionTimeLimitForTests(milliseconds: number | undefined): void {
  timeLimitMs = milliseconds ?? EXTRACTION_TIME_LIMIT_MS;
}

let childListener: ((pid: number) => void) | undefined;

/** Tests learn each extraction child's pid, to read its peak memory from /proc while it runs. */
export function watchExtractionChildrenForTests(listener: ((pid: number) => void) | undefined): void {
  childListener = listener;
}

const what = (format: ExtractFormat) => (format === "html" ? "page" : "file");

export async function extractText(format: ExtractFormat, bytes: Uint8Array): Promise<Extracted> {
  if (running >= EXTRACTIONS_AT_ONCE) {
    throw new ApiError("unavailable", "Other documents are being read right now; try again in a few seconds.", {
      headers: { "Retry-After": "5" },
    });
  }
  running++;
  try {
    return fromReply(format, await runWorker(format, bytes));
  } finally {
    running--;
  }
}

function fromReply(format: ExtractFormat, reply: WorkerReply | "timeout" | "crashed"): Extracted {
  if (reply === "timeout") {
    throw new ApiError(
      "unprocessable",
      `The ${what(format)} took longer than ${timeLimitMs / 1000} seconds to read; it may be damaged or too complex.`,
    );
  }
  if (reply === "crashed") {
    throw new ApiError("unprocessable", `The ${what(format)} could not be read: it is damaged or too complex.`);
  }
  if (reply.ok) return { text: reply.text, title: reply.title, pages: reply.pages };
  switch (reply.reason) {
    case "encrypted":
      throw new ApiError("unprocessable", "The PDF is protected by a password. Upload a copy without one.");
    case "too_many_pages":
      throw new ApiError(
        "unprocessable",
        `The PDF has ${reply.pages} pages; at most ${DOCUMENT_MAX_PAGES} can be read. Upload the part that matters.`,
      );
    case "too_large":
      throw new ApiError(
        "payload_too_large",
        `The ${what(format)} unpacks to more than ${DOCUMENT_INFLATED_MAX_BYTES / 1024 / 1024} MB (or one part of it to more than ${DOCUMENT_PART_INFLATED_MAX_BYTES / 1024 / 1024} MB); it can't be read.`,
      );
    case "text_too_long":
      throw new ApiError(
        "payload_too_large",
        `A document's text can be at most ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters; this one has far more. Upload the part that matters.`,
      );
    default:
      throw new ApiError(
        "unprocessable",
        format === "pdf"
          ? "The file is not a readable PDF."
          : format === "docx"
            ? "The file is not a readable Word (.docx) document."
            : "The page could not be read.",
      );
  }
}

function runWorker(format: ExtractFormat, bytes: Uint8Array): Promise<WorkerReply | "timeout" | "crashed"> {
  return new Promise((resolve) => {
    const child = fork(/* turbopackIgnore: true */ WORKER_PATH, [], {
      execArgv: [`--max-old-space-size=${EXTRACTION_HEAP_MB}`],
      env: { NODE_ENV: process.env.NODE_ENV },
      // Structured clone over the channel: the file's bytes arrive as a Uint8Array, not as JSON.
      serialization: "advanced",
      // The parser's own warnings about a damaged file stay out of the server's log.
      stdio: ["ignore", "ignore", "ignore", "ipc"],
    });
    if (child.pid !== undefined) childListener?.(child.pid);
    let settled = false;
    const settle = (result: WorkerReply | "timeout" | "crashed") => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      if (child.exitCode === null) child.kill("SIGKILL");
      resolve(result);
    };
    const deadline = setTimeout(() => settle("timeout"), timeLimitMs);
    child.once("message", (reply: WorkerReply) => settle(reply));
    // Out of heap, killed, or failed to start: no answer came.
    child.once("error", () => settle("crashed"));
    child.once("exit", () => settle("crashed"));
    child.send({
      format,
      bytes,
      maxPages: DOCUMENT_MAX_PAGES,
      maxChars: KNOWLEDGE_BODY_MAX,
      partMax: DOCUMENT_PART_INFLATED_MAX_BYTES,
      totalMax: DOCUMENT_INFLATED_MAX_BYTES,
    });
  });
}
