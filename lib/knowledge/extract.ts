import "server-only";
import { Worker } from "node:worker_threads";
import { ApiError } from "@/lib/errors";
import { DOCUMENT_MAX_PAGES, EXTRACTION_HEAP_MB, EXTRACTION_TIME_LIMIT_MS, EXTRACTIONS_AT_ONCE } from "@/lib/limits";

// Parsing a PDF, a Word file or a page's HTML is the one place where a stranger's bytes drive a
// complex parser, so it never runs on the server's thread: each extraction gets a worker thread
// with a heap limit and a deadline, and is terminated past either. This matters most on the
// embedded database, whose PGlite shares the server's main thread: a stalled parse there would
// stall every query too.

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
  | { ok: false; reason: "encrypted" | "unreadable" | "too_many_pages"; pages?: number };

const WORKER_URL = new URL("./extract-worker.mjs", import.meta.url);

let running = 0;

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
      `The ${what(format)} took longer than ${EXTRACTION_TIME_LIMIT_MS / 1000} seconds to read; it may be damaged or too complex.`,
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
    const worker = new Worker(WORKER_URL, {
      workerData: { format, bytes, maxPages: DOCUMENT_MAX_PAGES },
      resourceLimits: { maxOldGenerationSizeMb: EXTRACTION_HEAP_MB, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
      // The worker's console (pdf.js warnings about a damaged file) stays out of the server's log.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (result: WorkerReply | "timeout" | "crashed") => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      void worker.terminate();
      resolve(result);
    };
    const deadline = setTimeout(() => settle("timeout"), EXTRACTION_TIME_LIMIT_MS);
    worker.once("message", (reply: WorkerReply) => settle(reply));
    // An exception in the parser, or the heap limit reached (ERR_WORKER_OUT_OF_MEMORY).
    worker.once("error", () => settle("crashed"));
    worker.once("exit", () => settle("crashed"));
  });
}
