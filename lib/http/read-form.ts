import "server-only";
import { ApiError } from "@/lib/errors";
import { readBodyBytes } from "./read-json";
import { rejectUnstorableText } from "./storable-text";

/** A file upload has this long to arrive: minutes would let slow clients hold memory for long. */
const MAX_FORM_MS = 60_000;

/**
 * Reads a multipart/form-data body of at most maxBytes (413 past that, counted as the bytes arrive,
 * never trusting Content-Length) into an object: a text field as its string, a file as a File.
 * Request.formData() alone would buffer a body of any size. A cross-site form can send this
 * encoding, so routes taking it rely on route()'s same-origin check for cookie callers, as all
 * mutations do.
 */
export async function readFormBody(request: Request, maxBytes: number): Promise<Record<string, string | File>> {
  const type = request.headers.get("content-type") ?? "";
  if (type.split(";")[0]?.trim().toLowerCase() !== "multipart/form-data") {
    throw new ApiError("unsupported_media_type", "Send the body as multipart/form-data.");
  }
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) {
    throw new ApiError("payload_too_large", `The request body must be at most ${maxBytes} bytes.`);
  }
  if (!request.body) throw new ApiError("validation_failed", "A multipart/form-data body is required.");
  const bytes = await readBodyBytes(request.body, maxBytes, MAX_FORM_MS);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(bytes), { headers: { "content-type": type } }).formData();
  } catch {
    throw new ApiError("validation_failed", "The multipart/form-data body could not be read.");
  }
  const fields = new Map<string, string | File>();
  for (const [name, value] of form) {
    if (fields.has(name)) {
      throw new ApiError("validation_failed", `${name}: send each field once.`, {
        details: [{ path: name, message: "Send each field once." }],
      });
    }
    fields.set(name, value);
  }
  // fromEntries defines own properties, so a field named __proto__ stays a field.
  const object = Object.fromEntries(fields);
  rejectUnstorableText(object);
  return object;
}
