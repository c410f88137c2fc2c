import { changePasswordEndpoint } from "@/lib/account/endpoints";
import { changePassword } from "@/lib/auth/account-changes";
import { authContextOf } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// POST /api/account/password – a new password after the current one (browser session only)
export const POST = route(changePasswordEndpoint)(async ({ request, caller, body }) => {
  const context = authContextOf(request);
  await changePassword(caller, body, context);
  return { status: 204, cookies: context.pending };
});
