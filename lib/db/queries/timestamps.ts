import "server-only";

type Iso<T> = T extends Date | string ? string : T;

/** The driver hands timestamptz back as Date; the API shows ISO 8601 strings in UTC. */
export function isoTimestamp(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}

/** A row as the API shows it: the named timestamp columns as ISO strings (null stays null). */
export function withIsoTimestamps<Row extends object, Key extends keyof Row>(
  row: Row,
  ...keys: Key[]
): { [K in keyof Row]: K extends Key ? Iso<Row[K]> : Row[K] } {
  const copy = new Map<PropertyKey, unknown>(Object.entries(row));
  for (const key of keys) {
    const value = row[key];
    if (value instanceof Date || typeof value === "string") copy.set(key, isoTimestamp(value));
  }
  return Object.fromEntries(copy) as { [K in keyof Row]: K extends Key ? Iso<Row[K]> : Row[K] };
}
