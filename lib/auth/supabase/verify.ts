import "server-only";
import { createRemoteJWKSet, decodeProtectedHeader, errors, type JWTPayload, jwtVerify } from "jose";
import type { JwtClaims } from "@/lib/db";
import { ApiError } from "@/lib/errors";
import { SUPABASE_TIMEOUT_MS, supabaseConfig } from "./config";

type RemoteJwks = ReturnType<typeof createRemoteJWKSet>;
const holder = globalThis as typeof globalThis & { __chatfolioSupabaseJwks?: Map<string, RemoteJwks> };

// One key set per project URL, kept for the process: jose refetches it when it meets an unknown
// key id (key rotation) and at most every 10 minutes otherwise, like getClaims() does.
function projectJwks(url: string): RemoteJwks {
  holder.__chatfolioSupabaseJwks ??= new Map();
  let jwks = holder.__chatfolioSupabaseJwks.get(url);
  if (!jwks) {
    jwks = createRemoteJWKSet(new URL(`${url}/auth/v1/.well-known/jwks.json`), {
      timeoutDuration: SUPABASE_TIMEOUT_MS,
      cacheMaxAge: 10 * 60 * 1000,
      cooldownDuration: 30 * 1000,
    });
    holder.__chatfolioSupabaseJwks.set(url, jwks);
  }
  return jwks;
}

/**
 * Verifies a Supabase access token locally: asymmetric keys through the project's JWKS (what
 * getClaims() does), HS256 with SUPABASE_JWT_SECRET (where getClaims() would ask the auth server
 * on every request). Null when it is malformed, forged, expired or not a signed-in user's (the
 * anon key is a JWT too, with role anon).
 */
export async function verifySupabaseAccessToken(token: string): Promise<JwtClaims | null> {
  const { url, jwtSecret } = supabaseConfig();
  const options = { issuer: `${url}/auth/v1`, audience: "authenticated", requiredClaims: ["sub", "exp"] };
  let alg: string | undefined;
  try {
    ({ alg } = decodeProtectedHeader(token));
  } catch {
    return null;
  }
  let payload: JWTPayload;
  try {
    if (alg === "HS256") {
      if (!jwtSecret) return null;
      ({ payload } = await jwtVerify(token, new TextEncoder().encode(jwtSecret), {
        ...options,
        algorithms: ["HS256"],
      }));
    } else {
      ({ payload } = await jwtVerify(token, projectJwks(url), { ...options, algorithms: ["ES256", "RS256", "EdDSA"] }));
    }
  } catch (error) {
    // The key set could not be fetched (fetch throws TypeError): Supabase is down and the token
    // may be fine, so 503 rather than 401.
    if (error instanceof errors.JWKSTimeout || error instanceof TypeError) {
      throw new ApiError("unavailable", "The sign-in service is unavailable right now.", { cause: error });
    }
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
  const { sub, email, role, exp } = payload;
  if (typeof sub !== "string" || role !== "authenticated" || typeof exp !== "number") return null;
  return { ...payload, sub, email: typeof email === "string" ? email : undefined, role, exp };
}
