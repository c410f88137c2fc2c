import { signOut } from "@/lib/auth/accounts";
import { withCookies } from "@/lib/auth/cookies";
import { routeAuthContext } from "@/lib/auth/request-context";
import { route } from "@/lib/http/route";
import { logoutQuerySchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

// POST /api/auth/logout -> 204, ends the session of the cookie or Bearer token used and clears the
// cookie. POST /api/auth/logout?all=true ends every session and access token of the user ("sign
// out everywhere"). Without valid credentials there is nothing to end: the cookie is cleared all
// the same. The wrapper checks Origin when a cookie authenticated it.
export const POST = route({ auth: "optional", query: logoutQuerySchema }, async ({ request, caller, query }) => {
  const context = routeAuthContext(request);
  await signOut(caller, context, query.all);
  return withCookies(new Response(null, { status: 204 }), context.pending);
});
