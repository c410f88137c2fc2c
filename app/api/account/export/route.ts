import { exportAccountEndpoint } from "@/lib/account/endpoints";
import { exportAccount } from "@/lib/account/use-cases";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/account/export – all of the caller's data as one JSON file, streamed in keyset-paged batches
export const GET = route(exportAccountEndpoint)(async ({ caller }) => {
  const day = new Date().toISOString().slice(0, 10);
  return new Response(exportAccount(caller), {
    status: 200,
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="chatfolio-export-${day}.json"`,
    },
  });
});
