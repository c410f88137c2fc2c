import { createToken } from "@/lib/auth/accounts";
import { routeAuthContext } from "@/lib/auth/request-context";
import { json, route } from "@/lib/http/route";
import { signInSchema } from "@/lib/validation/auth";

export const dynamic = "force-dynamic";

// POST /api/auth/token {"email","password"} -> 200 {"access_token","token_type","expires_in","user"}.
// Sets no cookie: this is how integrations sign in.
export const POST = route({ auth: "none", body: signInSchema }, async ({ request, body }) => {
  const token = await createToken(body, routeAuthContext(request));
  return json(token, 200, { "Cache-Control": "no-store" });
});
