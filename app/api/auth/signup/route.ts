import { signUp } from "@/lib/auth/accounts";
import { withCookies } from "@/lib/auth/cookies";
import { routeAuthContext } from "@/lib/auth/request-context";
import { assertSameOrigin } from "@/lib/http/csrf";
import { json, route } from "@/lib/http/route";
import { credentialsSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

// POST /api/auth/signup {"email","password"} -> 201 {"user"} with the session cookie set.
export const POST = route({ auth: "none", body: credentialsSchema }, async ({ request, body }) => {
  // Signing up signs the browser in, so a cross-site form could sign a victim into an account
  // the attacker controls: the same origin check as cookie-authenticated mutations.
  assertSameOrigin(request);
  const context = routeAuthContext(request);
  const result = await signUp(body, context);
  return withCookies(json(result.body, result.status), context.pending);
});
