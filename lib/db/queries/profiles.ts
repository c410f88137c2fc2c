import "server-only";
import type { Queryable } from "@/lib/db";
import type { Profile, ProfileInput } from "@/lib/profiles/schemas";
import { withIsoTimestamps } from "./timestamps";

/** A stored profile: the API's shape, with timestamps as the driver returns them. */
interface ProfileRow extends Omit<Profile, "created_at" | "updated_at"> {
  created_at: Date | string;
  updated_at: Date | string;
}

const COLUMNS = "id, user_id, name, location, bio, skills, experience, interests, created_at, updated_at";

function toProfile(row: ProfileRow): Profile {
  return withIsoTimestamps(row, "created_at", "updated_at");
}

/** Run as the owner: their own profile; null before they have written one. */
export async function findOwnProfile(tx: Queryable): Promise<Profile | null> {
  const [row] = await tx.query<ProfileRow>(
    `select ${COLUMNS} from public.profiles where user_id = (select auth.uid())`,
  );
  return row ? toProfile(row) : null;
}

/**
 * Run as an owner: another owner's profile, only if they have a public chatbot (or are the caller).
 * Goes through private.public_profile: RLS alone never shows one owner another's row.
 */
export async function findPublicProfile(tx: Queryable, userId: string): Promise<Profile | null> {
  const [row] = await tx.query<ProfileRow>(`select ${COLUMNS} from private.public_profile($1)`, [userId]);
  return row ? toProfile(row) : null;
}

/**
 * Run as the owner: creates or replaces their profile in one statement, so two concurrent PUTs
 * can't both try to insert. user_id comes from the claims (the column's default, auth.uid()),
 * never the input.
 */
export async function saveProfile(tx: Queryable, input: ProfileInput): Promise<Profile> {
  const [row] = await tx.query<ProfileRow>(
    `insert into public.profiles (name, location, bio, skills, experience, interests)
       values ($1, $2, $3, $4, $5, $6)
       on conflict (user_id) do update set
         name = excluded.name, location = excluded.location, bio = excluded.bio,
         skills = excluded.skills, experience = excluded.experience, interests = excluded.interests
       returning ${COLUMNS}`,
    [input.name, input.location, input.bio, input.skills, input.experience, input.interests],
  );
  return toProfile(row);
}
