import { logoutEndpoint } from "@/lib/api/endpoints/auth";
import { authContextOf, signOut } from "@/lib/auth/accounts";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/auth/logout[?all=true] – end the session of the cookie or Bearer token used (or every session)
export const POST = route(logoutEndpoint)(async ({ request, caller, query }) => {
  const context = authContextOf(request);
  await signOut(caller, context, query.all);
  return { status: 204, cookies: context.pending };
});
