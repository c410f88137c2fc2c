import "server-only";
import type { Queryable } from "@/lib/db";

export interface UserRow {
  id: string;
  email: string;
}

export interface UserWithPassword extends UserRow {
  encrypted_password: string | null;
}

/**
 * Inserts a built-in account into auth.users the way Supabase fills its own rows, so profiles'
 * foreign keys and auth.uid() work the same. Null when the email is taken (unique on lower(email)).
 */
export async function insertUser(
  tx: Queryable,
  { email, passwordHash }: { email: string; passwordHash: string },
): Promise<UserRow | null> {
  const rows = await tx.query<UserRow>(
    `insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
                             raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', $1, $2,
             now(), '{"provider":"email","providers":["email"]}'::jsonb, '{}'::jsonb, now(), now())
     on conflict do nothing
     returning id, email`,
    [email, passwordHash],
  );
  return rows[0] ?? null;
}

export async function findUserByEmail(tx: Queryable, email: string): Promise<UserWithPassword | null> {
  const rows = await tx.query<UserWithPassword>(
    "select id, email, encrypted_password from auth.users where lower(email) = lower($1)",
    [email],
  );
  return rows[0] ?? null;
}

export async function recordSignIn(tx: Queryable, userId: string): Promise<void> {
  await tx.query("update auth.users set last_sign_in_at = now() where id = $1", [userId]);
}

export async function findUserById(tx: Queryable, id: string): Promise<UserWithPassword | null> {
  const rows = await tx.query<UserWithPassword>("select id, email, encrypted_password from auth.users where id = $1", [
    id,
  ]);
  return rows[0] ?? null;
}

export async function updatePasswordHash(tx: Queryable, { userId, hash }: { userId: string; hash: string }) {
  await tx.query("update auth.users set encrypted_password = $2, updated_at = now() where id = $1", [userId, hash]);
}

/** False when another account has the address already (unique on lower(email)). */
export async function updateEmail(tx: Queryable, { userId, email }: { userId: string; email: string }) {
  const rows = await tx.query(
    `update auth.users set email = $2, email_confirmed_at = now(), updated_at = now()
      where id = $1 and not exists (select 1 from auth.users o where lower(o.email) = lower($2) and o.id <> $1)
      returning id`,
    [userId, email],
  );
  return rows.length > 0;
}
