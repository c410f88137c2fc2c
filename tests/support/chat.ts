import { randomUUID } from "node:crypto";
import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { MockLanguageModelV4, simulateReadableStream } from "ai/test";
import { POST as chat } from "@/app/api/chat/route";
import type { OwnerProfile } from "@/lib/ai/instructions";
import type { Database } from "@/lib/db";
import { jsonRequest } from "./auth";
import type { TestOwner } from "./owners";
import { ADA } from "./profiles";

/** An owner's profile (ADA unless given; null for none) and a chatbot, written with the server's own privileges. */
export async function insertBotWithProfile(
  db: Database,
  owner: Pick<TestOwner, "id"> & Partial<TestOwner>,
  options: { isPublic?: boolean; configuration?: Record<string, unknown>; profile?: OwnerProfile | null } = {},
): Promise<{ id: string; slug: string }> {
  const profile = options.profile === undefined ? ADA : options.profile;
  if (profile) {
    await db.query(
      `insert into profiles (user_id, name, location, bio, skills, experience, interests)
       values ($1, $2, $3, $4, $5, $6, $7)
       on conflict (user_id) do nothing`,
      [owner.id, profile.name, profile.location, profile.bio, profile.skills, profile.experience, profile.interests],
    );
  }
  const slug = `bot-${randomUUID().slice(0, 8)}`;
  const [bot] = await db.query<{ id: string }>(
    "insert into chatbots (user_id, name, public_url_slug, is_public, configuration) values ($1, 'Ask Ada', $2, $3, $4) returning id",
    [owner.id, slug, options.isPublic ?? true, JSON.stringify(options.configuration ?? {})],
  );
  return { id: bot.id, slug };
}

export function chatRequest(body: Record<string, unknown>, headers: Record<string, string> = {}): Request {
  return jsonRequest("/api/chat", body, { headers: { "x-forwarded-for": "203.0.113.7", ...headers } });
}

export async function postChat(body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return chat(chatRequest(body, headers));
}

export interface UiChunk {
  type: string;
  delta?: string;
  errorText?: string;
  messageMetadata?: Record<string, unknown>;
}

/** The chunks of an AI SDK UI message stream (server-sent events). */
export async function readUiStream(response: Response): Promise<UiChunk[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .map((event) => event.replace(/^data: /, "").trim())
    .filter((data) => data !== "" && data !== "[DONE]")
    .map((data) => JSON.parse(data) as UiChunk);
}

const usage = {
  inputTokens: { total: 12, noCache: 12, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};

/**
 * A mock model (the AI SDK's own) that says the given pieces of text: streamed piece by piece to a
 * streaming chat, in one answer to a JSON one (doGenerateCalls and doStreamCalls show which ran).
 */
export function scriptedModel(pieces: string[], options: { chunkDelayInMs?: number } = {}): MockLanguageModelV4 {
  return new MockLanguageModelV4({
    doGenerate: async () => ({
      content: [{ type: "text", text: pieces.join("") }],
      finishReason: { unified: "stop", raw: "stop" },
      usage,
      warnings: [],
    }),
    doStream: async () => ({
      stream: simulateReadableStream<LanguageModelV4StreamPart>({
        chunkDelayInMs: options.chunkDelayInMs ?? null,
        chunks: [
          { type: "stream-start", warnings: [] },
          { type: "text-start", id: "t1" },
          ...pieces.map((delta): LanguageModelV4StreamPart => ({ type: "text-delta", id: "t1", delta })),
          { type: "text-end", id: "t1" },
          { type: "finish", finishReason: { unified: "stop", raw: "stop" }, usage },
        ],
      }),
    }),
  });
}
