// A PDF's streams decoded here within a budget before pdf.js opens the file: pdf.js's FlateStream
// keeps a stream's whole output in one growing Uint8Array, so one 1 MB content stream that
// inflates to 1 GB cost the worker 1.9 GB. Object streams (the compressed objects of PDF 1.5) are
// streams like any other and go through the same check.
//
// The scan does not trust the file's structure more than it must. Every `stream` keyword is a
// stream, whatever the cross-reference table says. A deflated stream is inflated from its start to
// the end of the file, not to its /Length or to an `endstream` (which the compressed bytes can
// spell): deflate ends at its own last block, so pdf.js, reading a prefix of the same bytes, never
// gets more out of it than counted here. What this scan cannot see into (encrypted streams, LZW,
// damage zlib refuses but pdf.js reads on) is caught by the allocation guard in ./pdf-guard.mjs.

import { InflatedTooLarge, inflateRawBounded } from "./bounded-inflate.mjs";

const STREAM = /(?<![A-Za-z])stream[ \t]*(?:\r\n|\r|\n)/g;
// A dictionary's /Filter: a name, an array of names, or a reference to either.
const FILTER = /\/Filter\s*(\/[^\s/<>[\]()]+|\[[^\]]*\]|\d+\s+\d+\s+R)/g;
const NAME = /\/([^\s/<>[\]()]+)/g;
// How far before a `stream` keyword its dictionary is looked for.
const DICTIONARY_WINDOW = 8192;

/** pdf.js's own check of a zlib header (FlateStream): deflate, a valid FCHECK, no preset dictionary. */
function zlibHeader(data) {
  if (data.length < 2) return false;
  const [cmf, flg] = data;
  return (cmf & 0x0f) === 0x08 && ((cmf << 8) + flg) % 31 === 0 && (flg & 0x20) === 0;
}

/** The filters named before the stream at `at`, or null when they can't be read from the file. */
function filtersBefore(text, at, resolved) {
  const window = text.slice(Math.max(0, at - DICTIONARY_WINDOW), at);
  const own = window.slice(window.lastIndexOf("obj") + 1);
  let value = null;
  for (const match of own.matchAll(FILTER)) value = match[1];
  if (value === null) return [];
  const reference = /^(\d+)\s+(\d+)\s+R$/.exec(value);
  if (reference) {
    const key = `${reference[1]} ${reference[2]}`;
    if (!resolved.has(key)) resolved.set(key, resolve(text, reference[1], reference[2]));
    value = resolved.get(key);
    if (value === null) return null;
  }
  return [...value.matchAll(NAME)].map((match) => match[1]);
}

/** A filter object written directly in the file, or null (one inside an object stream). */
function resolve(text, number, generation) {
  const object = new RegExp(`(?<!\\d)${number}\\s+${generation}\\s+obj\\s*(\\/[^\\s/<>\\[\\]()]+|\\[[^\\]]*\\])`).exec(
    text,
  );
  return object ? object[1] : null;
}

function asciiHex(data) {
  const end = data.indexOf(0x3e); // ">"
  const digits = data
    .subarray(0, end === -1 ? data.length : end)
    .toString("latin1")
    .replace(/[^0-9a-fA-F]/g, "");
  return Buffer.from(digits.length % 2 ? `${digits}0` : digits, "hex");
}

function ascii85(data) {
  const end = data.indexOf("~>", 0, "latin1");
  const input = data.subarray(0, end === -1 ? data.length : end);
  // At most four bytes out for each byte in ("z" is four zero bytes).
  const out = Buffer.alloc(input.length * 4);
  let size = 0;
  let value = 0;
  let digits = 0;
  const flush = (bytes) => {
    for (let shift = 24, left = bytes; left > 0; shift -= 8, left--) out[size++] = (value >>> shift) & 255;
  };
  for (const code of input) {
    if (code === 0x7a && digits === 0) {
      size += 4;
      continue;
    }
    if (code < 33 || code > 117) continue;
    value = value * 85 + (code - 33);
    if (++digits === 5) {
      flush(4);
      value = 0;
      digits = 0;
    }
  }
  if (digits > 1) {
    const bytes = digits - 1;
    while (digits++ < 5) value = value * 85 + 84;
    flush(bytes);
  }
  return out.subarray(0, size);
}

/** Run-length data can grow 64-fold, so it is decoded within the budget too. */
function runLength(data, budget) {
  const limit = budget.nextPart();
  const chunks = [];
  let size = 0;
  for (let at = 0; at < data.length; ) {
    const length = data[at++];
    if (length === 128) break;
    let chunk;
    if (length < 128) {
      chunk = data.subarray(at, at + length + 1);
      at += length + 1;
    } else {
      chunk = Buffer.alloc(257 - length, data[at] ?? 0);
      at += 1;
    }
    size += chunk.length;
    if (size > limit) throw new InflatedTooLarge();
    chunks.push(chunk);
  }
  budget.spend(size);
  return Buffer.concat(chunks);
}

/** One stream's data through its filters, as far as they can be decoded here. */
function decode(data, filters, budget) {
  let current = data;
  for (const filter of filters) {
    if (filter === "FlateDecode" || filter === "Fl") {
      if (!zlibHeader(current)) return;
      try {
        current = inflateRawBounded(current.subarray(2), budget);
      } catch (error) {
        if (error instanceof InflatedTooLarge) throw error;
        return; // damage zlib refuses: the guard watches what pdf.js makes of it
      }
    } else if (filter === "ASCIIHexDecode" || filter === "AHx") current = asciiHex(current);
    else if (filter === "ASCII85Decode" || filter === "A85") current = ascii85(current);
    else if (filter === "RunLengthDecode" || filter === "RL") current = runLength(current, budget);
    // Image codecs (never decoded for text), LZW and encryption: left to the guard.
    else return;
  }
}

/** Throws InflatedTooLarge when the PDF's streams decode to more than `budget` allows. */
export function checkPdfStreams(bytes, budget) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("latin1");
  const resolved = new Map();
  for (const match of text.matchAll(STREAM)) {
    const start = match.index + match[0].length;
    const data = buffer.subarray(start);
    const filters = filtersBefore(text, match.index, resolved);
    // A /Filter the scan can't resolve (a reference into an object stream): deflate is what it
    // almost always is, and data that isn't is refused by the header check at once.
    decode(data, filters ?? ["FlateDecode"], budget);
  }
}
