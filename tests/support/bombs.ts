import zlib from "node:zlib";

// Decompression bombs built in the test rather than committed: a deflate stream of a gigabyte is
// made without compressing a gigabyte. One chunk of repeated text is deflated once by a fresh
// compressor and flushed to a byte boundary (Z_SYNC_FLUSH, no final block); its back-references
// point only inside itself, so the same compressed bytes repeated N times inflate to N chunks.

const MB = 1024 * 1024;

/** Raw deflate of `head`, then `chunk` repeated until about `totalBytes`, then `tail`. */
export function deflatedRepeat(head: string, chunk: string, totalBytes: number, tail: string): Buffer {
  const flushed = (text: string) =>
    zlib.deflateRawSync(Buffer.from(text), { level: 9, finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const repeated = chunk.repeat(Math.ceil(MB / chunk.length));
  const one = flushed(repeated);
  const copies = Math.ceil(totalBytes / repeated.length);
  return Buffer.concat([
    flushed(head),
    ...Array.from({ length: copies }, () => one),
    zlib.deflateRawSync(Buffer.from(tail), { level: 9 }),
  ]);
}

interface ZipEntry {
  name: string;
  /** The entry's bytes as stored: deflated when `inflatedSize` is given, else stored as is. */
  data: Buffer;
  /** The uncompressed size the zip declares for a deflated entry (a bomb may lie). */
  inflatedSize?: number;
}

/** A zip written by hand, since no zip library takes data that is already deflated. */
export function zipOf(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data, inflatedSize } of entries) {
    const nameBytes = Buffer.from(name);
    const deflated = inflatedSize !== undefined;
    // CRC-32s are not checked by mammoth's JSZip nor by the server; the stored ones are right.
    const crc = deflated ? 0 : zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(deflated ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(inflatedSize ?? data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(deflated ? 8 : 0, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(inflatedSize ?? data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    directory.push(entry, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * A .docx whose word/document.xml inflates to about `inflatedBytes` of paragraphs; its zip
 * declares that size truthfully unless `declaredSize` says otherwise.
 */
export function docxBomb(inflatedBytes: number, declaredSize?: number): Uint8Array<ArrayBuffer> {
  const head = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
  const paragraph = "<w:p><w:r><w:t>aaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
  const tail = "</w:body></w:document>";
  const document = deflatedRepeat(head, paragraph, inflatedBytes, tail);
  const chunk = paragraph.repeat(Math.ceil(MB / paragraph.length)).length;
  const trueSize = head.length + Math.ceil(inflatedBytes / chunk) * chunk + tail.length;
  const zip = zipOf([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES) },
    { name: "_rels/.rels", data: Buffer.from(RELS) },
    { name: "word/document.xml", data: document, inflatedSize: declaredSize ?? trueSize },
  ]);
  return new Uint8Array(zip);
}

/** A one-page PDF whose one FlateDecode content stream inflates to about `inflatedBytes`. */
export function pdfBomb(inflatedBytes: number): Uint8Array<ArrayBuffer> {
  // A zlib stream: its two-byte header, raw deflate (of text drawing nothing), no checksum
  // (pdf.js does not check one, and a bomb needn't be honest).
  const content = Buffer.concat([
    Buffer.from([0x78, 0xda]),
    deflatedRepeat("BT /F1 12 Tf 20 20 Td (Boom.) Tj ET\n", "% padding\n", inflatedBytes, "\n"),
  ]);
  const objects = [
    Buffer.from("<< /Type /Catalog /Pages 2 0 R >>"),
    Buffer.from("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
    Buffer.from(
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 400] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    ),
    Buffer.concat([
      Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`),
      content,
      Buffer.from("\nendstream"),
    ]),
    Buffer.from("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"),
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.7\n")];
  const offsets: number[] = [];
  let length = parts[0]?.length ?? 0;
  objects.forEach((body, index) => {
    offsets.push(length);
    const object = Buffer.concat([Buffer.from(`${index + 1} 0 obj\n`), body, Buffer.from("\nendobj\n")]);
    parts.push(object);
    length += object.length;
  });
  const xref = [
    "xref",
    `0 ${objects.length + 1}`,
    "0000000000 65535 f ",
    ...offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n `),
    "trailer",
    `<< /Size ${objects.length + 1} /Root 1 0 R >>`,
    "startxref",
    String(length),
    "%%EOF",
  ].join("\n");
  parts.push(Buffer.from(`${xref}\n`));
  return new Uint8Array(Buffer.concat(parts));
}
