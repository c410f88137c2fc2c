import { uploadKnowledgeDocumentEndpoint } from "@/lib/api/endpoints/knowledge";
import { asOwner } from "@/lib/db";
import { createKnowledgeItem } from "@/lib/db/queries/knowledge";
import { route } from "@/lib/http/route";
import { documentRecord } from "@/lib/knowledge/documents";

export const dynamic = "force-dynamic";

// POST /api/knowledge/documents – add a PDF, Word, Markdown or text file's text as knowledge
export const POST = route(uploadKnowledgeDocumentEndpoint)(async ({ caller, body }) => {
  // Read before the transaction opens: extraction may take seconds, and holds no connection.
  const record = await documentRecord(body.file, body.keep_original);
  return { status: 201, body: await asOwner(caller.claims, (tx) => createKnowledgeItem(tx, record)) };
});
