import { endpoint } from "@/lib/api/endpoint";
import { profileInputSchema, profileQuerySchema, profileSchema } from "@/lib/validation/profile";

const Profile = { name: "Profile", schema: profileSchema };

export const getProfileEndpoint = endpoint({
  method: "get",
  path: "/api/profile",
  operationId: "getProfile",
  summary: "The caller's profile, or another owner's public profile",
  description:
    "Without `user_id`: the caller's own profile (404 until they have written one). With `user_id`: that owner's profile if they have at least one public chatbot, else 404 (private owners stay private).",
  tag: "Profile",
  auth: "required",
  query: profileQuerySchema,
  responses: { 200: { description: "The profile.", body: Profile } },
  errors: ["not_found"],
});

export const putProfileEndpoint = endpoint({
  method: "put",
  path: "/api/profile",
  operationId: "putProfile",
  summary: "Create or replace the caller's profile",
  description: "`user_id`, `id` and timestamps in the body are ignored: a profile always belongs to the caller.",
  tag: "Profile",
  auth: "required",
  body: { name: "ProfileInput", schema: profileInputSchema },
  responses: { 200: { description: "The stored profile.", body: Profile } },
});
