"use client";

import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { InputField } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { TextareaField } from "@/components/ui/textarea";
import type { EditorCardProps } from "./editor-values";
import type { useSlugCheck } from "./use-slug-check";

/** The chatbot's own fields: its name and description, its public address and whether it is public. */
export function BasicsCard({
  values,
  setField,
  errors,
  slug,
}: Omit<EditorCardProps, "setKey"> & { slug: ReturnType<typeof useSlugCheck> }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>Basics</CardTitle>
      </CardHeader>
      <CardContent className="grid gap-5">
        <InputField
          label="Name"
          hint="Shown on the chat's page and in your list."
          error={errors.name}
          name="name"
          value={values.name}
          onChange={(e) => setField("name", e.target.value)}
        />
        <TextareaField
          label="Description"
          hint="One line under the name on the public page."
          error={errors.description}
          rows={2}
          value={values.description}
          onChange={(e) => setField("description", e.target.value)}
        />
        <InputField
          label="Public address"
          hint={
            <span aria-live="polite" data-testid="slug-status">
              {values.public_url_slug.trim() === ""
                ? "Leave empty to make one from the name."
                : slug.availability === "available"
                  ? slug.message
                  : `Visitors open /c/${values.public_url_slug.trim()}.`}
            </span>
          }
          error={
            errors.public_url_slug ??
            (slug.availability !== null && slug.availability !== "available" ? (slug.message ?? undefined) : undefined)
          }
          name="public_url_slug"
          autoCapitalize="none"
          spellCheck={false}
          value={values.public_url_slug}
          onChange={(e) => setField("public_url_slug", e.target.value.toLowerCase())}
        />
        <Field
          label="Public"
          layout="inline"
          hint="Anyone with the link can chat. When off, only you can open the page."
          error={errors.is_public}
        >
          {(control) => (
            <Switch
              {...control}
              checked={values.is_public}
              onCheckedChange={(checked) => setField("is_public", checked)}
            />
          )}
        </Field>
      </CardContent>
    </Card>
  );
}
