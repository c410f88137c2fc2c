import { logoutEndpoint } from "@/lib/api/endpoints/auth";
import { authContextOf, signOut } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/auth/logout[?all=true[&revoke_api_keys=true]] – end the session of the cookie or Bearer token used
// (or every session, and with revoke_api_keys every API key too)
export const POST = route(logoutEndpoint)(async ({ request, caller, query }) => {
  const context = authContextOf(request);
  await signOut(caller, context, query.all, query.revoke_api_keys);
  return { status: 204, cookies: context.pending };
});
