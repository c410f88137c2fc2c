/** Rows come back as plain objects; int8 is parsed to number and timestamptz to Date on every driver. */
export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
  /** Several statements in one string, no parameters (migrations, seeds). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Queryable {
  readonly kind: "pglite" | "postgres";
  /**
   * Runs fn in one transaction; every query inside must go through `tx`. On PGlite (one
   * session shared by the whole process) the transaction holds the session's lock until it ends,
   * so never hold one open while waiting on anything but the database.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, identity?: TransactionIdentity): Promise<T>;
  close(): Promise<void>;
}

/**
 * Who a transaction's statements run as, set with its start: the role and the claims RLS reads
 * through auth.uid() / auth.jwt(), transaction-local as Supabase's API sets them.
 */
export interface TransactionIdentity {
  role: "authenticated" | "anon";
  claims: JwtClaims | { role: "anon" };
}

/** The JWT claims the RLS policies read through auth.uid() / auth.jwt(). */
export interface JwtClaims {
  sub: string;
  email?: string;
  role: "authenticated";
  exp?: number;
  [claim: string]: unknown;
}
