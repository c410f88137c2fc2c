import "server-only";
import { ApiError, type FieldError } from "@/lib/errors";

const NUL = "\u0000";
const LONE_SURROGATE =
  "Must be well-formed Unicode: a lone surrogate (such as \\ud800) would be stored as U+FFFD, not as sent.";

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
      else if (!value.isWellFormed()) found.push({ path: pathOf(node), message: LONE_SURROGATE });
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    const children: Visit[] = Array.isArray(value)
      ? value.map((item, index) => ({ value: item, key: String(index), parent: node }))
      : Object.entries(value).map(([key, item]) => ({ value: item, key, parent: node }));
    for (const child of children) {
      if (Array.isArray(value)) continue;
      if (child.key.includes(NUL)) {
        found.push({ path: pathOf(child), message: "Keys must not contain the NUL character (\\u0000)." });
      } else if (!child.key.isWellFormed()) {
        found.push({ path: pathOf(child), message: `Keys: ${LONE_SURROGATE}` });
      }
    }
    // Last first, so the stack pops them in the order the client wrote them.
    for (let index = children.length - 1; index >= 0; index--) pending.push(children[index]);
  }
  return found.slice(0, MAX_REPORTED);
}

/**
 * Text PostgreSQL cannot store as sent: its text and jsonb cannot hold U+0000 (a database error
 * deep inside a handler), and a lone surrogate is not UTF-8 at all (the driver would silently store
 * U+FFFD instead). Refusing both here, once, for every body, query string and action input, keeps
 * that a 400 naming the field whichever column it was headed for, and what is stored byte for byte
 * what was sent.
 */
export function rejectUnstorableText(value: unknown): void {
  const found = collect(value);
  const first = found[0];
  if (first) {
    throw new ApiError("validation_failed", `${first.path || "body"}: ${first.message}`, { details: found });
  }
}
