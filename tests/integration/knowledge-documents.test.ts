import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionInput, RegisteredAction } from "@/lib/http/action";
import { idleFormState } from "@/lib/http/form-state";
import { isPublicAddress } from "@/lib/http/outbound-fetch";
import { runWithRequestForTests } from "@/lib/http/request-facts";
import { importWebPageAction, uploadDocumentAction } from "@/lib/knowledge/actions";
import { setExtractionTimeLimitForTests } from "@/lib/knowledge/extract";
import { jsonRequest, type SignedUpOwner, setEnv, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { describeEachDatabase } from "../support/databases";
import { DOCX_TYPE, docxOf, pdfOf } from "../support/documents";

// Documents and web pages as knowledge, through the real routes: real PDF and Word files built here
// by maintained libraries (pdf-lib, JSZip) and read by the server's own extraction worker (pdf.js,
// mammoth), and web pages served by a local HTTP server and reduced by Readability.

interface Item {
  id: string;
  kind: string;
  title: string;
  body: string;
  source_url: string | null;
  original: { media_type: string; size: number } | null;
}
interface ErrorReply {
  error: { code: string; message: string; details?: Array<{ path: string }> };
}

async function upload(who: SignedUpOwner, file: File | null, fields: Record<string, string> = {}) {
  const form = new FormData();
  if (file) form.set("file", file);
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  const { POST } = await import("@/app/api/knowledge/documents/route");
  return POST(
    new Request(`${TEST_ORIGIN}/api/knowledge/documents`, { method: "POST", headers: who.bearer, body: form }),
  );
}

async function importPage(who: SignedUpOwner, url: string) {
  const { POST } = await import("@/app/api/knowledge/web/route");
  return POST(jsonRequest("/api/knowledge/web", { url }, { headers: who.bearer }));
}

async function getItem(who: SignedUpOwner, id: string) {
  const { GET } = await import("@/app/api/knowledge/[id]/route");
  return GET(new Request(`${TEST_ORIGIN}/api/knowledge/${id}`, { headers: who.bearer }), {
    params: Promise.resolve({ id }),
  });
}

async function callAction(action: RegisteredAction, who: SignedUpOwner, input: ActionInput) {
  const request = new Request(`${TEST_ORIGIN}/dashboard/knowledge`, {
    method: "POST",
    headers: { origin: TEST_ORIGIN, cookie: who.cookie },
  });
  const { result } = await runWithRequestForTests(request, () => action(idleFormState as never, input));
  return result as { status: string; code?: string; message?: string; data?: { id: string } };
}

describeEachDatabase("knowledge documents", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
  });

  it("reads a PDF's pages into a document the bot answers from, seen by its owner only", async () => {
    const bytes = await pdfOf([
      ["Rosa Park", "Curriculum vitae"],
      ["Rosa spent five years at Northwind", "as a lead engineer."],
    ]);
    const response = await upload(owner, new File([bytes], "cv.pdf", { type: "application/pdf" }));
    expect(response.status).toBe(201);
    const item = (await response.json()) as Item;
    expect(item).toMatchObject({ kind: "document", title: "cv.pdf", source_url: null, original: null });
    expect(item.body).toContain("Curriculum vitae");
    expect(item.body).toContain("Rosa spent five years at Northwind");

    expect((await getItem(other, item.id)).status).toBe(404);
    const { GET: list } = await import("@/app/api/knowledge/route");
    const others = (await (
      await list(new Request(`${TEST_ORIGIN}/api/knowledge`, { headers: other.bearer }))
    ).json()) as { items: Item[] };
    expect(others.items.map((entry) => entry.id)).not.toContain(item.id);

    const { PUT: putProfile } = await import("@/app/api/profile/route");
    await putProfile(
      jsonRequest(
        "/api/profile",
        { name: "Rosa Park", bio: "An engineer.", skills: "Go.", experience: "", interests: "" },
        { method: "PUT", headers: owner.bearer },
      ),
    );
    const { POST: createBot } = await import("@/app/api/chatbots/route");
    const bot = (await (
      await createBot(jsonRequest("/api/chatbots", { name: "Ask Rosa" }, { headers: owner.bearer }))
    ).json()) as { id: string };
    const { POST: chat } = await import("@/app/api/chat/route");
    const turn = await chat(
      jsonRequest("/api/chat", {
        chatbot_id: bot.id,
        visitor_id: `doc-${randomUUID()}`,
        message: "How long was she at Northwind?",
      }),
    );
    expect(((await turn.json()) as { response: string }).response).toContain("five years at Northwind");
  });

  it("reads a Word file's paragraphs and keeps the original when asked", async () => {
    const bytes = await docxOf(["Rosa speaks Portuguese and German.", "She mentors two junior engineers."]);
    const response = await upload(owner, new File([bytes], "about.docx", { type: DOCX_TYPE }), {
      keep_original: "true",
    });
    expect(response.status).toBe(201);
    const item = (await response.json()) as Item;
    expect(item.body).toBe("Rosa speaks Portuguese and German.\n\nShe mentors two junior engineers.");
    expect(item.original).toEqual({ media_type: DOCX_TYPE, size: bytes.byteLength });
    expect(((await (await getItem(owner, item.id)).json()) as Item).original).toEqual(item.original);
  });

  it("refuses files it can't or mustn't read with a clear error", async () => {
    const cases: Array<[string, Response, number, string, RegExp]> = [
      [
        "garbage named .pdf",
        await upload(owner, new File(["%PDF-1.7\n1 0 obj <</Kids [2 0 R]>> garbage"], "cv.pdf")),
        422,
        "unprocessable",
        /not a readable PDF/,
      ],
      [
        "a password-protected PDF",
        await upload(owner, new File([await pdfOf([["Secret"]], { encrypted: true })], "locked.pdf")),
        422,
        "unprocessable",
        /password/,
      ],
      [
        "a PDF past the page limit",
        await upload(owner, new File([await pdfOf(Array.from({ length: 201 }, () => ["Page"]))], "long.pdf")),
        422,
        "unprocessable",
        /201 pages; at most 200/,
      ],
      [
        "a PDF with no text (a scan)",
        await upload(owner, new File([await pdfOf([[], []])], "scan.pdf")),
        422,
        "unprocessable",
        /no text/,
      ],
      [
        "a zip that isn't a Word document",
        await upload(
          owner,
          new File([await new JSZip().file("a.txt", "x").generateAsync({ type: "blob" })], "cv.docx"),
        ),
        422,
        "unprocessable",
        /not a readable Word/,
      ],
      [
        "an old .doc file",
        await upload(owner, new File(["\u00d0\u00cf\u0011\u00e0"], "cv.doc")),
        415,
        "unsupported_media_type",
        /\.docx or PDF/,
      ],
      ["no file", await upload(owner, null), 400, "validation_failed", /file/],
      [
        "JSON instead of a form",
        await (await import("@/app/api/knowledge/documents/route")).POST(
          jsonRequest("/api/knowledge/documents", { file: "cv.pdf" }, { headers: owner.bearer }),
        ),
        415,
        "unsupported_media_type",
        /multipart\/form-data/,
      ],
    ];
    for (const [label, response, status, code, message] of cases) {
      const body = (await response.json()) as ErrorReply;
      expect({ label, status: response.status, code: body.error.code }).toEqual({ label, status, code });
      expect(body.error.message, label).toMatch(message);
    }
  });

  it("refuses a file over 10 MB with 413 before reading it", async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(new TextEncoder().encode("%PDF-1.7\n"));
    const response = await upload(owner, new File([big], "huge.pdf", { type: "application/pdf" }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorReply).error.code).toBe("payload_too_large");
    // A body past the form's cap, whatever it carries, is cut off the same way.
    const { POST } = await import("@/app/api/knowledge/documents/route");
    const form = new FormData();
    form.set("file", new File([new Uint8Array(11 * 1024 * 1024)], "huge.txt"));
    const capped = await POST(
      new Request(`${TEST_ORIGIN}/api/knowledge/documents`, { method: "POST", headers: owner.bearer, body: form }),
    );
    expect(capped.status).toBe(413);
  });

  it("survives a zip bomb within the inflate budget: the parser's process dies, the server answers 422", async () => {
    // 52 MB of XML, under the 64 MB part budget (bigger bombs are refused unread, with 413:
    // knowledge-upload-bombs.test.ts), yet past the parser's heap once mammoth builds its tree.
    const bomb = await docxOf(["Boom."], "<w:p><w:r><w:t>aaaaaaaaaaaaaaaa</w:t></w:r></w:p>".repeat(1_000_000));
    const started = performance.now();
    const response = await upload(owner, new File([bomb], "bomb.docx"));
    const body = (await response.json()) as ErrorReply;
    expect({ status: response.status, code: body.error.code }).toEqual({ status: 422, code: "unprocessable" });
    expect(body.error.message).toMatch(/damaged or too complex/);
    expect(performance.now() - started).toBeLessThan(20_000);
    const after = await upload(owner, new File([await docxOf(["Still here."])], "after.docx"));
    expect(after.status).toBe(201);
  });

  it("kills a reading that outlasts its deadline and answers 422", async () => {
    setExtractionTimeLimitForTests(50);
    try {
      const response = await upload(owner, new File([await pdfOf([["Slow to read."]])], "slow.pdf"));
      const body = (await response.json()) as ErrorReply;
      expect({ status: response.status, code: body.error.code }).toEqual({ status: 422, code: "unprocessable" });
      expect(body.error.message).toMatch(/took longer than 0.05 seconds/);
    } finally {
      setExtractionTimeLimitForTests(undefined);
    }
    expect((await upload(owner, new File([await pdfOf([["Quick."]])], "quick.pdf"))).status).toBe(201);
  });

  it("uploads through the dashboard's action with the same extraction", async () => {
    const form = new FormData();
    form.set("file", new File([await pdfOf([["Rosa plays the cello."]])], "hobbies.pdf"));
    form.set("keep_original", "on");
    const added = await callAction(uploadDocumentAction, owner, form);
    expect(added.status).toBe("success");
    const item = (await (await getItem(owner, added.data?.id ?? "")).json()) as Item;
    expect(item).toMatchObject({ kind: "document", title: "hobbies.pdf", body: "Rosa plays the cello." });
    expect(item.original?.media_type).toBe("application/pdf");
  });
});

