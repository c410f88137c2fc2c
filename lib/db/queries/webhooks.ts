import "server-only";
import type { Queryable } from "@/lib/db";
import type { WebhookEvent } from "@/lib/webhooks/events";
import type { CreatedWebhook, WebhookDelivery, WebhookEndpoint } from "@/lib/webhooks/schemas";
import { withIsoTimestamps } from "./timestamps";

interface EndpointRow {
  id: string;
  url: string;
  events: WebhookEvent[];
  description: string;
  created_at: Date;
}

const ENDPOINT_COLUMNS = "id, url, events, description, created_at";

const toEndpoint = (row: EndpointRow): WebhookEndpoint => withIsoTimestamps(row, "created_at");

/**
 * Run as the owner: how many endpoints they have, after taking the owner's lock, which is held to
 * the commit, so concurrent creates count one after another.
 */
export async function countWebhooksLocked(tx: Queryable): Promise<number> {
  await tx.query("select pg_advisory_xact_lock(2, hashtext('webhooks:' || auth.uid()::text))");
  const [{ count }] = await tx.query<{ count: number }>("select count(*)::int as count from public.webhook_endpoints");
  return count;
}

/** Run as the owner: creates an endpoint with the secret the server generated. */
export async function insertWebhook(
  tx: Queryable,
  endpoint: { url: string; events: WebhookEvent[]; description: string; secret: string },
): Promise<CreatedWebhook> {
  const [row] = await tx.query<EndpointRow>(
    `select ${ENDPOINT_COLUMNS} from private.create_webhook_endpoint($1, $2::text[], $3, $4)`,
    [endpoint.url, endpoint.events, endpoint.description, endpoint.secret],
  );
  return { ...toEndpoint(row), secret: endpoint.secret };
}

/** Run as the owner: RLS limits the list to their endpoints, oldest first. */
export async function listWebhooks(tx: Queryable): Promise<WebhookEndpoint[]> {
  const rows = await tx.query<EndpointRow>(
    `select ${ENDPOINT_COLUMNS} from public.webhook_endpoints order by created_at, id`,
  );
  return rows.map(toEndpoint);
}

/** Run as the owner: one of their endpoints, or null (another owner's is null too). */
export async function getWebhook(tx: Queryable, { id }: { id: string }): Promise<WebhookEndpoint | null> {
  const rows = await tx.query<EndpointRow>(`select ${ENDPOINT_COLUMNS} from public.webhook_endpoints where id = $1`, [
    id,
  ]);
  return rows[0] ? toEndpoint(rows[0]) : null;
}

/** Run as the owner: false when no endpoint of theirs has this id. Its secret and log go with it. */
export async function deleteWebhook(tx: Queryable, { id }: { id: string }): Promise<boolean> {
  const rows = await tx.query("delete from public.webhook_endpoints where id = $1 returning id", [id]);
  return rows.length > 0;
}

interface DeliveryRow extends Omit<WebhookDelivery, "created_at"> {
  created_at: Date;
}

/**
 * Run as the owner: an endpoint's delivery log, newest first (at most 100, none older than 30 days
 * even before the next write prunes them), or null when the endpoint isn't theirs. Both reads go
 * out together.
 */
export async function listWebhookDeliveries(
  tx: Queryable,
  { endpointId }: { endpointId: string },
): Promise<WebhookDelivery[] | null> {
  const [owned, rows] = await Promise.all([
    tx.query("select 1 from public.webhook_endpoints where id = $1", [endpointId]),
    tx.query<DeliveryRow>(
      `select id, event, webhook_id, status, response_code, attempt, error, created_at
         from public.webhook_deliveries
        where endpoint_id = $1 and created_at > now() - interval '30 days'
        order by created_at desc, id desc
        limit 100`,
      [endpointId],
    ),
  ]);
  if (owned.length === 0) return null;
  return rows.map((row) => withIsoTimestamps(row, "created_at"));
}

