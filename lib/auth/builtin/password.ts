import "server-only";
import { randomBytes, type ScryptOptions, scrypt, timingSafeEqual } from "node:crypto";

// scrypt with N=2^15, r=8 (32 MiB per hash, ~0.25 s on this project's machines). OWASP's
// floor is N=2^17 or a higher p; these parameters trade some of that for a sign-in that stays
// responsive on two cores. They are stored with each hash, so raising them later only affects
// new hashes and old ones still verify.
const PARAMS = { N: 2 ** 15, r: 8, p: 1 };
let newHashParams = PARAMS;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * params.p * 2 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** `scrypt$N$r$p$<salt base64>$<hash base64>`: self-describing, so parameters can change. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, newHashParams);
  return [
    "scrypt",
    newHashParams.N,
    newHashParams.r,
    newHashParams.p,
    salt.toString("base64"),
    key.toString("base64"),
  ].join("$");
}

/** False for a wrong password and for anything that is not one of our hashes. */
export async function verifyPassword(password: string, stored: string | null | undefined): Promise<boolean> {
  const parts = (stored ?? "").split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") {
    // Spend the same time as a real check, so a missing account is not told apart by timing.
    await derive(password, randomBytes(SALT_LENGTH), newHashParams);
    return false;
  }
  const [, n, r, p, salt, hash] = parts;
  const hashParams = { N: Number(n), r: Number(r), p: Number(p) };
  if (![hashParams.N, hashParams.r, hashParams.p].every((value) => Number.isInteger(value) && value > 0)) return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await derive(password, Buffer.from(salt, "base64"), hashParams);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * New hashes use this cost instead (undefined: the real one), for tests that sign many owners up
 * and aren't about hashing: each real hash costs ~0.25 s of CPU. Verifying reads the cost stored
 * with each hash, so both kinds keep working.
 */
export function setPasswordCostForTests(cost: { N: number; r: number; p: number } | undefined): void {
  newHashParams = cost ?? PARAMS;
}
