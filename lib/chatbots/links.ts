import "server-only";
import { getEnv } from "@/lib/env";

// Links the app hands out for a chatbot, from SITE_URL: never the request's Host header, which a
// client chooses.

/** The public page: `<SITE_URL>/c/<slug>`. */
export function publicPageUrl(slug: string): string {
  return new URL(`${getEnv().siteUrl.pathname}/c/${encodeURIComponent(slug)}`, getEnv().siteUrl).toString();
}

/** The embeddable widget's script. */
export function widgetScriptUrl(): string {
  return new URL(`${getEnv().siteUrl.pathname}/widget.js`, getEnv().siteUrl).toString();
}

/** The models a bot may choose, when a real model answers; null with the offline model. */
export function selectableModels(): string[] | null {
  const env = getEnv();
  return env.OPENAI_API_KEY ? env.chatModels : null;
}