/** As the server's own role: where an endpoint's deliveries go, and what signs them; null once deleted. */
export async function webhookTarget(
  tx: Queryable,
  { endpointId }: { endpointId: string },
): Promise<{ url: string; user_id: string; secret: string } | null> {
  const rows = await tx.query<{ url: string; user_id: string; secret: string }>(
    `select e.url, e.user_id, s.secret
       from public.webhook_endpoints e join private.webhook_secrets s on s.endpoint_id = e.id
      where e.id = $1`,
    [endpointId],
  );
  return rows[0] ?? null;
}

/**
 * As the server's own role, in one statement: logs an attempt and prunes the endpoint's log to
 * its newest 100 attempts of the last 30 days. At most 20 old rows go per write (the statement's
 * cost stays bounded whatever piled up), which outpaces the one row each write adds.
 */
export async function recordWebhookDelivery(
  tx: Queryable,
  delivery: {
    endpointId: string;
    userId: string;
    event: string;
    webhookId: string;
    ok: boolean;
    responseCode: number | null;
    attempt: number;
    error: string | null;
  },
): Promise<void> {
  await tx.query(
    `with pruned as (
       delete from public.webhook_deliveries
        where id in (
          select id from (
            select id, created_at, row_number() over (order by created_at desc, id desc) as newest
              from public.webhook_deliveries where endpoint_id = $1) ranked
           -- 99 of the rows already there, and the one written now.
           where newest > 99 or created_at < now() - interval '30 days'
           limit 20)
     )
     insert into public.webhook_deliveries (endpoint_id, user_id, event, webhook_id, status, response_code, attempt, error)
     values ($1, $2, $3, $4, $5, $6, $7, left($8, 500))`,
    [
      delivery.endpointId,
      delivery.userId,
      delivery.event,
      delivery.webhookId,
      delivery.ok ? "ok" : "failed",
      delivery.responseCode,
      delivery.attempt,
      delivery.error,
    ],
  );
}

/** What message.created and question.unanswered tell about a turn: the owner's own data. */
export interface WebhookTurn {
  message_id: string;
  chatbot_id: string;
  chatbot_name: string;
  conversation_id: string;
  question: string;
  answer: string | null;
  outcome: string | null;
  created_at: string;
}

/** As the server's own role: a turn, as its webhook tells it; null once deleted. */
export async function webhookTurn(tx: Queryable, { messageId }: { messageId: string }): Promise<WebhookTurn | null> {
  const rows = await tx.query<Omit<WebhookTurn, "created_at"> & { created_at: Date }>(
    `select m.id as message_id, m.chatbot_id, c.name as chatbot_name, m.conversation_id,
            m.message as question, m.response as answer, m.outcome, m.created_at
       from public.messages m join public.chatbots c on c.id = m.chatbot_id
      where m.id = $1`,
    [messageId],
  );
  return rows[0] ? withIsoTimestamps(rows[0], "created_at") : null;
}

/** What feedback.created tells: the rating, the visitor's comment on a thumbs down, and the turn it rates. */
export interface WebhookFeedback extends WebhookTurn {
  rating: "up" | "down";
  comment: string | null;
}

/** As the server's own role: a turn's current rating, as its webhook tells it; null once deleted or taken back. */
export async function webhookFeedback(
  tx: Queryable,
  { messageId }: { messageId: string },
): Promise<WebhookFeedback | null> {
  const rows = await tx.query<Omit<WebhookFeedback, "created_at"> & { created_at: Date }>(
    `select m.id as message_id, m.chatbot_id, c.name as chatbot_name, m.conversation_id,
            m.message as question, m.response as answer, m.outcome, m.created_at,
            m.feedback as rating, m.feedback_comment as comment
       from public.messages m join public.chatbots c on c.id = m.chatbot_id
      where m.id = $1 and m.feedback is not null`,
    [messageId],
  );
  return rows[0] ? withIsoTimestamps(rows[0], "created_at") : null;
}
