import "server-only";
import { createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { assertServerConfiguration, getEnv } from "@/lib/env";

const SECRET_FILE = "chatfolio-auth-secret";

const holder = globalThis as typeof globalThis & { __chatfolioGeneratedAuthSecret?: Map<string, string> };

/**
 * The deployment's signing key: built-in sessions and access tokens, and visitor cookies whatever
 * the auth backend. AUTH_SECRET when set; on the embedded database an unset one is generated once
 * and kept next to the data (so restarts keep everyone signed in and `npm run dev` needs no
 * setup). DATABASE_URL without it is refused.
 */
export function authSecret(): Uint8Array {
  const env = getEnv();
  assertServerConfiguration(env);
  const secret = env.AUTH_SECRET ?? embeddedSecret(env.PGLITE_DATA_DIR);
  return new TextEncoder().encode(secret);
}

/**
 * A key of its own for one use (the visitor cookie, reply links), derived from the deployment's,
 * so a value made for one use never passes for another.
 */
export function derivedKey(purpose: string): Buffer {
  return createHmac("sha256", authSecret()).update(purpose).digest();
}

function embeddedSecret(dataDir: string): string {
  holder.__chatfolioGeneratedAuthSecret ??= new Map();
  const cached = holder.__chatfolioGeneratedAuthSecret.get(dataDir);
  if (cached) return cached;
  const secret = dataDir.startsWith("memory://") ? processSecret() : readOrCreate(path.resolve(dataDir));
  holder.__chatfolioGeneratedAuthSecret.set(dataDir, secret);
  return secret;
}

/**
 * A throwaway database gets a secret for this process only. It is kept in process.env because
 * proxy.ts may be loaded apart from the app's modules (no shared module state), yet both must
 * agree on the key.
 */
function processSecret(): string {
  process.env.CHATFOLIO_EPHEMERAL_AUTH_SECRET ??= generate();
  return process.env.CHATFOLIO_EPHEMERAL_AUTH_SECRET;
}

function generate(): string {
  return randomBytes(48).toString("base64url");
}

// Inside the data directory (next to the pid lock), so it goes wherever the data goes and a fresh
// data directory starts with a fresh secret.
function readOrCreate(dataDir: string): string {
  const file = path.join(dataDir, SECRET_FILE);
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = generate();
  try {
    // wx: when two workers race, the loser reads the winner's secret instead of replacing it.
    fs.writeFileSync(file, `${secret}\n`, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return fs.readFileSync(file, "utf8").trim();
  }
}

/** Forgets the secrets read so far, as a restarted process would have: the next read goes to disk. */
export function resetAuthSecretForTests(): void {
  holder.__chatfolioGeneratedAuthSecret = undefined;
}
