// Inflation with a byte budget, for the extraction worker (./extract-worker.mjs): a .docx is a zip
// and a PDF's streams are mostly deflated, so a 1 MB upload can unpack to gigabytes. The parsers'
// own inflaters (JSZip in mammoth, pdf.js's FlateStream) fill Buffers and ArrayBuffers outside
// V8's heap, which --max-old-space-size does not cap: measured, a 1.5 MB .docx drove the child to
// 4.4 GB and a 1 MB PDF to 1.9 GB. So every part is inflated here first, by zlib with
// maxOutputLength, and a file past its budget is refused before a parser sees it.

import zlib from "node:zlib";

/** Thrown when a file unpacks to more than its budget; the worker answers "too_large". */
export class InflatedTooLarge extends Error {}

/** A byte budget shared by all the parts of one file: each part at most `partMax`, all `totalMax`. */
export class InflateBudget {
  constructor(partMax, totalMax) {
    this.partMax = partMax;
    this.left = totalMax;
  }

  /** What one more part may inflate to. */
  nextPart() {
    return Math.min(this.partMax, this.left);
  }

  /** Counts a part's inflated bytes against the file's total. */
  spend(bytes) {
    if (bytes > this.partMax || bytes > this.left) throw new InflatedTooLarge();
    this.left -= bytes;
  }
}

/**
 * Raw deflate data inflated to at most what the budget leaves; truncated input gives what it
 * holds (Z_SYNC_FLUSH), as the parsers' own lenient inflaters would. Other damage throws as is.
 */
export function inflateRawBounded(data, budget) {
  const limit = budget.nextPart();
  let out;
  try {
    // One byte past the limit, so a part exactly at it passes and one past it is caught.
    out = zlib.inflateRawSync(data, { maxOutputLength: limit + 1, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  } catch (error) {
    if (error?.code === "ERR_BUFFER_TOO_LARGE") throw new InflatedTooLarge();
    throw error;
  }
  budget.spend(out.length);
  return out;
}
