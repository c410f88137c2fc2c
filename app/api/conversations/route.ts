import { route } from "@/lib/http/route";
import { listConversationsEndpoint } from "@/lib/inbox/endpoints";
import { listConversationPage } from "@/lib/inbox/use-cases/conversations";

export const dynamic = "force-dynamic";

// GET /api/conversations – the caller's conversations, newest activity first, with the inbox's filters
export const GET = route(listConversationsEndpoint)(async ({ caller, query }) => ({
  status: 200,
  body: await listConversationPage(caller, query),
}));
