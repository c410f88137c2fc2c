import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardHeader } from "@/components/ui/card";

/** The frame of the signed-out pages: the brand, and one card with the page's h1 and form. */
export function AuthFrame({
  title,
  description,
  children,
}: {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}) {
  return (
    <main className="mx-auto grid max-w-md gap-6 px-4 py-12 sm:py-20">
      <Link href="/" className="justify-self-center rounded-md px-1 text-lg font-semibold tracking-tight">
        Chatfolio
      </Link>
      <Card>
        <CardHeader>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {description ? <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p> : null}
        </CardHeader>
        <CardContent>{children}</CardContent>
      </Card>
    </main>
  );
}
