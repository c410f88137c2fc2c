"use server";

import { action } from "@/lib/http/action";
import { profileInputSchema } from "@/lib/profiles/schemas";
import { saveProfile } from "./use-cases";

/** The dashboard's profile form: the same schema and use case as PUT /api/profile. */
export const saveProfileAction = action(
  { name: "profile.save", auth: "required", schema: profileInputSchema },
  async ({ input, caller }) => {
    const profile = await saveProfile(caller, input);
    return { updatedAt: profile.updated_at };
  },
);
