import { deleteAccountEndpoint } from "@/lib/account/endpoints";
import { closeAccount } from "@/lib/account/use-cases";
import { authContextOf } from "@/lib/auth/sign-in";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// DELETE /api/account – delete the account and everything in it (browser session, recent password, typed email)
export const DELETE = route(deleteAccountEndpoint)(async ({ request, caller, body }) => {
  const context = authContextOf(request);
  await closeAccount(caller, body, context);
  return { status: 204, cookies: context.pending };
});
