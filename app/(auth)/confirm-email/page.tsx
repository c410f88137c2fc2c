import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { AuthFrame } from "../auth-frame";

export const metadata: Metadata = { title: "Confirm your new email", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ConfirmEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const value = Array.isArray(token) ? token[0] : token;
  return (
    <AuthFrame title="Confirm your new email">
      {value ? (
        <ConfirmEmailForm token={value} />
      ) : (
        <p className="text-sm">This page needs the link from your email.</p>
      )}
    </AuthFrame>
  );
}
