import "server-only";
import { getEnv } from "@/lib/env";

/** How /api/health names the active model: "offline", or "<provider>:<model>". */
export function activeModelLabel(): string {
  const env = getEnv();
  if (!env.OPENAI_API_KEY) return "offline";
  const provider = env.OPENAI_BASE_URL ? "openai-compatible" : "openai";
  return `${provider}:${env.CHAT_MODEL}`;
}
