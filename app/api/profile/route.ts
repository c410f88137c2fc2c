import { findOwnProfile, findPublicProfile, saveProfile } from "@/lib/db/queries/profiles";
import { ApiError } from "@/lib/errors";
import { json, route } from "@/lib/http/route";
import { profileInputSchema, profileQuerySchema } from "@/lib/validation/profile";

export const dynamic = "force-dynamic";

// GET /api/profile – the caller's profile, or ?user_id= another owner's if they have a public chatbot
export const GET = route({ query: profileQuerySchema }, async ({ caller, query }) => {
  const profile = query.user_id
    ? await findPublicProfile(caller.claims, query.user_id)
    : await findOwnProfile(caller.claims);
  if (!profile) throw new ApiError("not_found", "Profile not found.");
  return json(profile);
});

// PUT /api/profile – create or replace the caller's profile
export const PUT = route({ body: profileInputSchema }, async ({ caller, body }) => {
  return json(await saveProfile(caller.claims, body));
});
