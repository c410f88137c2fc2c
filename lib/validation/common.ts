import { z } from "zod";

// Shared by the API routes and the dashboard forms: no "server-only" here.

/**
 * Any 8-4-4-4-12 hex id, as PostgreSQL's uuid type accepts it. Stricter RFC checks (z.uuid())
 * would turn a valid but unusual id into a 404 for a row that exists.
 */
export const uuidSchema = z.guid({ error: "Must be a UUID." });

/** `{id}` path segment: a malformed id is an id that doesn't exist, so route() answers 404. */
export const idParamsSchema = z.object({ id: uuidSchema });

/** Timestamps leave the API as ISO 8601 strings in UTC. */
export const timestampSchema = z.iso.datetime({ offset: true });
