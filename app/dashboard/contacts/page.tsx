import { Download, Users } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/dashboard/page-header";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/server";
import { listContacts } from "@/lib/contacts/use-cases";

export const metadata: Metadata = { title: "Contacts" };

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

// Everyone who left their details in a bot's chat, newest first, with their conversation.
export default async function ContactsPage() {
  const user = await requireUser("/dashboard/contacts");
  const contacts = await listContacts(user, {});
  return (
    <>
      <PageHeader
        title="Contacts"
        description="Visitors who left their details for you in a chat, newest first."
        actions={
          contacts.length > 0 ? (
            <ButtonLink variant="secondary" href="/api/contacts?format=csv" prefetch={false} download>
              <Download aria-hidden />
              Export CSV
            </ButtonLink>
          ) : null
        }
      />
      {contacts.length === 0 ? (
        <Card>
          <CardContent className="pt-6">
            <EmptyState
              icon={Users}
              title="No contacts yet"
              description="When a visitor leaves their name and email in a chat, they show up here, and you get an email (see Settings)."
            />
          </CardContent>
        </Card>
      ) : (
        <Card>
          <CardContent className="pt-6">
            <Table data-testid="contacts" scrollLabel="Contacts">
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Email</TableHead>
                  <TableHead>Message</TableHead>
                  <TableHead>Chatbot</TableHead>
                  <TableHead>When (UTC)</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {contacts.map((contact) => (
                  <TableRow key={contact.id}>
                    <TableCell className="font-medium">
                      {contact.inbox_id ? (
                        <Link href={`/dashboard/inbox/${contact.inbox_id}`} className="underline underline-offset-2">
                          {contact.name}
                        </Link>
                      ) : (
                        contact.name
                      )}
                    </TableCell>
                    <TableCell>
                      {contact.email ? (
                        <a href={`mailto:${contact.email}`} className="underline underline-offset-2">
                          {contact.email}
                        </a>
                      ) : (
                        "—"
                      )}
                    </TableCell>
                    <TableCell className="max-w-md wrap-anywhere whitespace-pre-wrap">
                      {contact.message ?? "—"}
                    </TableCell>
                    <TableCell>{contact.chatbot_name}</TableCell>
                    <TableCell>{timeFormat.format(new Date(contact.created_at))}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      )}
    </>
  );
}
