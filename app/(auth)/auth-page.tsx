import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/server";
import { AuthFrame } from "./auth-frame";

interface AuthPageProps {
  mode: "sign-in" | "sign-up";
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

/** The shared frame of /login and /signup; a signed-in owner goes straight on to `next`. */
export async function AuthPage({ mode, searchParams }: AuthPageProps) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(Array.isArray(rawNext) ? rawNext[0] : rawNext);
  if (await getCurrentUser()) redirect(next);
  return (
    <AuthFrame title={mode === "sign-up" ? "Create your account" : "Sign in to Chatfolio"}>
      <AuthForm mode={mode} next={next} />
    </AuthFrame>
  );
}
