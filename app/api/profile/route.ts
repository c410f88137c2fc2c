import { getProfileEndpoint, putProfileEndpoint } from "@/lib/api/endpoints/profile";
import { asOwner } from "@/lib/db";
import { findOwnProfile, findPublicProfile, saveProfile } from "@/lib/db/queries/profiles";
import { ApiError } from "@/lib/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// GET /api/profile – the caller's profile, or ?user_id= another owner's if they have a public chatbot
export const GET = route(getProfileEndpoint)(async ({ caller, query }) => {
  const userId = query.user_id;
  const profile = await asOwner(caller.claims, (tx) => (userId ? findPublicProfile(tx, userId) : findOwnProfile(tx)));
  if (!profile) throw new ApiError("not_found", "Profile not found.");
  return { status: 200, body: profile };
});

// PUT /api/profile – create or replace the caller's profile
export const PUT = route(putProfileEndpoint)(async ({ caller, body }) => {
  return { status: 200, body: await asOwner(caller.claims, (tx) => saveProfile(tx, body)) };
});
