import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { AuthFrame } from "../auth-frame";

export const metadata: Metadata = { title: "Forgot your password" };

export default function ForgotPasswordPage() {
  return (
    <AuthFrame title="Reset your password" description="We’ll email you a link to choose a new one.">
      <ForgotPasswordForm />
    </AuthFrame>
  );
}
