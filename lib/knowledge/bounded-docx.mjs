// A .docx's XML parts read from its zip here, each inflated within a budget, and handed to mammoth
// as a new zip of stored (uncompressed) entries: mammoth's JSZip then has nothing left to inflate,
// and reads exactly the bytes checked here, so no difference between two zip readers (duplicate
// names, a local header that disagrees with the central directory) can slip a bomb past the check.

import zlib from "node:zlib";
import { InflatedTooLarge, inflateRawBounded } from "./bounded-inflate.mjs";

/** Thrown for a file that is not a zip this reader accepts; the worker answers "unreadable". */
export class NotAZip extends Error {}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;

// Text lives in the XML parts and their relationships; images and embedded files are not read
// for text, so they are neither inflated nor counted against the budget.
const TEXT_PART = /\.(xml|rels)$/i;

function endOfDirectory(buffer) {
  // The record is 22 bytes plus a comment of at most 65,535, at the very end.
  const lowest = Math.max(0, buffer.length - 22 - 0xffff);
  for (let at = buffer.length - 22; at >= lowest; at--) {
    if (buffer.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  throw new NotAZip("no end of central directory");
}

/** The zip's entries as the central directory lists them: name, method, sizes, data. */
function* entries(buffer) {
  const end = endOfDirectory(buffer);
  const count = buffer.readUInt16LE(end + 10);
  let at = buffer.readUInt32LE(end + 16);
  // Zip64 markers: no .docx within the upload limit needs them.
  if (count === 0xffff || at === 0xffffffff) throw new NotAZip("zip64");
  for (let index = 0; index < count; index++) {
    if (at + 46 > buffer.length || buffer.readUInt32LE(at) !== DIRECTORY_ENTRY) throw new NotAZip("directory");
    const flags = buffer.readUInt16LE(at + 8);
    const method = buffer.readUInt16LE(at + 10);
    const compressedSize = buffer.readUInt32LE(at + 20);
    const declaredSize = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const skip = nameLength + buffer.readUInt16LE(at + 30) + buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString("utf8", at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (flags & 1) throw new NotAZip("encrypted entry");
    if (local + 30 > buffer.length || buffer.readUInt32LE(local) !== LOCAL_HEADER) throw new NotAZip("local header");
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    if (start + compressedSize > buffer.length) throw new NotAZip("entry past the end");
    yield { name, method, declaredSize, data: buffer.subarray(start, start + compressedSize) };
  }
}

/** The text parts of a .docx, inflated within `budget` (see ./bounded-inflate.mjs). */
export function docxTextParts(bytes, budget) {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = new Map();
  const wanted = [...entries(buffer)].filter((entry) => TEXT_PART.test(entry.name));
  // The declared sizes first: an honest bomb is refused before a byte of it is inflated.
  let declared = 0;
  for (const entry of wanted) {
    declared += entry.declaredSize;
    if (entry.declaredSize > budget.partMax || declared > budget.left) throw new InflatedTooLarge();
  }
  for (const entry of wanted) {
    if (parts.has(entry.name)) throw new NotAZip(`two entries named ${entry.name}`);
    if (entry.method === 0) {
      budget.spend(entry.data.length);
      parts.set(entry.name, entry.data);
    } else if (entry.method === 8) {
      // A lying declared size is no help: the budget stops the inflation itself.
      let inflated;
      try {
        inflated = inflateRawBounded(entry.data, budget);
      } catch (error) {
        if (error instanceof InflatedTooLarge) throw error;
        throw new NotAZip(`damaged entry ${entry.name}`);
      }
      parts.set(entry.name, inflated);
    } else {
      throw new NotAZip(`compression method ${entry.method}`);
    }
  }
  return parts;
}

/** A zip of stored entries, for mammoth: what JSZip reads from it is exactly `parts`. */
export function storedZip(parts) {
  const locals = [];
  const directory = [];
  let offset = 0;
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, "utf8");
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(DIRECTORY_ENTRY, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = directory.reduce((sum, chunk) => sum + chunk.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_DIRECTORY, 0);
  end.writeUInt16LE(parts.size, 8);
  end.writeUInt16LE(parts.size, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}
