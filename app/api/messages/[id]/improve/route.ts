import { route } from "@/lib/http/route";
import { improveAnswerEndpoint } from "@/lib/questions/endpoints";
import { improveAnswer } from "@/lib/questions/use-cases";

export const dynamic = "force-dynamic";

// POST /api/messages/{id}/improve – what the bot should have answered to this turn, kept as a Q&A
export const POST = route(improveAnswerEndpoint)(async ({ caller, params, body }) => ({
  status: 200,
  body: await improveAnswer(caller, { message_id: params.id, answer: body.answer }),
}));
