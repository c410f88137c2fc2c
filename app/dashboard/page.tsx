import { Bot, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/server";
import { asOwner } from "@/lib/db";
import { listChatbots } from "@/lib/db/queries/chatbots";

export const metadata: Metadata = { title: "Overview" };

const NEW_CHATBOT_PATH = "/dashboard/chatbots/new";

// The owner's overview: a greeting and their chatbots (read under RLS).
export default async function DashboardPage() {
  const user = await requireUser("/dashboard");
  const chatbots = await asOwner(user.claims, listChatbots);
  return (
    <>
      <PageHeader
        title={`Welcome, ${user.email}`}
        description="Your chatbots, and the pages where visitors meet them."
        actions={
          chatbots.length > 0 ? (
            <ButtonLink href={NEW_CHATBOT_PATH}>
              <Plus aria-hidden />
              New chatbot
            </ButtonLink>
          ) : null
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>Your chatbots</CardTitle>
        </CardHeader>
        <CardContent>
          {chatbots.length === 0 ? (
            <EmptyState
              icon={Bot}
              headingLevel={3}
              title="You have no chatbots yet"
              description="Create one: it answers visitors' questions about you from your profile, on a page you can share or embed on your site."
              action={
                <ButtonLink href={NEW_CHATBOT_PATH}>
                  <Plus aria-hidden />
                  Create a chatbot
                </ButtonLink>
              }
            />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Visibility</TableHead>
                  <TableHead>Public page</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {chatbots.map((chatbot) => (
                  <TableRow key={chatbot.id}>
                    <TableCell className="font-medium">
                      <Link href={`/dashboard/chatbots/${chatbot.id}`} className="hover:underline">
                        {chatbot.name}
                      </Link>
                    </TableCell>
                    <TableCell>
                      {chatbot.is_public ? <Badge tone="success">Public</Badge> : <Badge>Private</Badge>}
                    </TableCell>
                    <TableCell>
                      <ButtonLink variant="link" href={`/c/${chatbot.public_url_slug}`}>
                        /c/{chatbot.public_url_slug}
                      </ButtonLink>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </>
  );
}
