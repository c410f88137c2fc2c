"use client";

import { Select as BaseSelect } from "@base-ui/react/select";
import { Check, ChevronsUpDown } from "lucide-react";
import type { ReactNode } from "react";
import { cn } from "./cn";
import { controlClasses } from "./control-classes";
import { Field } from "./field";
import { listItemClasses, listPopupClasses } from "./popup-classes";

export interface SelectOption<Value extends string = string> {
  value: Value;
  label: string;
}

interface SelectProps<Value extends string> {
  options: readonly SelectOption<Value>[];
  /** Submits the chosen value with the form under this name (a hidden input). */
  name?: string;
  value?: Value | null;
  defaultValue?: Value | null;
  onValueChange?: (value: Value | null) => void;
  /** Shown while nothing is chosen. */
  placeholder?: string;
  disabled?: boolean;
  required?: boolean;
  className?: string;
  /** From Field, or an aria-label when there is no visible label. */
  id?: string;
  "aria-label"?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * Choose one of a short list (Base UI's Select: a button that opens a listbox; arrow keys, typing
 * a label's first letters, Enter). For long lists, a combobox with filtering would serve better.
 */
export function Select<Value extends string>({
  options,
  name,
  value,
  defaultValue,
  onValueChange,
  placeholder,
  disabled,
  required,
  className,
  ...trigger
}: SelectProps<Value>) {
  return (
    <BaseSelect.Root<Value>
      items={options}
      name={name}
      value={value}
      defaultValue={defaultValue}
      onValueChange={(next) => onValueChange?.(next)}
      disabled={disabled}
      required={required}
    >
      <BaseSelect.Trigger
        {...trigger}
        className={cn(controlClasses, "flex h-10 items-center justify-between gap-2 text-left sm:h-9", className)}
      >
        <BaseSelect.Value
          placeholder={placeholder}
          className="truncate data-placeholder:text-zinc-500 dark:data-placeholder:text-zinc-400"
        />
        <BaseSelect.Icon className="shrink-0 text-zinc-500 dark:text-zinc-400">
          <ChevronsUpDown aria-hidden className="size-4" />
        </BaseSelect.Icon>
      </BaseSelect.Trigger>
      <BaseSelect.Portal>
        <BaseSelect.Positioner alignItemWithTrigger={false} sideOffset={4} collisionPadding={8} className="z-50">
          <BaseSelect.Popup className={listPopupClasses}>
            <BaseSelect.List className="max-h-[min(var(--available-height),20rem)] overflow-y-auto">
              {options.map((option) => (
                <BaseSelect.Item key={option.value} value={option.value} className={cn(listItemClasses, "pr-8")}>
                  <BaseSelect.ItemText>{option.label}</BaseSelect.ItemText>
                  <BaseSelect.ItemIndicator className="absolute right-2">
                    <Check aria-hidden />
                  </BaseSelect.ItemIndicator>
                </BaseSelect.Item>
              ))}
            </BaseSelect.List>
          </BaseSelect.Popup>
        </BaseSelect.Positioner>
      </BaseSelect.Portal>
    </BaseSelect.Root>
  );
}

interface SelectFieldProps<Value extends string>
  extends Omit<SelectProps<Value>, "id" | "aria-label" | "aria-describedby" | "aria-invalid" | "onValueChange"> {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** A value was chosen (Base UI's "nothing chosen" never reaches it). */
  onValueChange?: (value: Value) => void;
}

/** The common case of a Field: a labelled Select with its hint and error, in one element. */
export function SelectField<Value extends string>({
  label,
  hint,
  error,
  onValueChange,
  ...select
}: SelectFieldProps<Value>) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <Select {...control} {...select} onValueChange={(value) => value !== null && onValueChange?.(value)} />
      )}
    </Field>
  );
}
