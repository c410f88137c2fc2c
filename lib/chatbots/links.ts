import "server-only";
import { getEnv } from "@/lib/env";

// Links the app hands out for a chatbot, from SITE_URL: never the request's Host header, which a
// client chooses.

/** A path under SITE_URL, which may itself have a path (https://example.com/chat). */
function siteLink(path: string): string {
  const site = getEnv().siteUrl;
  return `${site.origin}${site.pathname.replace(/\/+$/, "")}${path}`;
}

/** The public page: `<SITE_URL>/c/<slug>`. */
export function publicPageUrl(slug: string): string {
  return siteLink(`/c/${encodeURIComponent(slug)}`);
}

/** The embeddable widget's script. */
export function widgetScriptUrl(): string {
  return siteLink("/widget.js");
}

/** The models a bot may choose, when a real model answers; null with the offline model. */
export function selectableModels(): string[] | null {
  const env = getEnv();
  return env.OPENAI_API_KEY ? env.chatModels : null;
}
