import { route } from "@/lib/http/route";
import { listQuestionsEndpoint } from "@/lib/questions/endpoints";
import { listWaitingQuestions } from "@/lib/questions/use-cases";

export const dynamic = "force-dynamic";

// GET /api/questions – the questions queue, grouped, most asked first
export const GET = route(listQuestionsEndpoint)(async ({ caller, query }) => ({
  status: 200,
  body: { groups: await listWaitingQuestions(caller, query) },
}));
