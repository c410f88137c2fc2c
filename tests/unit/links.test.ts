import { afterEach, describe, expect, it } from "vitest";
import { selectableModels } from "@/lib/ai/models";
import { publicPageUrl, widgetScriptUrl } from "@/lib/chatbots/links";
import { setEnv } from "../support/auth";

// The links the dashboard hands out (share link, QR code, embed snippet) come from SITE_URL alone.

describe("links handed out for a chatbot", () => {
  afterEach(() => setEnv({ SITE_URL: undefined, PORT: undefined, OPENAI_API_KEY: undefined, CHAT_MODELS: undefined }));

  it("are built from SITE_URL, at its root or under its path", () => {
    setEnv({ SITE_URL: "https://chat.example" });
    expect(publicPageUrl("ada")).toBe("https://chat.example/c/ada");
    expect(widgetScriptUrl()).toBe("https://chat.example/widget.js");
    setEnv({ SITE_URL: "https://example.com/chat/" });
    expect(publicPageUrl("ada")).toBe("https://example.com/chat/c/ada");
    expect(widgetScriptUrl()).toBe("https://example.com/chat/widget.js");
  });

  it("default to the local address", () => {
    setEnv({ SITE_URL: undefined, PORT: "4123" });
    expect(publicPageUrl("ada-lovelace")).toBe("http://localhost:4123/c/ada-lovelace");
  });

  it("offer a choice of models only when a real model answers", () => {
    setEnv({ OPENAI_API_KEY: undefined });
    expect(selectableModels()).toBeNull();
    setEnv({ OPENAI_API_KEY: "sk-test", CHAT_MODELS: "gpt-4o-mini,gpt-4o" });
    expect(selectableModels()).toEqual(["gpt-4o-mini", "gpt-4o"]);
  });
});
