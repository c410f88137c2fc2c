"use client";

import { Check, Copy } from "lucide-react";
import { type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";

/**
 * A secret the server hands out once (an API key, a webhook's signing secret): shown read-only
 * with a copy button until the owner says they're done. Remounted (keyed) for each new secret, so
 * "Copied" never carries over.
 */
export function SecretShownOnce({
  id,
  title,
  value,
  label,
  noun,
  onDone,
}: {
  /** The section's heading id. */
  id: string;
  title: ReactNode;
  value: string;
  /** The field's accessible name. */
  label: string;
  /** What the toasts call it: "Key", "Secret". */
  noun: string;
  onDone: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      toast.success(`${noun} copied`);
    } catch {
      toast.error("Copying failed", { description: `Select the ${noun.toLowerCase()} and copy it yourself.` });
    }
  };
  return (
    <section
      aria-labelledby={id}
      className="grid gap-2 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-700 dark:bg-amber-950"
    >
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          readOnly
          value={value}
          aria-label={label}
          className="font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button variant="secondary" onClick={copy}>
          {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          Done
        </Button>
      </div>
    </section>
  );
}
