import { Webhook } from "lucide-react";
import type { Metadata } from "next";
import { CreateWebhook } from "@/components/settings/create-webhook";
import { DeleteWebhook, SendTestWebhook } from "@/components/settings/webhook-buttons";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireUser } from "@/lib/auth/server";
import type { WebhookDelivery, WebhookEndpoint } from "@/lib/webhooks/schemas";
import { listWebhooksWithDeliveries } from "@/lib/webhooks/use-cases";

export const metadata: Metadata = { title: "Webhooks" };

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

/** How many attempts each endpoint's card shows; the API lists up to 100. */
const SHOWN_DELIVERIES = 20;

function DeliveryLog({ url, deliveries }: { url: string; deliveries: WebhookDelivery[] }) {
  if (deliveries.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No deliveries yet. Send a test event to try it.</p>;
  }
  return (
    <Table scrollLabel={`Recent deliveries to ${url}`}>
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Event</TableHead>
          <TableHead>Result</TableHead>
          <TableHead>Attempt</TableHead>
          <TableHead>Details</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {deliveries.slice(0, SHOWN_DELIVERIES).map((delivery) => (
          <TableRow key={delivery.id}>
            <TableCell className="whitespace-nowrap">
              <time dateTime={delivery.created_at}>{when.format(new Date(delivery.created_at))} UTC</time>
            </TableCell>
            <TableCell className="font-mono text-xs">{delivery.event}</TableCell>
            <TableCell>
              <Badge tone={delivery.status === "ok" ? "success" : "danger"}>
                {delivery.status === "ok" ? "Delivered" : "Failed"}
                {delivery.response_code ? ` (${delivery.response_code})` : ""}
              </Badge>
            </TableCell>
            <TableCell className="tabular-nums">{delivery.attempt}</TableCell>
            <TableCell className="max-w-sm truncate text-xs" title={delivery.error ?? undefined}>
              {delivery.error ?? ""}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function EndpointCard({ endpoint, deliveries }: { endpoint: WebhookEndpoint; deliveries: WebhookDelivery[] }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle className="font-mono text-sm break-all">{endpoint.url}</CardTitle>
        <CardDescription>
          {endpoint.description ? `${endpoint.description}. ` : ""}
          {endpoint.events.map((event) => (
            <Badge key={event} tone="accent" className="mr-1 font-mono">
              {event}
            </Badge>
          ))}
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex flex-wrap gap-2">
          <SendTestWebhook id={endpoint.id} url={endpoint.url} />
          <DeleteWebhook id={endpoint.id} url={endpoint.url} />
        </div>
        <h3 className="text-sm font-semibold">Recent deliveries</h3>
        <DeliveryLog url={endpoint.url} deliveries={deliveries} />
      </CardContent>
    </Card>
  );
}

// The owner's webhook endpoints (read under RLS): add one (secret shown once), send a test event,
// delete, and each one's recent deliveries.
export default async function WebhooksPage() {
  const user = await requireUser("/dashboard/settings/webhooks");
  const endpoints = await listWebhooksWithDeliveries(user);
  return (
    <>
      <Card>
        <CardHeader>
          <CardTitle>Add a webhook endpoint</CardTitle>
          <CardDescription>
            We POST each event as JSON, signed as the Standard Webhooks specification says (headers{" "}
            <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>), and retry failures
            with growing delays for about an hour (8 attempts). You see the signing secret once.
          </CardDescription>
        </CardHeader>
        <CardContent>
          <CreateWebhook />
        </CardContent>
      </Card>
      {endpoints.length === 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Your endpoints</CardTitle>
          </CardHeader>
          <CardContent>
            <EmptyState
              icon={Webhook}
              headingLevel={3}
              title="No webhook endpoints yet"
              description="Add one above to hear of new messages and unanswered questions in your own tools."
            />
          </CardContent>
        </Card>
      ) : (
        endpoints.map(({ endpoint, deliveries }) => (
          <EndpointCard key={endpoint.id} endpoint={endpoint} deliveries={deliveries} />
        ))
      )}
    </>
  );
}
