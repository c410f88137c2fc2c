import { route } from "@/lib/http/route";
import { importKnowledgeWebPageEndpoint } from "@/lib/knowledge/endpoints";
import { importKnowledgeWebPage } from "@/lib/knowledge/use-cases";

export const dynamic = "force-dynamic";

// POST /api/knowledge/web – add a web page's main text as knowledge
export const POST = route(importKnowledgeWebPageEndpoint)(async ({ caller, body }) => ({
  status: 201,
  body: await importKnowledgeWebPage(caller, body),
}));
