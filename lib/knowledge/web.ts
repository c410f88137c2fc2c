import "server-only";
import { ApiError } from "@/lib/errors";
import { fetchOutbound, OutboundFetchError } from "@/lib/http/outbound-fetch";
import { storableText } from "./documents";
import { extractText } from "./extract";
import {
  KNOWLEDGE_BODY_MAX,
  KNOWLEDGE_TITLE_MAX,
  WEB_FETCH_MAX_REDIRECTS,
  WEB_FETCH_TIMEOUT_MS,
  WEB_PAGE_MAX_BYTES,
} from "./schemas";
import type { KnowledgeRecord } from "./types";

// A web page an owner imports into knowledge: fetched through the outbound guard (public addresses
// only, a deadline, a size cap), reduced to its main text by Readability in the extraction worker.

const HTML_TYPES = new Set(["text/html", "application/xhtml+xml"]);
const TEXT_TYPES = new Set(["text/plain", "text/markdown"]);

const refuse = (code: "validation_failed" | "unprocessable", message: string) =>
  new ApiError(code, message, { details: [{ path: "url", message }] });

function decode(body: Buffer, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? "utf-8").decode(body);
  } catch {
    // A charset TextDecoder doesn't know: UTF-8 keeps whatever is ASCII readable.
    return new TextDecoder().decode(body);
  }
}

/** The page at an address as a knowledge item of kind web: its main text, title and final address. */
export async function webPageRecord(address: string): Promise<KnowledgeRecord> {
  let fetched: Awaited<ReturnType<typeof fetchOutbound>>;
  try {
    fetched = await fetchOutbound(address, {
      timeoutMs: WEB_FETCH_TIMEOUT_MS,
      maxBytes: WEB_PAGE_MAX_BYTES,
      maxRedirects: WEB_FETCH_MAX_REDIRECTS,
      accept: "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8",
    });
  } catch (error) {
    if (!(error instanceof OutboundFetchError)) throw error;
    // The address itself is wrong (400); anything else is about what answered there (422).
    throw refuse(
      error.reason === "bad_url" || error.reason === "blocked_address" ? "validation_failed" : "unprocessable",
      error.message,
    );
  }
  const source = decode(fetched.body, fetched.charset);
  let title: string | null = null;
  let text: string;
  if (HTML_TYPES.has(fetched.mediaType)) {
    const page = await extractText("html", new TextEncoder().encode(source));
    title = page.title;
    text = page.text;
  } else if (TEXT_TYPES.has(fetched.mediaType)) {
    text = source;
  } else {
    throw refuse(
      "unprocessable",
      `The address holds ${fetched.mediaType || "something without a type"}, not a web page. Upload files as documents.`,
    );
  }
  text = storableText(text);
  if (text === "") throw refuse("unprocessable", "The page has no text to read.");
  if (text.length > KNOWLEDGE_BODY_MAX) {
    throw refuse(
      "unprocessable",
      `The page's text is longer than ${KNOWLEDGE_BODY_MAX.toLocaleString("en")} characters; import a shorter page.`,
    );
  }
  const named = storableText(title ?? "").replace(/\s+/g, " ");
  return {
    kind: "web",
    title: (named || fetched.url.hostname + fetched.url.pathname).slice(0, KNOWLEDGE_TITLE_MAX),
    body: text,
    alternatives: [],
    sourceUrl: fetched.url.href,
  };
}
