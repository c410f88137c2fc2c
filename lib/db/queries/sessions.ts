import "server-only";
import type { Queryable } from "@/lib/db";

export type SessionKind = "browser" | "token";

export interface SessionRow {
  id: string;
  user_id: string;
  email: string;
  kind: SessionKind;
  expires_at: Date;
  authenticated_at: Date;
}

/** Starts a session; the caller's expired ones are swept at the same time, so rows do not pile up. */
export async function insertSession(
  tx: Queryable,
  { userId, kind, ttlSeconds }: { userId: string; kind: SessionKind; ttlSeconds: number },
): Promise<{ id: string; expires_at: Date }> {
  await tx.query("delete from private.sessions where user_id = $1 and expires_at < now()", [userId]);
  const [row] = await tx.query<{ id: string; expires_at: Date }>(
    `insert into private.sessions (user_id, kind, expires_at)
     values ($1, $2, now() + make_interval(secs => $3)) returning id, expires_at`,
    [userId, kind, ttlSeconds],
  );
  return row;
}

/**
 * The live session with this id, with its user's current email. A browser session idle for
 * less than its TTL is extended (sliding), but at most once per `slideEverySeconds`, so reading a
 * session does not write on every request. One statement, so an owner's request spends one round
 * trip on it (asServiceStatement).
 */
export async function touchSession(
  tx: Queryable,
  { id, ttlSeconds, slideEverySeconds }: { id: string; ttlSeconds: number; slideEverySeconds: number },
): Promise<SessionRow | null> {
  const rows = await tx.query<SessionRow>(
    `with live as (
       select s.id, s.user_id, u.email, s.kind, s.expires_at, s.authenticated_at, s.last_used_at
         from private.sessions s join auth.users u on u.id = s.user_id
        where s.id = $1 and s.expires_at > now()
     ), slid as (
       update private.sessions s
          set last_used_at = now(), expires_at = now() + make_interval(secs => $2)
         from live
        where s.id = live.id and live.kind = 'browser'
          and live.last_used_at < now() - make_interval(secs => $3)
       returning s.expires_at
     )
     select live.id, live.user_id, live.email, live.kind,
            coalesce((select expires_at from slid), live.expires_at) as expires_at, live.authenticated_at
       from live`,
    [id, ttlSeconds, slideEverySeconds],
  );
  return rows[0] ?? null;
}

export async function deleteSession(tx: Queryable, id: string): Promise<void> {
  await tx.query("delete from private.sessions where id = $1", [id]);
}

/** "Sign out everywhere": every browser session and access token of the user. */
export async function deleteUserSessions(tx: Queryable, userId: string): Promise<number> {
  const rows = await tx.query("delete from private.sessions where user_id = $1 returning id", [userId]);
  return rows.length;
}

/** The password was just given again for this session: it may do what needs a recent sign-in. */
export async function markSessionAuthenticated(tx: Queryable, id: string): Promise<void> {
  await tx.query("update private.sessions set authenticated_at = now() where id = $1", [id]);
}

/** After a password change: every session and token of the user but the one that changed it. */
export async function deleteOtherSessions(tx: Queryable, { userId, keep }: { userId: string; keep?: string }) {
  await tx.query("delete from private.sessions where user_id = $1 and id is distinct from $2", [userId, keep ?? null]);
}
