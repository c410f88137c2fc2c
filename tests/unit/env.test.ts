import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "@/lib/env";

describe("configuration", () => {
  it("needs nothing: the embedded defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.OWNER_MONTHLY_MESSAGES).toBe(10_000);
    expect(env.TRUST_PROXY).toBe(false);
    expect(env.chatModels).toEqual(["gpt-4o-mini"]);
  });

  it("treats empty values as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", OPENAI_API_KEY: " " }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable that is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL/);
    expect(() => parseEnv({ OWNER_MONTHLY_MESSAGES: "lots" })).toThrow(/OWNER_MONTHLY_MESSAGES/);
    expect(() => parseEnv({ OPENAI_BASE_URL: "localhost:11434" })).toThrow(/OPENAI_BASE_URL/);
    expect(() => parseEnv({ AUTH_SECRET: "short" })).toThrow(ConfigError);
  });

  it("refuses Supabase Auth on the embedded database, naming both variables", () => {
    expect(() =>
      parseEnv({ NEXT_PUBLIC_SUPABASE_URL: "https://x.supabase.co", NEXT_PUBLIC_SUPABASE_ANON_KEY: "k" }),
    ).toThrow(/NEXT_PUBLIC_SUPABASE_URL.*DATABASE_URL/);
    expect(() =>
      parseEnv({ NEXT_PUBLIC_SUPABASE_URL: "https://x.supabase.co", DATABASE_URL: "postgres://h/db" }),
    ).toThrow(/NEXT_PUBLIC_SUPABASE_ANON_KEY/);
  });

  it("builds every link from SITE_URL, or the local address when it is unset", () => {
    expect(parseEnv({}).siteUrl.href).toBe("http://localhost:3000/");
    expect(parseEnv({ PORT: "4000" }).siteUrl.href).toBe("http://localhost:4000/");
    expect(parseEnv({ SITE_URL: "https://chat.example/" }).siteUrl.origin).toBe("https://chat.example");
    expect(() => parseEnv({ SITE_URL: "chat.example" })).toThrow(/SITE_URL/);
  });

  it("keeps the default model in the allow-list", () => {
    const env = parseEnv({ CHAT_MODEL: "llama3.2", CHAT_MODELS: "qwen2.5, llama3.2 ,mistral" });
    expect(env.chatModels).toEqual(["llama3.2", "qwen2.5", "mistral"]);
  });
});
