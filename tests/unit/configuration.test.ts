import { describe, expect, expectTypeOf, it } from "vitest";
import {
  type ChatbotConfiguration,
  CONFIGURATION_DEFAULTS,
  CONFIGURATION_KEYS,
  type ConfigurationInput,
  type ConfigurationKey,
  type ConfigurationPatch,
  chatbotConfigurationSchema,
  configurationInputSchema,
  configurationPatchSchema,
  resolveConfiguration,
} from "@/lib/chatbots/configuration";
import type { Tone } from "@/lib/constants";

describe("the chatbot configuration derived from its one table", () => {
  it("keeps each key's own type through the derivation (checked by npm run typecheck)", () => {
    expectTypeOf<ConfigurationKey>().toEqualTypeOf<keyof ChatbotConfiguration>();
    expectTypeOf<ChatbotConfiguration["tone"]>().toEqualTypeOf<Tone>();
    expectTypeOf<ChatbotConfiguration["model"]>().toEqualTypeOf<string | null>();
    expectTypeOf<ChatbotConfiguration["starter_questions"]>().toEqualTypeOf<string[]>();
    expectTypeOf<ChatbotConfiguration["rate_limit"]>().toEqualTypeOf<{
      max_messages: number;
      window_seconds: number;
    }>();
    expectTypeOf<ConfigurationInput["temperature"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ConfigurationInput["model"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<ConfigurationPatch["tone"]>().toEqualTypeOf<Tone | null | undefined>();
    expectTypeOf<ConfigurationPatch["theme"]>().toEqualTypeOf<{ accent_color: string } | null | undefined>();
  });

  it("gives every key a default that its own schema accepts", () => {
    expect(Object.keys(CONFIGURATION_DEFAULTS)).toEqual(CONFIGURATION_KEYS);
    expect(chatbotConfigurationSchema.parse({})).toEqual(CONFIGURATION_DEFAULTS);
    expect(configurationInputSchema.parse(CONFIGURATION_DEFAULTS)).toEqual(CONFIGURATION_DEFAULTS);
  });

  it("stores on POST only the keys given, and takes null on PATCH for every key", () => {
    expect(configurationInputSchema.parse({ tone: "casual" })).toEqual({ tone: "casual" });
    const reset = Object.fromEntries(CONFIGURATION_KEYS.map((key) => [key, null]));
    expect(configurationPatchSchema.parse(reset)).toEqual(reset);
    for (const schema of [chatbotConfigurationSchema, configurationInputSchema, configurationPatchSchema]) {
      expect(schema.safeParse({ colour: "red" }).success).toBe(false);
    }
  });

  it("resolves a stored configuration key by key, falling back to the default for what doesn't validate", () => {
    const resolved = resolveConfiguration({ tone: "casual", temperature: 9, model: null, legacy: true });
    expect(resolved).toEqual({ ...CONFIGURATION_DEFAULTS, tone: "casual" });
    expect(resolveConfiguration("nonsense")).toEqual(CONFIGURATION_DEFAULTS);
    expect(resolveConfiguration([1, 2])).toEqual(CONFIGURATION_DEFAULTS);
  });

  it("hands out copies of the defaults, never the defaults themselves", () => {
    const first = resolveConfiguration({});
    first.starter_questions.push("Changed?");
    first.rate_limit.max_messages = 1;
    expect(resolveConfiguration({})).toEqual(CONFIGURATION_DEFAULTS);
    expect(CONFIGURATION_DEFAULTS.starter_questions).not.toContain("Changed?");
  });
});
