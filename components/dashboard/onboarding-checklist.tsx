import { CheckCircle2, Circle } from "lucide-react";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { OnboardingProgress } from "@/lib/dashboard/types";

interface OnboardingChecklistProps {
  progress: OnboardingProgress;
  /** Where "try it" and "share it" lead: the first chatbot's page, once there is one. */
  firstChatbotHref: string | null;
}

/** A new owner's four steps to a shared, working bot; the overview shows it until all are done. */
export function OnboardingChecklist({ progress, firstChatbotHref }: OnboardingChecklistProps) {
  const steps = [
    {
      done: progress.profile,
      label: "Write your profile",
      detail: "Your bot answers from it.",
      href: "/dashboard/profile",
    },
    {
      done: progress.chatbot,
      label: "Create a chatbot",
      detail: "Name it, pick a tone, say hello.",
      href: "/dashboard/chatbots/new",
    },
    {
      done: progress.tried,
      label: "Try it",
      detail: "Ask it something in the preview beside its settings.",
      href: firstChatbotHref,
    },
    {
      done: progress.shared,
      label: "Share the link",
      detail: "Send it or embed it; this is done when the first conversation comes in from the public page.",
      href: firstChatbotHref,
    },
  ];
  const doneCount = steps.filter((step) => step.done).length;
  return (
    <Card data-testid="onboarding-checklist">
      <CardHeader>
        <CardTitle>Get your chatbot talking</CardTitle>
        <CardDescription>
          {doneCount} of {steps.length} done
        </CardDescription>
      </CardHeader>
      <CardContent>
        <ol className="grid gap-3">
          {steps.map((step) => (
            <li key={step.label} className="flex items-start gap-3">
              {step.done ? (
                <CheckCircle2 aria-hidden className="mt-0.5 size-5 shrink-0 text-emerald-600 dark:text-emerald-400" />
              ) : (
                <Circle aria-hidden className="mt-0.5 size-5 shrink-0 text-zinc-400" />
              )}
              <div className="grid gap-0.5">
                <span className={step.done ? "text-zinc-500 line-through dark:text-zinc-400" : "font-medium"}>
                  {step.href && !step.done ? (
                    <Link href={step.href} className="underline underline-offset-2 hover:no-underline">
                      {step.label}
                    </Link>
                  ) : (
                    step.label
                  )}
                  <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
                </span>
                <span className="text-sm text-zinc-600 dark:text-zinc-400">{step.detail}</span>
              </div>
            </li>
          ))}
        </ol>
      </CardContent>
    </Card>
  );
}
