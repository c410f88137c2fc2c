import { changeEmailEndpoint } from "@/lib/account/endpoints";
import { changeEmail } from "@/lib/auth/account-changes";
import { authContextOf } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/account/email – a new address after the password (browser session only)
export const POST = route(changeEmailEndpoint)(async ({ request, caller, body }) => {
  const context = authContextOf(request);
  return { status: 200, body: await changeEmail(caller, body, context), cookies: context.pending };
});
