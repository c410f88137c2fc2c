import { route } from "@/lib/http/route";
import { dismissQuestionEndpoint } from "@/lib/questions/endpoints";
import { dismissQuestion } from "@/lib/questions/use-cases";

export const dynamic = "force-dynamic";

// POST /api/questions/dismiss – take a group out of the queue unanswered
export const POST = route(dismissQuestionEndpoint)(async ({ caller, body }) => ({
  status: 200,
  body: await dismissQuestion(caller, body),
}));
