import "server-only";
import { ApiError } from "@/lib/errors";
import { rejectUnstorableText } from "./storable-text";

export const MAX_BODY_BYTES = 64 * 1024;
/** A JSON body has this long to arrive in full, however steadily it trickles. */
const MAX_BODY_MS = 20_000;

/**
 * Reads a JSON body of at most maxBytes, counting bytes as they arrive so a client that lies
 * about (or omits) Content-Length still cannot make us buffer more. A string or key holding U+0000
 * is refused (400) here, before any schema or database sees it.
 */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes)
    throw new ApiError("payload_too_large", `The request body must be at most ${maxBytes} bytes.`);
  if (!request.body) throw new ApiError("invalid_json", "A JSON body is required.");
  // A JSON route refuses other content types: a cross-site HTML form can only send form encodings
  // or text/plain, so this also keeps forms from ever reaching a JSON handler.
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new ApiError("unsupported_media_type");
  }

  const text = new TextDecoder().decode(await readBodyBytes(request.body, maxBytes, MAX_BODY_MS));
  if (text.trim() === "") throw new ApiError("invalid_json", "A JSON body is required.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json");
  }
  rejectUnstorableText(parsed);
  return parsed;
}

/**
 * A body's bytes, at most maxBytes of them (413 past that), arriving within timeoutMs (408 past
 * that, however steadily they trickle): counted as they arrive, so a client that lies about (or
 * omits) Content-Length cannot make us buffer more.
 */
export async function readBodyBytes(
  body: ReadableStream<Uint8Array>,
  maxBytes: number,
  timeoutMs: number,
): Promise<Buffer> {
  const reader = body.getReader();
  // Cancelling ends the read loop below with `done`, so a body still trickling in is cut off.
  let timedOut = false;
  const deadline = setTimeout(() => {
    timedOut = true;
    reader.cancel().catch(() => undefined);
  }, timeoutMs);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new ApiError("payload_too_large", `The request body must be at most ${maxBytes} bytes.`);
      }
      chunks.push(value);
    }
  } finally {
    clearTimeout(deadline);
  }
  if (timedOut) throw new ApiError("request_timeout");
  return Buffer.concat(chunks);
}
