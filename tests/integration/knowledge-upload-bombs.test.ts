import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { watchExtractionChildrenForTests } from "@/lib/knowledge/extract";
import { type SignedUpOwner, signUpOwner, TEST_ORIGIN } from "../support/auth";
import { docxBomb, pdfBomb } from "../support/bombs";
import { describeEachDatabase } from "../support/databases";
import { DOCX_TYPE } from "../support/documents";

// Security issue 21, finding 1: uploads whose parts inflate to gigabytes. Measured before the fix,
// a 1.5 MB .docx whose document.xml inflates to 1.5 GB took the extraction child to 4.4 GB, and a
// 1 MB PDF whose one content stream inflates to 1 GB to 1.9 GB (and was stored after 12.5 s): the
// heap limit caps V8's heap, not the Buffers an inflater fills. Each bomb is built here, uploaded
// through the real route, and the child's peak resident memory (VmHWM) is read from /proc.

const GB = 1024 ** 3;
const MB = 1024 ** 2;
// The child's whole peak: Node itself, the parser's modules and at most a part budget inflated.
const PEAK_MAX = 512 * MB;

interface ErrorReply {
  error: { code: string; message: string };
}

/** The highest VmHWM seen of each child started while `run` runs, polled until the child is gone. */
async function peakOfChildren<T>(run: () => Promise<T>): Promise<{ result: T; peaks: number[] }> {
  const watching: Array<Promise<number>> = [];
  watchExtractionChildrenForTests((pid) => {
    watching.push(
      new Promise((resolve) => {
        let peak = 0;
        const poll = setInterval(() => {
          try {
            const status = readFileSync(`/proc/${pid}/status`, "utf8");
            const kilobytes = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
            // A zombie has no memory lines left: it is over.
            if (kilobytes === undefined) throw new Error("exited");
            peak = Math.max(peak, Number(kilobytes) * 1024);
          } catch {
            clearInterval(poll);
            resolve(peak);
          }
        }, 2);
      }),
    );
  });
  try {
    const result = await run();
    return { result, peaks: await Promise.all(watching) };
  } finally {
    watchExtractionChildrenForTests(undefined);
  }
}

describeEachDatabase("uploads that inflate to gigabytes", () => {
  let owner: SignedUpOwner;

  beforeAll(async () => {
    owner = await signUpOwner();
  });
  afterAll(() => watchExtractionChildrenForTests(undefined));

  async function upload(file: File) {
    const form = new FormData();
    form.set("file", file);
    const { POST } = await import("@/app/api/knowledge/documents/route");
    return POST(
      new Request(`${TEST_ORIGIN}/api/knowledge/documents`, { method: "POST", headers: owner.bearer, body: form }),
    );
  }

  /** Uploads `file`, asking the server's health meanwhile; the refusal, the child's peak, timings. */
  async function uploadWhileAsking(file: File) {
    const { GET } = await import("@/app/api/health/route");
    const started = performance.now();
    const { result, peaks } = await peakOfChildren(async () => {
      let done = false;
      const uploading = upload(file).finally(() => {
        done = true;
      });
      const answers: number[] = [];
      while (!done) {
        answers.push((await GET(new Request(`${TEST_ORIGIN}/api/health`))).status);
        // PGlite answers within microtasks; a timer lets the child's reply in.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const response = await uploading;
      return { response, body: (await response.json()) as ErrorReply, answers };
    });
    const seconds = (performance.now() - started) / 1000;
    console.info(
      `${file.name}: ${(file.size / MB).toFixed(1)} MB, ${result.response.status} in ${seconds.toFixed(2)} s, child VmHWM ${peaks.map((peak) => `${Math.round(peak / MB)} MB`).join(", ")}`,
    );
    // The server answered while the file was being read, and answered well.
    expect(result.answers.length).toBeGreaterThan(0);
    expect(new Set(result.answers)).toEqual(new Set([200]));
    expect(peaks).toHaveLength(1);
    return { ...result, peak: peaks[0] ?? 0, seconds };
  }

  it("refuses a .docx whose document.xml inflates to 1.5 GB, its child staying under 512 MB", async () => {
    const bomb = new File([docxBomb(1.5 * GB)], "bomb.docx", { type: DOCX_TYPE });
    expect(bomb.size).toBeLessThan(10 * MB);
    const { response, body, peak } = await uploadWhileAsking(bomb);
    expect({ status: response.status, code: body.error.code }).toEqual({ status: 413, code: "payload_too_large" });
    expect(body.error.message).toMatch(/unpacks to more than 256 MB/);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(PEAK_MAX);
  });

  it("refuses the same .docx when its zip lies about the size, by the inflated bytes themselves", async () => {
    const bomb = new File([docxBomb(1.5 * GB, 4096)], "liar.docx", { type: DOCX_TYPE });
    const { response, body, peak } = await uploadWhileAsking(bomb);
    expect({ status: response.status, code: body.error.code }).toEqual({ status: 413, code: "payload_too_large" });
    expect(peak).toBeLessThan(PEAK_MAX);
  });

  it("refuses a PDF whose one FlateDecode content stream inflates to 1 GB, its child under 512 MB", async () => {
    const bomb = new File([pdfBomb(GB)], "bomb.pdf", { type: "application/pdf" });
    expect(bomb.size).toBeLessThan(10 * MB);
    const { response, body, peak, seconds } = await uploadWhileAsking(bomb);
    expect({ status: response.status, code: body.error.code }).toEqual({ status: 413, code: "payload_too_large" });
    expect(body.error.message).toMatch(/unpacks to more than/);
    expect(peak).toBeGreaterThan(0);
    expect(peak).toBeLessThan(PEAK_MAX);
    // Refused by the budget, not by the 20 s deadline.
    expect(seconds).toBeLessThan(10);
  });

  it("still reads a PDF whose stream is within budget", async () => {
    const small = new File([pdfBomb(8 * MB)], "padded.pdf", { type: "application/pdf" });
    const response = await upload(small);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { body: string }).body).toBe("Boom.");
  });
});
