import { route } from "@/lib/http/route";
import { getProfileEndpoint, putProfileEndpoint } from "@/lib/profiles/endpoints";
import { getProfile, saveProfile } from "@/lib/profiles/use-cases";

export const dynamic = "force-dynamic";

// GET /api/profile – the caller's profile, or ?user_id= another owner's if they have a public chatbot
export const GET = route(getProfileEndpoint)(async ({ caller, query }) => ({
  status: 200,
  body: await getProfile(caller, { userId: query.user_id }),
}));

// PUT /api/profile – create or replace the caller's profile
export const PUT = route(putProfileEndpoint)(async ({ caller, body }) => ({
  status: 200,
  body: await saveProfile(caller, body),
}));
