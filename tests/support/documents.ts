import JSZip from "jszip";
import { PDFDocument, PDFHexString, StandardFonts } from "pdf-lib";

// Real PDF and Word files for the tests, built by maintained libraries (pdf-lib, JSZip) rather
// than committed as opaque fixtures, so each test shows what its file holds.

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

export async function pdfOf(
  pages: string[][],
  options: { encrypted?: boolean } = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const document = await PDFDocument.create();
  const font = await document.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = document.addPage([300, 400]);
    lines.forEach((line, index) => {
      page.drawText(line, { x: 20, y: 360 - index * 20, size: 10, font });
    });
  }
  if (options.encrypted) {
    // The standard security handler with a user password the reader doesn't have: what a
    // "password to open" PDF looks like to pdf.js.
    const id = PDFHexString.of("00112233445566778899aabbccddeeff");
    document.context.trailerInfo.Encrypt = document.context.obj({
      Filter: "Standard",
      V: 1,
      R: 2,
      O: PDFHexString.of("11".repeat(32)),
      U: PDFHexString.of("22".repeat(32)),
      P: -44,
    });
    document.context.trailerInfo.ID = document.context.obj([id, id]);
  }
  return new Uint8Array(await document.save({ useObjectStreams: false }));
}

/** A minimal Office Open XML document: the three parts Word itself needs to open it. */
export async function docxOf(paragraphs: string[], padding = ""): Promise<Uint8Array<ArrayBuffer>> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const body = paragraphs.map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`).join("");
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}${padding}</w:body></w:document>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}
