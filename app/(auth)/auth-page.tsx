import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthForm } from "@/components/auth/auth-form";
import { Card, CardContent, CardHeader } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/next-path";
import { getCurrentUser } from "@/lib/auth/server";

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
    <main className="mx-auto grid max-w-md gap-6 px-4 py-12 sm:py-20">
      <Link href="/" className="justify-self-center rounded-md px-1 text-lg font-semibold tracking-tight">
        Chatfolio
      </Link>
      <Card>
        <CardHeader>
          <h1 className="text-2xl font-semibold tracking-tight">
            {mode === "sign-up" ? "Create your account" : "Sign in to Chatfolio"}
          </h1>
        </CardHeader>
        <CardContent>
          <AuthForm mode={mode} next={next} />
        </CardContent>
      </Card>
    </main>
  );
}
