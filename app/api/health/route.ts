import { activeModelLabel } from "@/lib/ai/model-label";
import { healthEndpoint } from "@/lib/api/endpoints/meta";
import { authBackend } from "@/lib/auth";
import { pingDatabase } from "@/lib/db";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/health – liveness of the app and its database, and which backends are active
export const GET = route(healthEndpoint)(async () => {
  if (!(await pingDatabase())) return { status: 503, body: { status: "error", database: "down" } };
  return {
    status: 200,
    body: { status: "ok", database: "ok", auth: authBackend(), model: activeModelLabel() },
  };
});
