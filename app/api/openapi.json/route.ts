import { openapiEndpoint } from "@/lib/api/endpoints/meta";
import { route } from "@/lib/http/route";
import { openApiDocument } from "@/lib/openapi";

export const dynamic = "force-dynamic";

// GET /api/openapi.json – the OpenAPI 3.1 document, generated from the endpoint declarations
export const GET = route(openapiEndpoint)(async () => {
  return { status: 200, body: openApiDocument(), headers: { "Cache-Control": "public, max-age=300" } };
});
