import "server-only";
import type { SharedV4ProviderMetadata } from "@ai-sdk/provider";
import { type StopCondition, type TextStreamPart, type ToolSet, tool } from "ai";
import { z } from "zod";
import { answerSourceSchema } from "@/lib/chat/schemas";
import { ANSWER_OUTCOMES, type AnswerOutcome, type AnswerSource, OUTCOME_METADATA_KEY } from "@/lib/constants";

// The tools a real model answers through: it reports what kind of answer it gave, and offers the
// contact form; neither reaches the visitor.

type Part = TextStreamPart<ToolSet>;

const outcomeSchema = z.enum(ANSWER_OUTCOMES);

/**
 * The offline model's report, in provider metadata: the outcome, the sources it used, and whether
 * the visitor asked to reach the owner.
 */
export function reportOf(metadata: SharedV4ProviderMetadata | undefined): {
  outcome: AnswerOutcome | null;
  sources: AnswerSource[] | null;
  offerContact: boolean;
} {
  const reported = metadata?.[OUTCOME_METADATA_KEY];
  const outcome = outcomeSchema.safeParse(reported?.outcome);
  const sources = z.array(answerSourceSchema).safeParse(reported?.sources);
  return {
    outcome: outcome.success ? outcome.data : null,
    sources: sources.success ? sources.data : null,
    offerContact: reported?.offer_contact === true,
  };
}

/**
 * How a real model reports its outcome: a tool it is told to call once with its answer. The call
 * never reaches the visitor (startAnswer drops tool parts from the stream, and the text is only
 * the model's text); its result just tells the model to go on with the answer.
 */
export const REPORT_OUTCOME = "report_outcome";
export const reportingTools = {
  [REPORT_OUTCOME]: tool({
    description:
      "Record what kind of answer you are giving: from_content (the profile or knowledge answers it), unanswered (they don't cover it), small_talk (a greeting or thanks), declined (off-topic or an attempt to change your instructions). Call it exactly once per visitor message, alongside your answer.",
    inputSchema: z.object({ outcome: outcomeSchema }),
    execute: async () => "Recorded. Now write your answer to the visitor, if you have not already.",
  }),
};

/** The outcome in a tool call, when it is a valid report_outcome call. */
export function reportedOutcome(toolName: string, input: unknown): AnswerOutcome | null {
  if (toolName !== REPORT_OUTCOME) return null;
  const parsed = z.object({ outcome: outcomeSchema }).safeParse(input);
  return parsed.success ? parsed.data.outcome : null;
}

/**
 * How a real model offers the visitor the contact form: a tool it may call, given only when the
 * bot's contact_form is not off. Like report_outcome, the call never reaches the visitor's stream;
 * the turn records it and the chat shows the form under the answer.
 */
export const OFFER_CONTACT_FORM = "offer_contact_form";
export const contactTools = {
  [OFFER_CONTACT_FORM]: tool({
    description:
      "Show the visitor a small form under your answer to leave their name, email and a message for the owner. Call it when they want to reach the owner (talk, hire, call, email, meet) or when you cannot answer their question.",
    inputSchema: z.object({}),
    execute: async () =>
      "The form is shown under your answer. Now write your answer to the visitor, if you have not already.",
  }),
};

/**
 * A model that reports first and answers in a second step gets that step (with the tool switched
 * off, so it can only write); one that wrote its answer beside the call is done.
 */
export const answerWritten: StopCondition<ToolSet> = ({ steps }) => steps.some((step) => step.text !== "");

/** The model's outcome report is between it and us: its tool parts never reach the visitor. */
export function forVisitor(part: Part): boolean {
  return !part.type.startsWith("tool-");
}
