import type { NextConfig } from "next";

// Every page refuses to be framed except the embeddable chat, which any site may frame.
const noFraming = [
  { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  // PGlite loads its WASM and extension files from its package directory: bundling breaks that.
  serverExternalPackages: ["@electric-sql/pglite", "pg"],
  poweredByHeader: false,
  async headers() {
    return [
      { source: "/((?!c/[^/]+/embed).*)", headers: noFraming },
      { source: "/c/:slug/embed", headers: [{ key: "Content-Security-Policy", value: "frame-ancestors *" }] },
    ];
  },
};

export default nextConfig;
