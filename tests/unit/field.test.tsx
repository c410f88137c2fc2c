import type { ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Field, type FieldControlProps } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";

// Field's wiring must be in the server's HTML itself: forms post without JavaScript too, and come
// back with their errors. So these render on the server, as Next does, and read the markup.

function render(control: (props: FieldControlProps) => ReactNode, notes: { hint?: string; error?: string } = {}) {
  return renderToStaticMarkup(
    <Field id="email" label="Email" hint={notes.hint} error={notes.error}>
      {control}
    </Field>,
  );
}

/** The opening tag of the first `tag` element whose attributes include `marker`. */
function openingTag(html: string, tag: string, marker: string): string {
  const element = new RegExp(`<${tag}\\b[^>]*${marker}[^>]*>`).exec(html);
  if (!element) throw new Error(`no <${tag}> with ${marker} in ${html}`);
  return element[0];
}

describe("Field", () => {
  it("names the control by its label and reads the hint and the error with it", () => {
    const html = render((control) => <Input {...control} name="email" />, {
      hint: "We never share it.",
      error: "Enter an email.",
    });
    expect(html).toContain('<label for="email"');
    const input = openingTag(html, "input", 'id="email"');
    expect(input).toContain('aria-describedby="email-hint email-error"');
    expect(input).toContain('aria-invalid="true"');
    expect(html).toMatch(/<p id="email-hint"[^>]*>We never share it\.<\/p>/);
    expect(html).toMatch(/<p id="email-error"[^>]*>Enter an email\.<\/p>/);
  });

  it("leaves a valid control unmarked, described by its hint alone or by nothing", () => {
    const hinted = openingTag(
      render((control) => <Input {...control} />, { hint: "Shown to visitors." }),
      "input",
      'id="email"',
    );
    expect(hinted).toContain('aria-describedby="email-hint"');
    expect(hinted).not.toContain('aria-invalid="');
    const bare = openingTag(
      render((control) => <Input {...control} />),
      "input",
      'id="email"',
    );
    expect(bare).not.toContain("aria-describedby");
  });

  it("wires Base UI's select and switch through the element that takes focus", () => {
    const select = render(
      (control) => <Select {...control} options={[{ value: "a", label: "A" }]} defaultValue="a" />,
      {
        error: "Pick one.",
      },
    );
    const trigger = openingTag(select, "button", 'role="combobox"');
    expect(trigger).toContain('id="email"');
    expect(trigger).toContain('aria-describedby="email-error"');
    expect(trigger).toContain('aria-invalid="true"');

    const toggle = openingTag(
      render((control) => <Switch {...control} />, { hint: "Shown on your page." }),
      "button",
      'role="switch"',
    );
    expect(toggle).toContain('id="email"');
    expect(toggle).toContain('aria-describedby="email-hint"');
  });
});
