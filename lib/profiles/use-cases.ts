import "server-only";
import type { Caller } from "@/lib/auth";
import { asOwner } from "@/lib/db";
import { findOwnProfile, findPublicProfile, saveProfile as saveProfileRow } from "@/lib/db/queries/profiles";
import { ApiError } from "@/lib/errors";
import type { Profile, ProfileInput } from "@/lib/profiles/schemas";

// An owner's profile: what PUT/GET /api/profile and the dashboard's profile page do, written once.

/** The caller's own profile, or null until they have written one (the dashboard shows an empty form). */
export async function ownProfile(caller: Caller): Promise<Profile | null> {
  return asOwner(caller.claims, findOwnProfile);
}

/**
 * The caller's profile, or with userId another owner's if they have at least one public chatbot
 * (private owners stay private: 404 like a missing one).
 */
export async function getProfile(caller: Caller, { userId }: { userId?: string }): Promise<Profile> {
  const profile = await asOwner(caller.claims, (tx) => (userId ? findPublicProfile(tx, userId) : findOwnProfile(tx)));
  if (!profile) throw new ApiError("not_found", "Profile not found.");
  return profile;
}

/** Creates or replaces the caller's profile. */
export async function saveProfile(caller: Caller, input: ProfileInput): Promise<Profile> {
  return asOwner(caller.claims, (tx) => saveProfileRow(tx, input));
}
