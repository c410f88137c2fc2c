import "server-only";
import { encodeCursor } from "@/lib/validation/pagination";

// Keyset pagination shared by the list queries: rows ordered by (timestamp desc, id desc), one
// extra row fetched to know whether another page follows.

/** A listed row's keyset position at full precision (see cursorSchema), as column cursor_key. */
export const cursorKey = (column: string) => `(extract(epoch from ${column}) * 1000000)::bigint::text as cursor_key`;

/** One page past the cursor, and the cursor of the next page when there is one. */
export function page<Row extends { id: string; cursor_key: string }, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
): { items: Item[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    next_cursor: rows.length > limit && last ? encodeCursor(last.cursor_key, last.id) : null,
  };
}
