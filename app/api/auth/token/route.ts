import { createTokenEndpoint } from "@/lib/api/endpoints/auth";
import { authContextOf, createToken } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/auth/token – exchange email and password for an access token (no cookie is set)
export const POST = route(createTokenEndpoint)(async ({ request, body }) => {
  const token = await createToken(body, authContextOf(request));
  return { status: 200, body: token };
});
