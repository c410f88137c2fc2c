import { cn } from "./cn";

interface RadioChoicesProps<Value extends string> {
  /** The form field's name. */
  name: string;
  legend: string;
  /** Visually hidden legend, when a heading above already says it. */
  legendHidden?: boolean;
  choices: readonly (readonly [Value, string])[];
  /** Uncontrolled: the choice ticked at first. */
  defaultValue?: Value;
  /** Controlled: the choice ticked (null: none yet, the owner must choose), and what changes it. */
  value?: Value | null;
  onValueChange?: (value: Value) => void;
}

/** A fieldset of native radio buttons, one per [value, label]: submitted with the form as they are. */
export function RadioChoices<Value extends string>({
  name,
  legend,
  legendHidden = false,
  choices,
  defaultValue,
  value,
  onValueChange,
}: RadioChoicesProps<Value>) {
  return (
    <fieldset className="grid gap-2">
      <legend className={cn(legendHidden ? "sr-only" : "mb-1 text-sm font-medium")}>{legend}</legend>
      {choices.map(([choice, label]) => (
        <label key={choice} className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name={name}
            value={choice}
            {...(value === undefined
              ? { defaultChecked: defaultValue === choice }
              : { checked: value === choice, onChange: () => onValueChange?.(choice) })}
            className="size-4 accent-indigo-600"
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}