describe("which addresses count as public", () => {
  it("refuses every private, loopback, link-local and embedded-IPv4 form", () => {
    for (const address of ["8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of [
      "127.0.0.1",
      "127.8.9.10",
      "10.0.0.1",
      "172.16.5.4",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254",
      "fe80::1",
      "fc00::1",
      "fd12:3456::1",
      "64:ff9b::a00:1",
      "2002:a00:1::1",
      "::7f00:1",
      "::a00:1",
      "::808:808",
      "224.0.0.1",
      "255.255.255.255",
      "not an address",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
    }
  });
});

describeEachDatabase("web pages as knowledge", () => {
  let owner: SignedUpOwner;
  let other: SignedUpOwner;
  let server: Server;
  let base: string;
  let port: number;
  const requested: string[] = [];

  const ARTICLE = `<!doctype html><html><head><title>Rosa Park: talks</title></head><body>
    <nav><a href="/">Home</a> <a href="/blog">Blog</a> Subscribe to the newsletter</nav>
    <main><article><h1>Talks by Rosa Park</h1>
      <p>Rosa Park gave a talk on payment systems at GopherCon Lisbon in 2024, about retries and idempotency keys in distributed ledgers.</p>
      <p>She also spoke about on-call health at SREday Berlin, where she described how her team halved the pages it received in one quarter.</p>
      <p>Her slides and recordings are published under a Creative Commons licence for anyone to reuse in teaching.</p>
    </article></main>
    <footer>Copyright footer text</footer></body></html>`;

  beforeAll(async () => {
    owner = await signUpOwner();
    other = await signUpOwner();
    server = createServer((request, response) => {
      requested.push(request.url ?? "");
      switch (request.url) {
        case "/article":
          response.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(ARTICLE);
          return;
        case "/moved":
          response.writeHead(302, { location: "/article" }).end();
          return;
        case "/to-file":
          response.writeHead(302, { location: "file:///etc/passwd" }).end();
          return;
        case "/big":
          response.writeHead(200, { "content-type": "text/html" }).end(`<p>${"x".repeat(3 * 1024 * 1024)}</p>`);
          return;
        case "/file.pdf":
          response.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7");
          return;
        default:
          response.writeHead(404, { "content-type": "text/html" }).end("<p>Not found</p>");
      }
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: undefined });
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses private, loopback and link-local addresses without connecting, unless allowed", async () => {
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: undefined });
    requested.length = 0;
    for (const url of [
      `${base}/article`,
      `http://localhost:${port}/article`,
      `http://[::1]:${port}/article`,
      `http://[::ffff:127.0.0.1]:${port}/article`,
      "http://10.0.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      // Other spellings of 127.0.0.1, which the URL parser normalises before the check.
      `http://2130706433:${port}/article`,
      `http://0x7f.0.0.1:${port}/article`,
    ]) {
      const response = await importPage(owner, url);
      const body = (await response.json()) as ErrorReply;
      expect({ url, status: response.status, code: body.error.code }).toEqual({
        url,
        status: 400,
        code: "validation_failed",
      });
      expect(body.error.message, url).toMatch(/private, loopback or link-local/);
      expect(body.error.details?.[0]?.path).toBe("url");
    }
    expect(requested).toEqual([]);
    for (const url of ["ftp://example.com/", "javascript:alert(1)", "not a url"]) {
      expect((await importPage(owner, url)).status, url).toBe(400);
    }
  });

  it("keeps a page's main text, title and address, for its owner only", async () => {
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: "true" });
    const response = await importPage(owner, `${base}/moved`);
    expect(response.status).toBe(201);
    const item = (await response.json()) as Item;
    expect(item).toMatchObject({ kind: "web", title: "Rosa Park: talks", source_url: `${base}/article` });
    expect(item.body).toContain("GopherCon Lisbon in 2024");
    expect(item.body).toContain("\n\nShe also spoke about on-call health");
    expect(item.body).not.toMatch(/newsletter|Copyright/);
    expect((await getItem(other, item.id)).status).toBe(404);

    const added = await callAction(importWebPageAction, owner, { url: `${base}/article` });
    expect(added.status).toBe("success");
  });

  it("refuses what can't be read there with 422", async () => {
    setEnv({ ALLOW_PRIVATE_NETWORK_FETCH: "true" });
    for (const [path, message] of [
      ["/big", /larger than 2 MB/],
      ["/missing", /answered 404/],
      ["/file.pdf", /application\/pdf, not a web page/],
    ] as const) {
      const response = await importPage(owner, `${base}${path}`);
      const body = (await response.json()) as ErrorReply;
      expect({ path, status: response.status, code: body.error.code }).toEqual({
        path,
        status: 422,
        code: "unprocessable",
      });
      expect(body.error.message, path).toMatch(message);
    }
    // A redirect is checked like the address itself.
    const redirected = await importPage(owner, `${base}/to-file`);
    expect(redirected.status).toBe(400);
    expect(((await redirected.json()) as ErrorReply).error.message).toMatch(/http:\/\/ and https:\/\//);
  });
});
