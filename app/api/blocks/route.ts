import { route } from "@/lib/http/route";
import { listBlocksEndpoint } from "@/lib/inbox/endpoints";
import { listBlocks } from "@/lib/inbox/use-cases/blocks";

export const dynamic = "force-dynamic";

// GET /api/blocks – the caller's blocks, newest first
export const GET = route(listBlocksEndpoint)(async ({ caller, query }) => ({
  status: 200,
  body: { blocks: await listBlocks(caller, query) },
}));
