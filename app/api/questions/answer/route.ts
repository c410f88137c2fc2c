import { route } from "@/lib/http/route";
import { answerQuestionEndpoint } from "@/lib/questions/endpoints";
import { answerQuestion } from "@/lib/questions/use-cases";

export const dynamic = "force-dynamic";

// POST /api/questions/answer – answer a group of the queue; its wordings become a Q&A
export const POST = route(answerQuestionEndpoint)(async ({ caller, body }) => ({
  status: 200,
  body: await answerQuestion(caller, body),
}));
