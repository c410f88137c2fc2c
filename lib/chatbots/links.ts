import "server-only";
import { getEnv } from "@/lib/env";

// Links the app hands out for a chatbot, from SITE_URL: never the request's Host header, which a
// client chooses.

/** An absolute address under SITE_URL, which may itself have a path (https://example.com/chat). */
function siteLink(path: string): string {
  const { origin, pathname } = getEnv().siteUrl;
  return `${origin}${pathname.replace(/\/+$/, "")}${path}`;
}

/** The public page: `<SITE_URL>/c/<slug>`. */
export function publicPageUrl(slug: string): string {
  return siteLink(`/c/${encodeURIComponent(slug)}`);
}

/** The bot as an MCP server of its own (POST, lib/mcp/bot-server.ts). */
export function botMcpUrl(slug: string): string {
  return siteLink(`/api/mcp/bots/${encodeURIComponent(slug)}`);
}

/** The embeddable widget's script. */
export function widgetScriptUrl(): string {
  return siteLink("/widget.js");
}
