"use server";

import { asOwner } from "@/lib/db";
import { saveProfile } from "@/lib/db/queries/profiles";
import { action } from "@/lib/http/action";
import { profileInputSchema } from "@/lib/validation/profile";

/** The dashboard's profile form: the same schema and query as PUT /api/profile. */
export const saveProfileAction = action(
  { name: "profile.save", auth: "required", schema: profileInputSchema },
  async ({ input, caller }) => {
    const profile = await asOwner(caller.claims, (tx) => saveProfile(tx, input));
    return { updatedAt: profile.updated_at };
  },
);
