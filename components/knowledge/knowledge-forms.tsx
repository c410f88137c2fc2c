"use client";

import { useRouter } from "next/navigation";
import { type ReactNode, useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { InputField } from "@/components/ui/input";
import { TextareaField } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toast";
import { useFormAnswer } from "@/components/ui/use-form-answer";
import { type FormState, idleFormState } from "@/lib/http/form-state";
import {
  addNoteAction,
  addQuestionAndAnswerAction,
  importWebPageAction,
  uploadDocumentAction,
} from "@/lib/knowledge/actions";

type Added = FormState<{ id: string }>;
type Submit = (previous: Added, form: FormData) => Promise<Added>;

/** One form's state: a toast when the server answers, the list refreshed and the form cleared on success. */
function useAddForm(submit: Submit, what: string) {
  const [state, formAction, pending] = useActionState<Added, FormData>(submit, idleFormState);
  const form = useRef<HTMLFormElement>(null);
  const router = useRouter();
  useFormAnswer(state, (answer) => {
    if (answer.status === "success") {
      toast.success(`${what} added`, { description: "Your chatbots answer from it from the next question." });
      form.current?.reset();
      router.refresh();
    } else if (answer.status === "error") {
      toast.error(`The ${what.toLowerCase()} was not added`, { description: answer.message });
    }
  });
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values = state.status === "error" ? state.values : {};
  return { formAction, pending, form, errors, values };
}

interface AddCardProps {
  title: string;
  description: string;
  form: ReturnType<typeof useAddForm>;
  submit: string;
  children: ReactNode;
}

/** One way to add knowledge: a card holding its form, with the form's submit button under the fields. */
function AddCard({ title, description, form, submit, children }: AddCardProps) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        <CardDescription>{description}</CardDescription>
      </CardHeader>
      <CardContent>
        <form ref={form.form} action={form.formAction} noValidate className="grid gap-4">
          {children}
          <div>
            <Button type="submit" loading={form.pending}>
              {submit}
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}

export function KnowledgeForms() {
  const qa = useAddForm(addQuestionAndAnswerAction, "Answer");
  const note = useAddForm(addNoteAction, "Note");
  const upload = useAddForm(uploadDocumentAction, "Document");
  const web = useAddForm(importWebPageAction, "Web page");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <AddCard
        title="Answer a question"
        description="When a visitor asks this, in these or other words, the bot gives your answer as written."
        form={qa}
        submit="Add answer"
      >
        <InputField label="Question" error={qa.errors.question} name="question" defaultValue={qa.values.question} />
        <TextareaField
          label="Your answer"
          error={qa.errors.answer}
          name="answer"
          rows={3}
          defaultValue={qa.values.answer}
        />
        <TextareaField
          label="Other ways to ask it"
          hint="One per line (optional)."
          error={qa.errors.alternatives}
          name="alternatives"
          rows={2}
          defaultValue={qa.values.alternatives}
        />
      </AddCard>
      <AddCard
        title="Write a note"
        description="Anything about you, in Markdown: the bot quotes the sentences that answer."
        form={note}
        submit="Add note"
      >
        <InputField label="Title" error={note.errors.title} name="title" defaultValue={note.values.title} />
        <TextareaField label="Note" error={note.errors.body} name="body" rows={6} defaultValue={note.values.body} />
      </AddCard>
      <AddCard
        title="Upload a document"
        description="A PDF, Word (.docx), Markdown or text file up to 10 MB (PDFs up to 200 pages), such as your CV."
        form={upload}
        submit="Upload"
      >
        <InputField
          label="File"
          error={upload.errors.file}
          name="file"
          type="file"
          accept=".pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
        />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="keep_original" className="mt-0.5 size-4 accent-indigo-600" />
          <span>
            Keep the file itself
            <span className="block text-zinc-600 dark:text-zinc-400">
              Otherwise only its text is kept, and the file is discarded.
            </span>
          </span>
        </label>
      </AddCard>
      <AddCard
        title="Import a web page"
        description="A page about you (a portfolio, a talk, an article): its main text is kept, with its address."
        form={web}
        submit="Import"
      >
        <InputField
          label="Address"
          error={web.errors.url}
          name="url"
          type="url"
          inputMode="url"
          placeholder="https://"
          defaultValue={web.values.url}
        />
      </AddCard>
    </div>
  );
}
