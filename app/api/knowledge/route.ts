import { createKnowledgeEndpoint, listKnowledgeEndpoint } from "@/lib/api/endpoints/knowledge";
import { asOwner } from "@/lib/db";
import { createKnowledgeItem, listKnowledge, recordOf } from "@/lib/db/queries/knowledge";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/knowledge – the caller's knowledge items, newest first
export const GET = route(listKnowledgeEndpoint)(async ({ caller, query }) => {
  return { status: 200, body: await asOwner(caller.claims, (tx) => listKnowledge(tx, query)) };
});

// POST /api/knowledge – add a Q&A pair or a note
export const POST = route(createKnowledgeEndpoint)(async ({ caller, body }) => {
  return { status: 201, body: await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, recordOf(body))) };
});
