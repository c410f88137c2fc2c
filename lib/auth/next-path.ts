/** Request header proxy.ts sets to the page's path and query, so layouts know where to come back to. */
export const PATH_HEADER = "x-chatfolio-path";

/** Where to go after signing in when nothing (or nothing safe) was asked for. */
export const DEFAULT_AFTER_SIGN_IN = "/dashboard";

const BASE = "http://chatfolio.invalid";

/**
 * The `next` parameter as a same-site path, or the default. Anything that could leave the site
 * (`//evil.example`, `/\evil.example`, `/.//evil.example`, `https://…`, `javascript:`) or carries
 * control characters is refused rather than repaired: an open redirect is a phishing tool.
 */
export function safeNextPath(value: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point.
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Checked again after normalising: dot segments, encoded or not, can rebuild `//host` (and a
  // browser reads `/\host` the same way) from a value that looked like a path.
  if (url.origin !== BASE || path.startsWith("//") || path.includes("\\")) return fallback;
  return path;
}

/** /login?next=<path>, for pages that need a signed-in owner. */
export function loginPathFor(next: string): string {
  return `/login?next=${encodeURIComponent(safeNextPath(next))}`;
}
