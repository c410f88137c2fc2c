// The bench's owner is made the way a real one is: through the API.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { BENCH_BOT_CONFIGURATION, BENCH_PROFILE } from "./content";

const TIMEOUT_MS = 30_000;

async function call<T>(baseUrl: string, path: string, init: RequestInit, expected: number, schema: z.ZodType<T>) {
  const response = await fetch(`${baseUrl}${path}`, {
    ...init,
    // Sign-up is a same-origin-only request (CSRF); Bearer calls ignore the header.
    headers: { "content-type": "application/json", origin: baseUrl, ...init.headers },
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const text = await response.text();
  if (response.status !== expected) throw new Error(`${init.method} ${path}: ${response.status} ${text}`);
  return schema.parse(JSON.parse(text));
}

/** Signs an owner up, writes their profile, creates their bot and an API key; returns the bot's id and the key. */
export async function createOwnerThroughApi(baseUrl: string): Promise<{ chatbotId: string; apiKey: string }> {
  const credentials = JSON.stringify({
    email: `bench-${randomBytes(4).toString("hex")}@example.test`,
    password: `bench-${randomBytes(12).toString("hex")}`,
  });
  await call(baseUrl, "/api/auth/signup", { method: "POST", body: credentials }, 201, z.unknown());
  const { access_token } = await call(
    baseUrl,
    "/api/auth/token",
    { method: "POST", body: credentials },
    200,
    z.object({ access_token: z.string() }),
  );
  const headers = { authorization: `Bearer ${access_token}` };
  await call(
    baseUrl,
    "/api/profile",
    { method: "PUT", headers, body: JSON.stringify(BENCH_PROFILE) },
    200,
    z.unknown(),
  );
  const bot = await call(
    baseUrl,
    "/api/chatbots",
    { method: "POST", headers, body: JSON.stringify({ name: "Bench bot", configuration: BENCH_BOT_CONFIGURATION }) },
    201,
    z.object({ id: z.string() }),
  );
  const key = await call(
    baseUrl,
    "/api/keys",
    { method: "POST", headers, body: JSON.stringify({ name: "bench" }) },
    201,
    z.object({ key: z.string() }),
  );
  return { chatbotId: bot.id, apiKey: key.key };
}
