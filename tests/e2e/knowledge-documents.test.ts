import { randomUUID } from "node:crypto";
import { describe, expect, inject, it } from "vitest";
import { DOCX_TYPE, docxOf, pdfOf } from "../support/documents";

// Documents and web pages on the production server (`next build` + `npm start`): the extraction
// worker file and its parsers must survive Next's bundling, proxy.ts must pass a large upload
// through whole, and a hostile file must cost its own process, not the server.

describe("knowledge documents on the production server", () => {
  const baseUrl = inject("embeddedBaseUrl");

  async function bearer(): Promise<Record<string, string>> {
    const credentials = { email: `docs-${randomUUID().slice(0, 8)}@example.test`, password: `pw-${randomUUID()}` };
    const post = (path: string) =>
      fetch(`${baseUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(credentials),
      });
    expect((await post("/api/auth/signup")).status).toBe(201);
    const { access_token: token } = (await (await post("/api/auth/token")).json()) as { access_token: string };
    return { authorization: `Bearer ${token}` };
  }

  async function upload(headers: Record<string, string>, file: File) {
    const form = new FormData();
    form.set("file", file);
    return fetch(`${baseUrl}/api/knowledge/documents`, { method: "POST", headers, body: form });
  }

  it("reads PDF and Word uploads, survives a zip bomb, refuses 11 MB and private addresses", async () => {
    const headers = await bearer();
    const pdf = await upload(headers, new File([await pdfOf([["Rosa spent five years at Northwind."]])], "cv.pdf"));
    expect(pdf.status).toBe(201);
    expect(((await pdf.json()) as { body: string }).body).toBe("Rosa spent five years at Northwind.");
    const docx = await upload(
      headers,
      new File([await docxOf(["Rosa speaks Portuguese."])], "a.docx", { type: DOCX_TYPE }),
    );
    expect(docx.status).toBe(201);

    // 160 MB of XML: past the 64 MB a part may inflate to, refused before mammoth reads it.
    const bomb = await docxOf(["Boom."], "<w:p><w:r><w:t>aaaaaaaaaaaaaaaa</w:t></w:r></w:p>".repeat(3_000_000));
    expect((await upload(headers, new File([bomb], "bomb.docx"))).status).toBe(413);
    expect((await fetch(`${baseUrl}/api/health`)).status).toBe(200);

    const huge = await upload(headers, new File([new Uint8Array(11 * 1024 * 1024)], "huge.pdf"));
    expect(huge.status).toBe(413);

    const web = await fetch(`${baseUrl}/api/knowledge/web`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ url: `${baseUrl}/api/health` }),
    });
    expect(web.status).toBe(400);
    expect(((await web.json()) as { error: { message: string } }).error.message).toMatch(/private, loopback/);
  });
});
