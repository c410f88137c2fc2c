// The text of an uploaded PDF or Word file, or of a web page's HTML, read in a child process that
// lib/knowledge/extract.ts starts with a heap limit and a deadline: a hostile file (a page tree that
// never ends, a zip bomb, a deeply nested page) can exhaust or crash this process, never the
// server. Plain JavaScript beside its caller, so Next and Vitest run it as the file it is.
//
// Heap limits don't cap the Buffers an inflater fills, so a .docx's parts and a PDF's streams are
// inflated within a byte budget before the parser opens the file (./bounded-*.mjs), and text past
// the limit is refused here rather than copied to the server.
//
// In: one IPC message { format: "pdf" | "docx" | "html", bytes: Uint8Array, maxPages, maxChars,
// partMax, totalMax } (numbers; the limits in ./schemas.ts).
// Out: one message, { ok: true, text, title, pages } or { ok: false, reason, pages? }; then exit.

import { docxTextParts, NotAZip, storedZip } from "./bounded-docx.mjs";
import { InflateBudget, InflatedTooLarge } from "./bounded-inflate.mjs";
import { checkPdfStreams } from "./bounded-pdf.mjs";
import { guardAllocations } from "./pdf-guard.mjs";

const TOO_LONG = { ok: false, reason: "text_too_long" };

/** A PDF's pages as text, one paragraph per line break pdf.js reports, pages apart. */
async function readPdf(bytes, limits) {
  const { maxPages, maxChars } = limits;
  try {
    checkPdfStreams(bytes, new InflateBudget(limits.partMax, limits.totalMax));
  } catch (error) {
    if (error instanceof InflatedTooLarge) return { ok: false, reason: "too_large" };
    throw error;
  }
  const guard = guardAllocations(limits.partMax, limits.totalMax);
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const read = await readPdfText(pdfjs, bytes, maxPages, maxChars);
  return guard.exceeded() ? { ok: false, reason: "too_large" } : read;
}

async function readPdfText(pdfjs, bytes, maxPages, maxChars) {
  let document;
  try {
    document = await pdfjs.getDocument({
      data: bytes,
      // Fonts are never drawn and no code in the file is evaluated: text is all we read.
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: pdfjs.VerbosityLevel.ERRORS,
    }).promise;
  } catch (error) {
    return { ok: false, reason: error?.name === "PasswordException" ? "encrypted" : "unreadable" };
  }
  const pages = document.numPages;
  if (pages > maxPages) return { ok: false, reason: "too_many_pages", pages };
  const texts = [];
  let length = 0;
  for (let number = 1; number <= pages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    let text = "";
    for (const item of content.items) {
      if (!("str" in item)) continue;
      text += item.str;
      if (item.hasEOL) text += "\n";
    }
    texts.push(text.trim());
    page.cleanup();
    length += text.length;
    // Blank lines are cut later, so only text well past the limit is refused this early.
    if (length > 2 * maxChars) return TOO_LONG;
  }
  await document.destroy();
  return { ok: true, text: texts.filter(Boolean).join("\n\n"), title: null, pages };
}

/** A Word file's paragraphs, blank-line separated (mammoth's raw text). */
async function readDocx(bytes, { maxChars, partMax, totalMax }) {
  let zip;
  try {
    zip = storedZip(docxTextParts(bytes, new InflateBudget(partMax, totalMax)));
  } catch (error) {
    if (error instanceof InflatedTooLarge) return { ok: false, reason: "too_large" };
    if (error instanceof NotAZip) return { ok: false, reason: "unreadable" };
    throw error;
  }
  const { default: mammoth } = await import("mammoth");
  try {
    const { value } = await mammoth.extractRawText({ buffer: zip });
    return value.length > 2 * maxChars ? TOO_LONG : { ok: true, text: value, title: null, pages: null };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

const BLOCKS = "h1, h2, h3, h4, h5, h6, p, li, pre, blockquote, dt, dd, th, td, figcaption";

/**
 * A page's main text by Readability (Firefox's reader view), one paragraph per block element so
 * knowledge chunks keep the page's paragraphs.
 */
async function readHtml(bytes) {
  const { parseHTML } = await import("linkedom");
  const { Readability } = await import("@mozilla/readability");
  const html = new TextDecoder().decode(bytes);
  const { document } = parseHTML(html);
  const article = new Readability(document).parse();
  if (!article?.content) return { ok: true, text: "", title: document.title || null, pages: null };
  const { document: main } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const blocks = [...main.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS));
  const paragraphs = (blocks.length > 0 ? blocks : [main.body])
    .map((block) => (block.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter(Boolean);
  return { ok: true, text: paragraphs.join("\n\n"), title: article.title || document.title || null, pages: null };
}

process.once("message", async ({ format, bytes, ...limits }) => {
  const read = { pdf: () => readPdf(bytes, limits), docx: () => readDocx(bytes, limits), html: () => readHtml(bytes) }[
    format
  ];
  const reply = read ? await read() : { ok: false, reason: "unreadable" };
  process.send(reply, () => process.exit(0));
});
