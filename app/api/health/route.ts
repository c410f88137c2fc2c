import { activeModelLabel } from "@/lib/ai/model-label";
import { authBackend } from "@/lib/auth";
import { pingDatabase } from "@/lib/db";

export const dynamic = "force-dynamic";

// GET /api/health – liveness of the app and its database, and which backends are active.
// Exempt from the API error body: monitors rely on this exact shape.
export async function GET(): Promise<Response> {
  const headers = { "Cache-Control": "no-store" };
  if (!(await pingDatabase())) {
    return Response.json({ status: "error", database: "down" }, { status: 503, headers });
  }
  return Response.json({ status: "ok", database: "ok", auth: authBackend(), model: activeModelLabel() }, { headers });
}
