import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/page-header";
import { ProfileForm } from "@/components/profile/profile-form";
import { requireUser } from "@/lib/auth/server";
import { EMPTY_PROFILE } from "@/lib/constants";
import { ownProfile } from "@/lib/profiles/use-cases";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const user = await requireUser("/dashboard/profile");
  const profile = await ownProfile(user);
  return (
    <>
      <PageHeader
        title="Your profile"
        description="What your chatbots know about you. They answer visitors from this, and from nothing else."
      />
      <ProfileForm initial={profile ?? { ...EMPTY_PROFILE }} />
    </>
  );
}
