import "server-only";
import { errors, jwtVerify, SignJWT } from "jose";
import { authSecret } from "@/lib/secret";

/** A browser session lasts this long after its last use (it slides while used). */
export const SESSION_TTL_SECONDS = 7 * 24 * 60 * 60;
/** Access tokens from POST /api/auth/token: short-lived, fixed. */
export const ACCESS_TOKEN_TTL_SECONDS = 60 * 60;

const ISSUER = "chatfolio";
// Same audience as Supabase's tokens: both backends' claims look alike to the data layer.
const AUDIENCE = "authenticated";

/** What a built-in token says: the user, and the server-side session row it belongs to. */
export interface BuiltinTokenClaims {
  sub: string;
  email: string;
  role: "authenticated";
  /** private.sessions.id: deleting that row ends the token, whatever its exp says. */
  sid: string;
  /** session: the cookie; access: a Bearer token. Neither is accepted in the other's place. */
  typ: "session" | "access";
  iat: number;
  exp: number;
}

export async function signBuiltinToken(
  claims: Pick<BuiltinTokenClaims, "sub" | "email" | "sid" | "typ">,
  expiresAt: Date,
): Promise<string> {
  return new SignJWT({ email: claims.email, role: "authenticated", sid: claims.sid, typ: claims.typ })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(authSecret());
}

/** The token's claims, or null when it is malformed, forged, expired or of the other kind. */
export async function verifyBuiltinToken(
  token: string,
  typ: BuiltinTokenClaims["typ"],
): Promise<BuiltinTokenClaims | null> {
  try {
    const { payload } = await jwtVerify(token, authSecret(), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ["sub", "exp", "iat"],
    });
    const { sub, email, role, sid, exp, iat } = payload;
    if (payload.typ !== typ || role !== "authenticated") return null;
    if (typeof sub !== "string" || typeof email !== "string" || typeof sid !== "string") return null;
    if (typeof exp !== "number" || typeof iat !== "number") return null;
    return { sub, email, role, sid, typ, exp, iat };
  } catch (error) {
    if (error instanceof errors.JOSEError) return null;
    throw error;
  }
}
