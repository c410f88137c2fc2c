import { route } from "@/lib/http/route";
import { uploadKnowledgeDocumentEndpoint } from "@/lib/knowledge/endpoints";
import { uploadKnowledgeDocument } from "@/lib/knowledge/use-cases";

export const dynamic = "force-dynamic";

// POST /api/knowledge/documents – add a PDF, Word, Markdown or text file's text as knowledge
export const POST = route(uploadKnowledgeDocumentEndpoint)(async ({ caller, body }) => ({
  status: 201,
  body: await uploadKnowledgeDocument(caller, body),
}));
