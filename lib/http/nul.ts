import "server-only";
import { ApiError, type FieldError } from "@/lib/errors";

const NUL = "\u0000";

// Enough to name every field of a real form; a body stuffed with NULs gets no longer an answer.
const MAX_REPORTED = 20;

interface Visit {
  value: unknown;
  key: string;
  parent: Visit | undefined;
}

/**
 * The dotted path the rest of the API reports, built only for a field being reported: building
 * it for every node would cost O(depth²) on a deeply nested body. A NUL in a key is shown escaped.
 */
function pathOf(node: Visit): string {
  const keys: string[] = [];
  for (let at: Visit | undefined = node; at?.parent; at = at.parent) keys.push(at.key.replaceAll(NUL, "\\u0000"));
  return keys.reverse().join(".");
}

/**
 * Depth-first in document order, with an explicit stack rather than recursion: a 64 KB body can
 * nest ~32,000 levels deep, which JSON.parse accepts but a recursive walk would overflow.
 */
function collect(root: unknown): FieldError[] {
  const found: FieldError[] = [];
  const pending: Visit[] = [{ value: root, key: "", parent: undefined }];
  for (let node = pending.pop(); node && found.length < MAX_REPORTED; node = pending.pop()) {
    const { value } = node;
    if (typeof value === "string") {
      if (value.includes(NUL))
        found.push({ path: pathOf(node), message: "Must not contain the NUL character (\\u0000)." });
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    const children: Visit[] = Array.isArray(value)
      ? value.map((item, index) => ({ value: item, key: String(index), parent: node }))
      : Object.entries(value).map(([key, item]) => ({ value: item, key, parent: node }));
    for (const child of children) {
      if (child.key.includes(NUL) && !Array.isArray(value)) {
        found.push({ path: pathOf(child), message: "Keys must not contain the NUL character (\\u0000)." });
      }
    }
    // Last first, so the stack pops them in the order the client wrote them.
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]);
  }
  return found.slice(0, MAX_REPORTED);
}

/**
 * PostgreSQL's text and jsonb cannot hold U+0000, so a NUL anywhere in what a client sends would
 * otherwise surface as a database error deep inside a handler. Refusing it here, once, for every
 * body and query string, keeps that a 400 naming the field whichever column it was headed for.
 */
export function rejectNul(value: unknown): void {
  const found = collect(value);
  const first = found[0];
  if (first) {
    throw new ApiError("validation_failed", `${first.path || "body"}: ${first.message}`, { details: found });
  }
}
