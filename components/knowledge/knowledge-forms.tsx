"use client";

import { useRouter } from "next/navigation";
import { useActionState, useRef } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
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

export function KnowledgeForms() {
  const qa = useAddForm(addQuestionAndAnswerAction, "Answer");
  const note = useAddForm(addNoteAction, "Note");
  const upload = useAddForm(uploadDocumentAction, "Document");
  const web = useAddForm(importWebPageAction, "Web page");
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card>
        <CardHeader>
          <CardTitle>Answer a question</CardTitle>
          <CardDescription>
            When a visitor asks this, in these or other words, the bot gives your answer as written.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form ref={qa.form} action={qa.formAction} noValidate className="grid gap-4">
            <Field label="Question" error={qa.errors.question}>
              {(control) => <Input {...control} name="question" defaultValue={qa.values.question} />}
            </Field>
            <Field label="Your answer" error={qa.errors.answer}>
              {(control) => <Textarea {...control} name="answer" rows={3} defaultValue={qa.values.answer} />}
            </Field>
            <Field label="Other ways to ask it" hint="One per line (optional)." error={qa.errors.alternatives}>
              {(control) => (
                <Textarea {...control} name="alternatives" rows={2} defaultValue={qa.values.alternatives} />
              )}
            </Field>
            <div>
              <Button type="submit" loading={qa.pending}>
                Add answer
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Write a note</CardTitle>
          <CardDescription>Anything about you, in Markdown: the bot quotes the sentences that answer.</CardDescription>
        </CardHeader>
        <CardContent>
          <form ref={note.form} action={note.formAction} noValidate className="grid gap-4">
            <Field label="Title" error={note.errors.title}>
              {(control) => <Input {...control} name="title" defaultValue={note.values.title} />}
            </Field>
            <Field label="Note" error={note.errors.body}>
              {(control) => <Textarea {...control} name="body" rows={6} defaultValue={note.values.body} />}
            </Field>
            <div>
              <Button type="submit" loading={note.pending}>
                Add note
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Upload a document</CardTitle>
          <CardDescription>
            A PDF, Word (.docx), Markdown or text file up to 10 MB (PDFs up to 200 pages), such as your CV.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form ref={upload.form} action={upload.formAction} noValidate className="grid gap-4">
            <Field label="File" error={upload.errors.file}>
              {(control) => (
                <Input
                  {...control}
                  name="file"
                  type="file"
                  accept=".pdf,.docx,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown"
                />
              )}
            </Field>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" name="keep_original" className="mt-0.5 size-4 accent-indigo-600" />
              <span>
                Keep the file itself
                <span className="block text-zinc-600 dark:text-zinc-400">
                  Otherwise only its text is kept, and the file is discarded.
                </span>
              </span>
            </label>
            <div>
              <Button type="submit" loading={upload.pending}>
                Upload
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Import a web page</CardTitle>
          <CardDescription>
            A page about you (a portfolio, a talk, an article): its main text is kept, with its address.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <form ref={web.form} action={web.formAction} noValidate className="grid gap-4">
            <Field label="Address" error={web.errors.url}>
              {(control) => (
                <Input
                  {...control}
                  name="url"
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  defaultValue={web.values.url}
                />
              )}
            </Field>
            <div>
              <Button type="submit" loading={web.pending}>
                Import
              </Button>
            </div>
          </form>
        </CardContent>
      </Card>
    </div>
  );
}
