import "server-only";

// The headers that harden every page: a Content-Security-Policy whose scripts run only with this
// response's nonce (Next puts it on its own scripts when proxy.ts passes the policy on the
// request), and, over https, HSTS. Headers that never vary are in next.config.ts.

const EMBED_PAGE = /^\/c\/[^/]+\/embed\/?$/;

export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The page's policy. Styles allow inline attributes: the UI library positions popups with them,
 * and a style attribute can't run code. Only the embed may be framed, by any site.
 */
export function contentSecurityPolicy(pathname: string, nonce: string, options: { https: boolean }): string {
  const development = process.env.NODE_ENV === "development";
  return [
    "default-src 'self'",
    // React's development build evaluates code to rebuild server error stacks; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${EMBED_PAGE.test(pathname) ? "*" : "'none'"}`,
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** A year, with subdomains: set only over https, where a browser takes it. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";
