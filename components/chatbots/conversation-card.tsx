"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/select";
import { TextareaField } from "@/components/ui/textarea";
import { TONES, type Voice } from "@/lib/constants";
import type { EditorCardProps } from "./editor-values";
import { StarterQuestions } from "./starter-questions";

const TONE_OPTIONS = TONES.map((tone) => ({ value: tone, label: tone[0].toUpperCase() + tone.slice(1) }));
const VOICE_OPTIONS: { value: Voice; label: string }[] = [
  { value: "assistant", label: "Your assistant" },
  { value: "first_person", label: "You, first person" },
];

/** How the bot talks: its welcome, starter questions, instructions, tone and voice, and its model. */
export function ConversationCard({
  values,
  setKey,
  errors,
  models,
}: Omit<EditorCardProps, "setField"> & { models: string[] | null }) {
  const configuration = values.configuration;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Conversation</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        <TextareaField
          label="Welcome message"
          hint="The chat's first message, before the visitor writes."
          error={errors["configuration.welcome_message"]}
          rows={2}
          value={configuration.welcome_message}
          onChange={(e) => setKey("welcome_message", e.target.value)}
        />
        <StarterQuestions
          questions={configuration.starter_questions}
          onChange={(questions) => setKey("starter_questions", questions)}
          errors={errors}
        />
        <TextareaField
          label="Instructions"
          hint="Your own guidance for the assistant, e.g. “Mention that I'm open to remote roles.”"
          error={errors["configuration.instructions"]}
          rows={4}
          value={configuration.instructions}
          onChange={(e) => setKey("instructions", e.target.value)}
        />
        <SelectField
          label="Tone"
          error={errors["configuration.tone"]}
          options={TONE_OPTIONS}
          value={configuration.tone}
          onValueChange={(tone) => setKey("tone", tone)}
        />
        <SelectField
          label="Voice"
          hint="“Ada is based in Lisbon”, or “I'm based in Lisbon”."
          error={errors["configuration.voice"]}
          options={VOICE_OPTIONS}
          value={configuration.voice}
          onValueChange={(voice) => setKey("voice", voice)}
        />
        {models ? (
          <>
            <SelectField
              label="Model"
              hint="Which model answers."
              error={errors["configuration.model"]}
              options={[
                { value: "", label: "The server's default" },
                ...models.map((model) => ({ value: model, label: model })),
              ]}
              value={configuration.model ?? ""}
              onValueChange={(model) => setKey("model", model === "" ? null : model)}
            />
            <Field
              label={`Temperature: ${configuration.temperature.toFixed(1)}`}
              hint="Lower answers the same way each time; higher varies more."
              error={errors["configuration.temperature"]}
            >
              {(control) => (
                <input
                  {...control}
                  type="range"
                  min={0}
                  max={2}
                  step={0.1}
                  value={configuration.temperature}
                  onChange={(e) => setKey("temperature", Number(e.target.value))}
                  className="w-full accent-indigo-600"
                />
              )}
            </Field>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}
