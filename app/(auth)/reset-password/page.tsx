import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { ButtonLink } from "@/components/ui/button-link";
import { AuthFrame } from "../auth-frame";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The emailed link lands here with its token; the token only travels on to the form's action.
export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <AuthFrame title="Choose a new password">
      {value ? (
        <ResetPasswordForm token={value} />
      ) : (
        <p className="text-sm">
          This page needs the link from your email.{" "}
          <ButtonLink variant="link" href="/forgot-password">
            Send a new link
          </ButtonLink>
        </p>
      )}
    </AuthFrame>
  );
}
