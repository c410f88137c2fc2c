import { route } from "@/lib/http/route";
import { deleteBlockEndpoint } from "@/lib/inbox/endpoints";
import { unblockVisitor } from "@/lib/inbox/use-cases/blocks";

export const dynamic = "force-dynamic";

// DELETE /api/blocks/{id} – lift one of the caller's blocks
export const DELETE = route(deleteBlockEndpoint)(async ({ caller, params }) => {
  await unblockVisitor(caller, params);
  return { status: 204 };
});
