import { route } from "@/lib/http/route";
import { createKnowledgeEndpoint, listKnowledgeEndpoint } from "@/lib/knowledge/endpoints";
import { createKnowledge, listKnowledge } from "@/lib/knowledge/use-cases";

export const dynamic = "force-dynamic";

// GET /api/knowledge – the caller's knowledge items, newest first
export const GET = route(listKnowledgeEndpoint)(async ({ caller, query }) => ({
  status: 200,
  body: await listKnowledge(caller, query),
}));

// POST /api/knowledge – add a Q&A pair or a note
export const POST = route(createKnowledgeEndpoint)(async ({ caller, body }) => ({
  status: 201,
  body: await createKnowledge(caller, body),
}));
