"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input, InputField } from "@/components/ui/input";
import { SelectField } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { EditorCardProps, RetentionChoice } from "./editor-values";

const RETENTION_OPTIONS: { value: RetentionChoice; label: string }[] = [
  { value: "forever", label: "Until I delete them" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "365 days" },
];

const RATE_LIMIT_FIELDS = [
  { key: "max_messages", label: "Messages per visitor", hint: "How many messages one visitor may send…" },
  { key: "window_seconds", label: "Within (seconds)", hint: "…within this many seconds." },
] as const;

/** What visitors may send, how long their conversations are kept, and how the chat looks. */
export function LimitsCard({ values, setKey, errors }: Omit<EditorCardProps, "setField">) {
  const { rate_limit: rateLimit, theme, ...configuration } = values.configuration;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Limits and look</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5 sm:grid-cols-2">
        {RATE_LIMIT_FIELDS.map(({ key, label, hint }) => (
          <InputField
            key={key}
            label={label}
            hint={hint}
            error={errors[`configuration.rate_limit.${key}`]}
            type="number"
            inputMode="numeric"
            value={Number.isNaN(rateLimit[key]) ? "" : rateLimit[key]}
            onChange={(e) => setKey("rate_limit", { ...rateLimit, [key]: e.target.valueAsNumber })}
          />
        ))}
        <InputField
          label="Blocked words"
          hint="Separated by commas or spaces. A message with any of them, as a whole word in any case, is refused before the bot sees it; refusals are counted, never stored."
          error={errors["configuration.blocked_words"] ?? errors["configuration.blocked_words.0"]}
          value={configuration.blocked_words}
          onChange={(e) => setKey("blocked_words", e.target.value)}
        />
        <SelectField
          label="Keep conversations"
          hint="After a conversation's last message; then its messages and the visitor's details are deleted. Counts in analytics stay."
          error={errors["configuration.retention_days"]}
          options={RETENTION_OPTIONS}
          value={configuration.retention_days}
          onValueChange={(retention) => setKey("retention_days", retention)}
        />
        <Field
          label="Show sources"
          layout="inline"
          hint="Under each answer, chips naming the profile sections and knowledge it came from. You always see them in the inbox."
          error={errors["configuration.show_sources"]}
        >
          {(control) => (
            <Switch
              {...control}
              checked={configuration.show_sources}
              onCheckedChange={(checked) => setKey("show_sources", checked)}
            />
          )}
        </Field>
        <Field
          label="Accent colour"
          hint="The chat's buttons and your messages."
          error={errors["configuration.theme.accent_color"]}
        >
          {(control) => (
            <div className="flex items-center gap-2">
              <input
                type="color"
                aria-label="Pick the accent colour"
                value={theme.accent_color}
                onChange={(e) => setKey("theme", { accent_color: e.target.value })}
                className="h-9 w-12 cursor-pointer rounded border border-zinc-300 dark:border-zinc-700"
              />
              <Input
                {...control}
                value={theme.accent_color}
                onChange={(e) => setKey("theme", { accent_color: e.target.value })}
              />
            </div>
          )}
        </Field>
      </CardContent>
    </Card>
  );
}
