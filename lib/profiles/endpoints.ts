import { endpoints } from "@/lib/api/endpoint";
import { profileInputSchema, profileQuerySchema, profileSchema } from "@/lib/profiles/schemas";

const profile = endpoints({ tag: "Profile", auth: "required" });

const Profile = { name: "Profile", schema: profileSchema };

export const getProfileEndpoint = profile("GET /api/profile", "getProfile", {
  summary: "The caller's profile, or another owner's public profile",
  description:
    "Without `user_id`: the caller's own profile (404 until they have written one). With `user_id`: that owner's profile if they have at least one public chatbot, else 404 (private owners stay private).",
  query: profileQuerySchema,
  responses: { 200: { description: "The profile.", body: Profile } },
  errors: ["not_found"],
});

export const putProfileEndpoint = profile("PUT /api/profile", "putProfile", {
  summary: "Create or replace the caller's profile",
  description: "`user_id`, `id` and timestamps in the body are ignored: a profile always belongs to the caller.",
  body: { name: "ProfileInput", schema: profileInputSchema },
  responses: { 200: { description: "The stored profile.", body: Profile } },
});
