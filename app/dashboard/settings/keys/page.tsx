import { KeyRound } from "lucide-react";
import type { Metadata } from "next";
import { CreateApiKey } from "@/components/settings/create-api-key";
import { RevokeApiKey } from "@/components/settings/revoke-api-key";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listApiKeys } from "@/lib/api-keys/use-cases";
import { requireUser } from "@/lib/auth/server";

export const metadata: Metadata = { title: "API keys" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function DateTime({ iso }: { iso: string }) {
  return <time dateTime={iso}>{when.format(new Date(iso))} UTC</time>;
}

// The owner's API keys (read under RLS): create one (shown once), see when each was last used, revoke.
export default async function ApiKeysPage() {
  const user = await requireUser("/dashboard/settings/keys");
  const keys = await listApiKeys(user);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Create an API key</CardTitle>
          <CardDescription>
            Integrations send it as <code>Authorization: Bearer cfk_…</code> and act as you: a read-only key can look
            but never change anything. You see the key once.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateApiKey />
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Your keys</CardTitle>
        </CardHeader>
        <CardContent>
          {keys.length === 0 ? (
            <EmptyState
              icon={KeyRound}
              headingLevel={3}
              title="No API keys yet"
              description="Create one above when an integration needs to read your inbox or manage your chatbots."
            />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Name</TableHead>
                  <TableHead>Key</TableHead>
                  <TableHead>Scope</TableHead>
                  <TableHead>Created</TableHead>
                  <TableHead>Last used</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {keys.map((key) => (
                  <TableRow key={key.id}>
                    <TableCell className="font-medium">{key.name}</TableCell>
                    <TableCell className="font-mono text-xs">{key.prefix}…</TableCell>
                    <TableCell>{key.scope === "read" ? "Read only" : "Read and write"}</TableCell>
                    <TableCell className="whitespace-nowrap">
                      <DateTime iso={key.created_at} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {key.last_used_at ? <DateTime iso={key.last_used_at} /> : "Never"}
                    </TableCell>
                    <TableCell className="text-right">
                      <RevokeApiKey id={key.id} name={key.name} />
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
