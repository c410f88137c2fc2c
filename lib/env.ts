import "server-only";
import { z } from "zod";

/** Empty strings in .env files mean "not set". */
const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const booleanFlag = z
  .string()
  .trim()
  .toLowerCase()
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

const positiveInteger = (fallback: number) =>
  z.preprocess(
    (value) => (typeof value === "string" && value.trim() !== "" ? value.trim() : fallback),
    z.coerce.number().int().positive(),
  );

const postgresUrl = optionalString.refine(
  (value) => value === undefined || /^postgres(ql)?:\/\//.test(value),
  "must be a postgres:// or postgresql:// URL",
);

const httpUrl = optionalString.refine(
  (value) => value === undefined || /^https?:\/\//.test(value),
  "must be an http:// or https:// URL",
);

const envSchema = z.object({
  DATABASE_URL: postgresUrl,
  PGLITE_DATA_DIR: optionalString.transform((value) => value ?? ".data/pglite"),
  NEXT_PUBLIC_SUPABASE_URL: httpUrl,
  NEXT_PUBLIC_SUPABASE_ANON_KEY: optionalString,
  NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY: optionalString,
  SUPABASE_JWT_SECRET: optionalString,
  AUTH_SECRET: optionalString.refine(
    (value) => value === undefined || value.length >= 32,
    "must be at least 32 characters",
  ),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: httpUrl,
  CHAT_MODEL: optionalString.transform((value) => value ?? "gpt-4o-mini"),
  CHAT_MODELS: optionalString,
  CHAT_MODEL_TIMEOUT_SECONDS: positiveInteger(30),
  // Messages an owner's bots answer per calendar month, unless the operator says otherwise.
  OWNER_MONTHLY_MESSAGES: positiveInteger(10_000),
  TRUST_PROXY: booleanFlag,
  /**
   * Let the server fetch private, loopback and link-local addresses (web pages imported into
   * knowledge, webhooks): for tests and self-hosted intranets only, since on a public server it
   * lets any owner make it read its own network (cloud metadata, the database's admin port).
   */
  ALLOW_PRIVATE_NETWORK_FETCH: booleanFlag,
  SITE_URL: httpUrl,
  SMTP_URL: optionalString.refine(
    (value) => value === undefined || /^smtps?:\/\//.test(value),
    "must be an smtp:// or smtps:// URL",
  ),
  EMAIL_FROM: optionalString.transform((value) => value ?? "Chatfolio <no-reply@localhost>"),
  /**
   * What an external scheduler (Vercel Cron, a systemd timer) sends as `Authorization: Bearer` to
   * /api/jobs/run; unset, that route is off and only the in-process worker runs jobs.
   */
  CRON_SECRET: optionalString.refine(
    (value) => value === undefined || value.length >= 16,
    "must be at least 16 characters",
  ),
  /**
   * off: this process runs no jobs itself; they wait in the queue for a process that does, or for
   * /api/jobs/run (serverless hosts, where no process stays up between requests).
   */
  JOB_WORKER: optionalString
    .pipe(z.enum(["on", "off"], { error: "must be on or off" }).optional())
    .transform((value) => value ?? "on"),
  PORT: positiveInteger(3000),
});

export type Env = z.infer<typeof envSchema> & {
  /** The allow-list a chatbot's configuration.model picks from; always holds CHAT_MODEL. */
  chatModels: string[];
  supabaseKey: string | undefined;
  /**
   * Where the app is reached, for every link it hands out (share links, QR codes, embed snippets,
   * emailed links, canonical and Open Graph URLs): never the request's Host header, which a client
   * chooses. SITE_URL, or the local address (http://localhost:PORT) when unset.
   */
  siteUrl: URL;
};

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses and validates the environment; every problem is reported with its variable's name. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const env = parsed.data;
  const supabaseKey = env.NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?? env.NEXT_PUBLIC_SUPABASE_ANON_KEY;
  if (env.NEXT_PUBLIC_SUPABASE_URL && !supabaseKey) {
    throw new ConfigError(
      "Invalid configuration: NEXT_PUBLIC_SUPABASE_URL is set but neither NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY nor NEXT_PUBLIC_SUPABASE_ANON_KEY is",
    );
  }
  if (env.NEXT_PUBLIC_SUPABASE_URL && !env.DATABASE_URL) {
    throw new ConfigError(
      "Invalid configuration: NEXT_PUBLIC_SUPABASE_URL (Supabase Auth) needs DATABASE_URL pointing at that project's database, where auth.users lives; the embedded database cannot share Supabase's users",
    );
  }
  const listed = (env.CHAT_MODELS ?? "")
    .split(",")
    .map((model) => model.trim())
    .filter(Boolean);
  const chatModels = [...new Set([env.CHAT_MODEL, ...listed])];
  const siteUrl = new URL(env.SITE_URL ?? `http://localhost:${env.PORT}`);
  siteUrl.pathname = siteUrl.pathname.replace(/\/+$/, "");
  return { ...env, chatModels, supabaseKey, siteUrl };
}

/**
 * What the server needs beyond a valid parse, checked at its start (instrumentation.ts) and where
 * it is used, but not by commands that never sign anything (npm run db:migrate).
 */
export function assertServerConfiguration(env: Env): void {
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    // On the embedded database lib/secret generates and keeps one in the data directory; a server
    // database may be shared by several instances, which must all sign with the same secret.
    throw new ConfigError(
      "Invalid configuration: DATABASE_URL is set, so AUTH_SECRET is needed (at least 32 characters, e.g. `openssl rand -base64 48`): it signs sessions and visitor cookies, the same on every instance",
    );
  }
}

const cache = globalThis as typeof globalThis & { __chatfolioEnv?: Env };

/** The validated configuration of this process, parsed once. */
export function getEnv(): Env {
  cache.__chatfolioEnv ??= parseEnv(process.env);
  return cache.__chatfolioEnv;
}

/** Tests change process.env between cases: the next getEnv() parses it again. */
export function resetEnvForTests(): void {
  cache.__chatfolioEnv = undefined;
}
