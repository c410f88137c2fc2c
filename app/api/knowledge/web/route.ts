import { importKnowledgeWebPageEndpoint } from "@/lib/api/endpoints/knowledge";
import { asOwner } from "@/lib/db";
import { createKnowledgeItem } from "@/lib/db/queries/knowledge";
import { route } from "@/lib/http/route";
import { webPageRecord } from "@/lib/knowledge/web";

export const dynamic = "force-dynamic";

// POST /api/knowledge/web – add a web page's main text as knowledge
export const POST = route(importKnowledgeWebPageEndpoint)(async ({ caller, body }) => {
  // Fetched and read before the transaction opens: that may take seconds, and holds no connection.
  const record = await webPageRecord(body.url);
  return { status: 201, body: await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, record)) };
});
