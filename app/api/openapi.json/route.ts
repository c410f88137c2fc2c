import { json, route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

// GET /api/openapi.json – the OpenAPI 3.1 document of the API, generated from its zod schemas
export const GET = route({ auth: "none" }, async () => {
  return json(openApiDocument(), 200, { "Cache-Control": "public, max-age=300" });
});
