import { signUpEndpoint } from "@/lib/api/endpoints/auth";
import { authContextOf, signUp } from "@/lib/auth/sign-in";
import { assertSameOrigin } from "@/lib/http/csrf";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/auth/signup – create an account and sign the browser in
export const POST = route(signUpEndpoint)(async ({ request, body }) => {
  // Signing up signs the browser in, so a cross-site form could sign a victim into an account
  // the attacker controls: the same origin check as cookie-authenticated mutations.
  assertSameOrigin(request.headers, request.url, { required: false });
  const context = authContextOf(request);
  const result = await signUp(body, context);
  return { status: result.status, body: result.body, cookies: context.pending };
});
